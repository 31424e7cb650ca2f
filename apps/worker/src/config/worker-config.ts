import { z } from 'zod';

/** The worker's environment, checked at boot: a bad value is one clear line, not a failure later. */
const workerEnvironment = z.object({
  TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('dunning'),
  /** How long to keep trying to reach Temporal at boot (the embedded server may still be starting). */
  TEMPORAL_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /** PostgreSQL, or the embedded database `npm start` serves (apps/database). */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// URL'),
  /** How long a customer's mailbox gathers the messages of one sending slot. */
  MAILBOX_GATHER_MS: z.coerce.number().int().min(0).default(10 * 60_000),
  CREDITOR_NAME: z.string().min(1).default('Your company'),
  CREDITOR_EMAIL: z.string().email().default('accounts@example.com'),
  CREDITOR_PHONE: z.string().default(''),
  /** Address lines separated by "|". */
  CREDITOR_ADDRESS: z.string().default(''),
  CREDITOR_IBAN: z.string().optional(),
  /** Postmark: without a token, email goes to the dev outbox. */
  POSTMARK_SERVER_TOKEN: z.string().min(1).optional(),
  POSTMARK_FROM: z.string().email().optional(),
  POSTMARK_MESSAGE_STREAM: z.string().min(1).default('outbound'),
  /** Only to point the SDK at a local stand-in (tests): host[:port], plain HTTP. */
  POSTMARK_API_HOST: z.string().min(1).optional(),
  CREDITOR_LEGAL_MENTIONS: z.string().optional(),
});

export type WorkerConfig = z.infer<typeof workerEnvironment>;

export function loadWorkerConfig(env: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const parsed = workerEnvironment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid worker environment:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}
