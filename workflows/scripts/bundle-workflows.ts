/**
 * Pre-bundles the workflow code for production workers (they load dist/workflow-bundle.js instead
 * of bundling at start). The bundler refuses Node built-ins and anything non-deterministic it
 * knows of, so this is also the build-time check of workflow imports.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { WORKFLOW_BUNDLE_OPTIONS } from '../src/bundle-options';

async function main(): Promise<void> {
  const { code } = await bundleWorkflowCode({ ...WORKFLOW_BUNDLE_OPTIONS, workflowsPath: path.resolve(__dirname, '../src/index.ts') });
  const out = path.resolve(__dirname, '../dist/workflow-bundle.js');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, code);
  console.log(`workflow bundle: ${out} (${(code.length / 1024).toFixed(0)} KiB)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
