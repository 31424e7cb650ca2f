import { parseArgs } from 'node:util';
import { parseIndexedValueType } from '../engine/search-attributes';
import { type DynamicConfig, parseDynamicConfig } from './dynamic-config';

export interface CliOptions {
  mode: 'dev-server' | 'test-server';
  port: number;
  ip: string;
  namespaces: string[];
  dbFilename?: string;
  searchAttributes: Array<{ name: string; type: number }>;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  logFormat: 'pretty' | 'json';
  dynamicConfig: DynamicConfig;
}

export const USAGE = `Usage:
  temporal-lite server start-dev [--port 7233] [--ip 127.0.0.1] [--namespace NAME]... [--db-filename FILE]
                                 [--search-attribute NAME=TYPE]... [--log-level warn] [--log-format pretty]
                                 [--headless] [--ui-port PORT] [--dynamic-config-value KEY=VALUE]...
  temporal-lite PORT [--ip 127.0.0.1]   the time-skipping test server (as @temporalio/testing launches it)

Both listen on loopback unless --ip says otherwise: they have no authentication.`;

/**
 * Reads the command lines the Temporal SDK's ephemeral-server launcher uses for the CLI dev server
 * and for the Java test server. Flags that only make sense for the real binaries (UI, metrics) are
 * accepted and ignored; of dynamic config, only temporal-lite's own keys are read (dynamic-config.ts).
 */
export function parseCliArgs(argv: string[]): CliOptions {
  if (argv[0] === 'server' && argv[1] === 'start-dev') return parseDevServer(argv.slice(2));
  if (argv[0] && /^\d+$/.test(argv[0])) {
    const rest = argv.slice(1);
    const ipAt = rest.indexOf('--ip');
    return {
      mode: 'test-server',
      port: parsePort(argv[0], 'PORT'),
      // Loopback unless asked: the test server has no authentication (the SDK connects to 127.0.0.1).
      ip: ipAt >= 0 && rest[ipAt + 1] ? rest[ipAt + 1]! : '127.0.0.1',
      namespaces: [],
      searchAttributes: parseSearchAttributes(collectRepeated(argv.slice(1), '--search-attribute')),
      logLevel: 'warn',
      logFormat: 'pretty',
      // The test server keeps closed executions unless a retention is given here (server/temporal-lite.ts).
      dynamicConfig: parseDynamicConfig(collectRepeated(rest, '--dynamic-config-value')),
    };
  }
  throw new Error(`unrecognised command line: ${argv.join(' ') || '(empty)'}\n${USAGE}`);
}

function parseDevServer(args: string[]): CliOptions {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      port: { type: 'string', short: 'p' },
      ip: { type: 'string' },
      namespace: { type: 'string', short: 'n', multiple: true },
      'db-filename': { type: 'string', short: 'f' },
      'search-attribute': { type: 'string', multiple: true },
      'log-level': { type: 'string' },
      'log-format': { type: 'string' },
      headless: { type: 'boolean' },
      'ui-port': { type: 'string' },
      'ui-ip': { type: 'string' },
      'metrics-port': { type: 'string' },
      'http-port': { type: 'string' },
      'dynamic-config-value': { type: 'string', multiple: true },
      'sqlite-pragma': { type: 'string', multiple: true },
    },
  });
  const logLevel = (values['log-level'] ?? 'warn').toLowerCase();
  if (!['debug', 'info', 'warn', 'error', 'fatal'].includes(logLevel)) throw new Error(`--log-level: unknown level "${logLevel}"`);
  return {
    mode: 'dev-server',
    port: parsePort(values.port ?? '7233', '--port'),
    ip: values.ip ?? '127.0.0.1',
    namespaces: values.namespace ?? [],
    dbFilename: values['db-filename'],
    searchAttributes: parseSearchAttributes(values['search-attribute'] ?? []),
    logLevel: (logLevel === 'fatal' ? 'error' : logLevel) as CliOptions['logLevel'],
    logFormat: values['log-format'] === 'json' ? 'json' : 'pretty',
    dynamicConfig: parseDynamicConfig(values['dynamic-config-value'] ?? []),
  };
}

function parsePort(text: string, flag: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${flag}: "${text}" is not a port number`);
  return port;
}

function parseSearchAttributes(specs: string[]): Array<{ name: string; type: number }> {
  return specs.map((spec) => {
    const [name, type] = spec.split('=');
    if (!name || !type) throw new Error(`--search-attribute: expected NAME=TYPE, got "${spec}"`);
    try {
      return { name, type: parseIndexedValueType(type) };
    } catch (error) {
      throw new Error(`--search-attribute ${spec}: ${(error as Error).message}`);
    }
  });
}

function collectRepeated(args: string[], flag: string): string[] {
  const values: string[] = [];
  for (let i = 0; i < args.length; i++) if (args[i] === flag && args[i + 1]) values.push(args[++i]!);
  return values;
}
