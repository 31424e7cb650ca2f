import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { WORKFLOW_BUNDLE_OPTIONS } from './bundle-options';

/** Workers bundle this code with webpack; an import the sandbox cannot take must fail here, not in production. */
describe('the workflow bundle', () => {
  it('builds from src/index.ts with only what the workflows run, luxon shared', async () => {
    const { code } = await bundleWorkflowCode({ ...WORKFLOW_BUNDLE_OPTIONS, workflowsPath: path.resolve(__dirname, 'index.ts') });
    expect(code).toContain('invoiceWorkflow');
    // No holiday database, no template engine, no database driver inside workflow code.
    expect(code).not.toContain('date-holidays');
    expect(code).not.toContain('handlebars');
    // Every workflow run loads the bundle's modules again: libs/flow and libs/domain say they have no
    // side effects, so what the workflows do not use (zod schemas, the simulator, the default flows) stays out.
    const modules = [...code.matchAll(/^\/\*\*\*\/ "([^"]+)"/gm)].map((m) => m[1]!);
    expect(modules.filter((m) => /node_modules\/zod\/|libs\/flow\/src\/(schema|simulator|default-flows)\//.test(m))).toEqual([]);
    // Luxon is loaded once per worker thread, before any workflow.
    expect(code).toMatch(/preloadModules\(\) \{\s*__webpack_require__\([^)]*shared-modules\.ts"\)/);
    expect(code.length).toBeLessThan(3 * 1024 * 1024); // inline source map included (4.4 MB with zod and the whole of libs/flow)
  }, 60_000);

  it('refuses a workflow that imports a Node built-in', async () => {
    await expect(bundleWorkflowCode({ workflowsPath: path.resolve(__dirname, '../test-fixtures/forbidden-import.workflow.ts') })).rejects.toThrow(/Webpack finished with errors/);
  }, 60_000);
});
