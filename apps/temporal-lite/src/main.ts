import path from 'node:path';
import { USAGE, parseCliArgs } from './cli/parse-args';
import { createLogger } from './cli/logger';
import { LockHeldError, acquireDataDirLock } from './persistence/data-dir-lock';
import { TemporalLite } from './server/temporal-lite';

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let options;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`temporal-lite: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const logger = createLogger(options.logLevel, options.logFormat);
  // One server per journal: a lock file beside it (removed on exit; a dead holder's is taken over).
  if (options.dbFilename) {
    const journalFile = path.resolve(options.dbFilename);
    try {
      const lock = acquireDataDirLock(`${journalFile}.lock`, 'temporal-lite');
      if (lock.tookOverFrom !== undefined) logger.warn(`journal: took over the lock of process ${lock.tookOverFrom}, which is gone (it crashed or was killed)`);
    } catch (error) {
      if (!(error instanceof LockHeldError)) throw error;
      process.stderr.write(
        `temporal-lite: the journal ${journalFile} (in ${path.dirname(journalFile)}) is in use by process ${error.pid}${error.owner ? ` (${error.owner})` : ''}; ` +
          `stop that process first (lock file ${error.lockFile})\n`,
      );
      process.exit(1);
    }
  }
  const server = new TemporalLite({
    port: options.port,
    ip: options.ip,
    timeSkipping: options.mode === 'test-server',
    dbFilename: options.dbFilename,
    namespaces: options.namespaces,
    searchAttributes: options.searchAttributes,
    logger,
    ...options.dynamicConfig,
  });
  await server.start();
  process.stdout.write(
    `temporal-lite ${options.mode} listening on ${options.ip}:${server.boundPort}` + `${options.dbFilename ? ` (state in ${options.dbFilename})` : ' (in memory)'}\n`,
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.stop().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  process.stderr.write(`temporal-lite: failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
