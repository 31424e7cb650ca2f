/**
 * The `--dynamic-config-value KEY=VALUE` settings temporal-lite reads (VALUE as Temporal's CLI takes
 * it: JSON, so a duration is a quoted string or a number of milliseconds): its own `temporal-lite.*`
 * keys and Temporal's `system.enableActivityEagerExecution`. Others are accepted and ignored, as the
 * real dev server's are of no use here.
 */
export interface DynamicConfig {
  /** How long the `default` namespace (and those of --namespace) keep closed executions, in days. */
  defaultRetentionDays?: number;
  /** How often closed executions past their retention are removed, in milliseconds. */
  retentionSweepMs?: number;
  /** Temporal's `system.enableActivityEagerExecution` (on unless set to false). */
  activityEagerExecution?: boolean;
}

/** `temporal-lite.*` keys: the knobs of this server, named apart from Temporal's own. */
const KEYS = {
  'temporal-lite.namespaceRetention': 'defaultRetentionDays',
  'temporal-lite.retentionSweepInterval': 'retentionSweepMs',
} as const;

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "500ms", "90s", "72h", "1d", or a number of milliseconds; JSON quotes allowed. */
export function parseDurationMs(text: string): number {
  const value = text.trim().replace(/^"(.*)"$/, '$1');
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(value);
  if (!match) throw new Error(`"${text}" is not a duration (examples: 500ms, 90s, 72h, 1d)`);
  const ms = Number(match[1]) * UNIT_MS[match[2] ?? 'ms']!;
  if (!(ms > 0)) throw new Error(`"${text}" must be longer than zero`);
  return ms;
}

function parseBoolean(key: string, text: string): boolean {
  const value = text.trim();
  if (value === 'true' || value === 'false') return value === 'true';
  throw new Error(`--dynamic-config-value ${key}: "${text}" is not true or false`);
}

export function parseDynamicConfig(entries: string[]): DynamicConfig {
  const config: DynamicConfig = {};
  for (const entry of entries) {
    const at = entry.indexOf('=');
    if (at <= 0) throw new Error(`--dynamic-config-value: expected KEY=VALUE, got "${entry}"`);
    const key = entry.slice(0, at);
    if (key === 'system.enableActivityEagerExecution') {
      config.activityEagerExecution = parseBoolean(key, entry.slice(at + 1));
      continue;
    }
    const setting = KEYS[key as keyof typeof KEYS];
    if (!setting) continue;
    let ms: number;
    try {
      ms = parseDurationMs(entry.slice(at + 1));
    } catch (error) {
      throw new Error(`--dynamic-config-value ${key}: ${(error as Error).message}`);
    }
    if (setting === 'defaultRetentionDays') config.defaultRetentionDays = ms / 86_400_000;
    else config.retentionSweepMs = ms;
  }
  return config;
}
