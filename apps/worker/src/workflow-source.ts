import { existsSync } from 'node:fs';
import path from 'node:path';
import type { WorkerOptions } from '@temporalio/worker';
import { WORKFLOW_BUNDLE_OPTIONS } from '@dunning/workflows';

const workflowsRoot = path.dirname(require.resolve('@dunning/workflows/package.json'));

/**
 * The invoice workflows: the pre-built bundle when `nx build workflows` made one (production, CI),
 * else the sources, bundled at start (development).
 */
export function workflowSource(): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'> {
  const bundle = path.join(workflowsRoot, 'dist', 'workflow-bundle.js');
  if (existsSync(bundle)) return { workflowBundle: { codePath: bundle } };
  return { workflowsPath: path.join(workflowsRoot, 'src', 'index.ts'), bundlerOptions: WORKFLOW_BUNDLE_OPTIONS };
}
