import type { Logger } from '../engine/engine';

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** Logs to stderr at or above the configured level, as text or JSON lines. */
export function createLogger(level: (typeof LEVELS)[number], format: 'pretty' | 'json'): Logger & { info(message: string): void } {
  const threshold = LEVELS.indexOf(level);
  const write = (at: (typeof LEVELS)[number], message: string, error?: unknown) => {
    if (LEVELS.indexOf(at) < threshold) return;
    const detail = error instanceof Error ? (error.stack ?? error.message) : error === undefined ? '' : String(error);
    if (format === 'json') {
      process.stderr.write(`${JSON.stringify({ level: at, ts: new Date().toISOString(), msg: message, error: detail || undefined })}\n`);
    } else {
      process.stderr.write(`${new Date().toISOString()} ${at.toUpperCase()} temporal-lite: ${message}${detail ? `\n${detail}` : ''}\n`);
    }
  };
  return {
    info: (message) => write('info', message),
    warn: (message) => write('warn', message),
    error: (message, error) => write('error', message, error),
  };
}
