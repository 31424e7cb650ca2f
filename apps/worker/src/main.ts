import { Client, Connection } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { loadWorkerConfig } from './config/worker-config';
import { connectWithRetry } from './temporal-connection';
import { workflowSource } from './workflow-source';
import { createActivities } from './activities/create-activities';
import { createActivityDependencies } from './dependencies';

const SHUTDOWN_WITHOUT_SERVER_MS = 5_000;

/** The dunning worker: the invoice workflows and their activities on one task queue. */
async function main(): Promise<void> {
  const config = loadWorkerConfig();
  const connection = await connectWithRetry(config.TEMPORAL_ADDRESS, config.TEMPORAL_CONNECT_TIMEOUT_MS, config.TEMPORAL_GRPC_COMPRESSION);
  const client = new Client({ connection: await Connection.connect({ address: config.TEMPORAL_ADDRESS }), namespace: config.TEMPORAL_NAMESPACE });
  const { dependencies, database } = await createActivityDependencies(client, config);
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    ...workflowSource(),
    activities: createActivities(dependencies),
    maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    worker.shutdown();
    // A graceful stop needs the server; when it went first (npm start stops every process at once), do not wait for it forever.
    setTimeout(() => process.exit(0), SHUTDOWN_WITHOUT_SERVER_MS).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  console.log(`worker polling ${config.TEMPORAL_TASK_QUEUE} on ${config.TEMPORAL_ADDRESS} (namespace ${config.TEMPORAL_NAMESPACE})`);
  await worker.run();
  await connection.close();
  await client.connection.close();
  await database.close();
}

main().catch((error) => {
  console.error(`worker: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
