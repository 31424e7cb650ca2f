import { z } from 'zod';

/** The worker's environment, checked at boot: a bad value is one clear line, not a failure later. */
const workerEnvironment = z
  .object({
    TEMPORAL_ADDRESS: z.string().min(1).default('127.0.0.1:7233'),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_TASK_QUEUE: z.string().min(1).default('dunning'),
    /** How long to keep trying to reach Temporal at boot (the embedded server may still be starting). */
    TEMPORAL_CONNECT_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
    /** gzip of the worker's requests: `auto` sends them plain to a loopback address, gzipped elsewhere. */
    TEMPORAL_GRPC_COMPRESSION: z.enum(['auto', 'gzip', 'none']).default('auto'),
    /**
     * Workflows kept in the worker's memory between their tasks (the SDK's sticky cache). One whose
     * task comes after it left the cache is replayed from its history: slower, never wrong. The SDK
     * sizes it from the heap by default (thousands, several GB of RSS with 100 000 open invoices).
     */
    WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).default(2_000),
    /** PostgreSQL, or the embedded database `npm start` serves (apps/database). */
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// URL'),
    /** How long a customer's mailbox gathers the messages of one sending slot. */
    MAILBOX_GATHER_MS: z.coerce
      .number()
      .int()
      .min(0)
      .default(10 * 60_000),
    CREDITOR_NAME: z.string().min(1).default('Your company'),
    CREDITOR_EMAIL: z.string().email().default('accounts@example.com'),
    CREDITOR_PHONE: z.string().default(''),
    /** Address lines separated by "|". */
    CREDITOR_ADDRESS: z.string().default(''),
    CREDITOR_IBAN: z.string().optional(),
    /** The creditor's SIREN, on court requests (legal cases). */
    CREDITOR_SIREN: z.string().optional(),
    /** Postmark: without a token, email goes to the dev outbox. */
    POSTMARK_SERVER_TOKEN: z.string().min(1).optional(),
    POSTMARK_FROM: z.string().email().optional(),
    POSTMARK_MESSAGE_STREAM: z.string().min(1).default('outbound'),
    /** Only to point the SDK at a local stand-in (tests): host[:port], plain HTTP. */
    POSTMARK_API_HOST: z.string().min(1).optional(),
    CREDITOR_LEGAL_MENTIONS: z.string().optional(),
    /** Twilio: without an account SID and token, SMS go to the dev outbox. */
    TWILIO_ACCOUNT_SID: z
      .string()
      .regex(/^AC[0-9a-fA-F]{32}$/, 'an account SID, AC + 32 hex digits')
      .optional(),
    TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
    /** The sender: a number in E.164, or a messaging service (MG…), not both. */
    TWILIO_FROM: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'a number in E.164, +33…')
      .optional(),
    TWILIO_MESSAGING_SERVICE_SID: z
      .string()
      .regex(/^MG[0-9a-fA-F]{32}$/, 'a messaging service SID, MG + 32 hex digits')
      .optional(),
    /** Only to point the SDK at a local stand-in (tests): http://127.0.0.1:port. */
    TWILIO_API_BASE_URL: z.string().url().optional(),
    /** The API's public URL, for the callbacks providers post (Twilio's status callback). */
    PUBLIC_URL: z.string().url().default('http://127.0.0.1:3000'),
  })
  .superRefine((env, context) => {
    if (env.TWILIO_ACCOUNT_SID && !env.TWILIO_AUTH_TOKEN) context.addIssue({ code: 'custom', path: ['TWILIO_AUTH_TOKEN'], message: 'required with TWILIO_ACCOUNT_SID' });
    if (env.TWILIO_ACCOUNT_SID && !env.TWILIO_FROM === !env.TWILIO_MESSAGING_SERVICE_SID) {
      context.addIssue({ code: 'custom', path: ['TWILIO_FROM'], message: 'set exactly one of TWILIO_FROM and TWILIO_MESSAGING_SERVICE_SID' });
    }
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
