import { USAGE, parseCliArgs } from './cli/parse-args';
import { createLogger } from './cli/logger';
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
  const server = new TemporalLite({
    port: options.port,
    ip: options.ip,
    timeSkipping: options.mode === 'test-server',
    dbFilename: options.dbFilename,
    namespaces: options.namespaces,
    searchAttributes: options.searchAttributes,
    logger,
  });
  await server.start();
  process.stdout.write(
    `temporal-lite ${options.mode} listening on ${options.ip}:${server.boundPort}` + `${options.dbFilename ? ` (state in ${options.dbFilename})` : ' (in memory)'}\n`,
  );
  const stop = () => {
    server.stop().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  process.stderr.write(`temporal-lite: failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
