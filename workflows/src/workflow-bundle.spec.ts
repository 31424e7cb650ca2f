import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';

/** Workers bundle this code with webpack; an import the sandbox cannot take must fail here, not in production. */
describe('the workflow bundle', () => {
  it('builds from src/index.ts and stays small', async () => {
    const { code } = await bundleWorkflowCode({ workflowsPath: path.resolve(__dirname, 'index.ts') });
    expect(code).toContain('invoiceWorkflow');
    // No holiday database, no template engine, no database driver inside workflow code.
    expect(code).not.toContain('date-holidays');
    expect(code).not.toContain('handlebars');
    expect(code.length).toBeLessThan(5 * 1024 * 1024); // inline source map included
  }, 60_000);

  it('refuses a workflow that imports a Node built-in', async () => {
    await expect(bundleWorkflowCode({ workflowsPath: path.resolve(__dirname, '../test-fixtures/forbidden-import.workflow.ts') })).rejects.toThrow(/Webpack finished with errors/);
  }, 60_000);
});
