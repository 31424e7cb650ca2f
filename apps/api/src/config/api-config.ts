import { z } from 'zod';

/** The API's environment, checked at boot: one clear line per missing or invalid variable. */
const apiEnvironment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** PostgreSQL, or the embedded database `npm start` serves. Unset: PGlite in PGLITE_DATA_DIR, in this process. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// URL')
    .optional(),
  PGLITE_DATA_DIR: z.string().optional(),
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('dunning'),
  /** Session lifetime. */
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** First start: the admin account to create (its password is printed once when not given). */
  ADMIN_EMAIL: z.string().email().default('admin@example.com'),
  ADMIN_PASSWORD: z.string().min(12, 'at least 12 characters').optional(),
  /** Demo accounts' password (tests, scripted demos); unset: each gets its own, printed once. */
  DEMO_PASSWORD: z.string().min(12, 'at least 12 characters').optional(),
  /** Sign-in throttling: failures allowed per account and per address in 15 minutes, and the first lock (doubling each time). */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(100),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(5),
  /** Create demo users for each role at first start (embedded default). */
  SEED_DEMO_USERS: z.enum(['true', 'false']).default('true'),
  /** Built web app to serve at /, when present. */
  WEB_DIST: z.string().optional(),
  /** Treat requests as over HTTPS (secure cookies). */
  SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  /** The URL providers call back (Twilio signs the exact URL it posts to). */
  PUBLIC_URL: z.string().url().default('http://127.0.0.1:3000'),
  /** Postmark webhooks' basic auth (set the same in Postmark's webhook URL); unset: the webhook is off. */
  POSTMARK_WEBHOOK_USERNAME: z.string().min(1).optional(),
  POSTMARK_WEBHOOK_PASSWORD: z.string().min(12, 'at least 12 characters').optional(),
  /** Twilio's auth token checks its callbacks' signatures; unset: the callbacks are off. */
  TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  /** The secret solvency providers sign their score notifications with (HMAC-SHA256, docs/legal/solvency-scores.md); unset: the webhook is off. */
  SOLVENCY_WEBHOOK_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  /** Who the reminders come from (the collector's script names it); the worker reads the same variables. */
  CREDITOR_NAME: z.string().min(1).default('Your company'),
  CREDITOR_EMAIL: z.string().email().default('accounts@example.com'),
  CREDITOR_PHONE: z.string().default(''),
  CREDITOR_ADDRESS: z.string().default(''),
  /** The creditor's SIREN (9 digits): the FEC export's file name (LPF A47 A-1). */
  /** Check every JSON response against its published schema (a mismatch answers 500): the test harnesses turn it on. */
  CHECK_RESPONSES: z.enum(['true', 'false']).default('false'),
  CREDITOR_SIREN: z
    .string()
    .regex(/^\d{9}$/, '9 digits')
    .optional(),
});

export type ApiConfig = z.infer<typeof apiEnvironment>;

export function loadApiConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const parsed = apiEnvironment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid API environment:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}

export const API_CONFIG = Symbol('API_CONFIG');
