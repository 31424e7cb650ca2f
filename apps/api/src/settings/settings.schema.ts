import { z } from 'zod';

/**
 * The admin's settings, validated here before they are stored (the worker and the receivables
 * service read them): the provision rate on doubtful receivables, the per-customer daily cap of
 * messages, the agency an escalation goes to when its step names none.
 */
export const settingsBody = z
  .object({
    /** Percent of a doubtful receivable's amount before VAT provisioned (PCG 491 / 6817). */
    provisionRatePercent: z.number().min(0).max(100).multipleOf(0.01, 'at most 2 decimals'),
    dailyCap: z
      .object({
        email: z.number().int().min(1).max(100),
        sms: z.number().int().min(1).max(100),
        letter: z.number().int().min(1).max(100),
      })
      .strict(),
    defaultAgencyId: z.string().uuid().nullable(),
  })
  .partial()
  .strict();
export type SettingsBody = z.infer<typeof settingsBody>;

export const lateRateBody = z.object({
  from: z.string().regex(/^\d{4}-(01|07)-01$/, 'the first day of a half-year: YYYY-01-01 or YYYY-07-01'),
  ecbRatePercent: z.number().min(-5).max(50),
});
