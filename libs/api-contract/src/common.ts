import { z } from 'zod';
import { MAX_DOCUMENT_MINOR_UNITS } from '@dunning/domain';

/**
 * The pieces every route's contract is built from. Request schemas describe what a client sends;
 * response schemas describe the JSON on the wire (dates as ISO strings), and the web app's types
 * are inferred from them.
 */

/** A field and what is wrong with it: every 4xx caused by input lists them. */
export const problem = z.object({ field: z.string(), message: z.string() }).meta({ id: 'Problem' });

/** Every error the API answers. */
export const errorBody = z
  .looseObject({
    statusCode: z.number().int(),
    message: z.union([z.string(), z.array(z.string())]),
    /** Each field at fault, when the input caused the error. */
    problems: z.array(problem).optional(),
    /** 429: when to try again. */
    retryAfterSeconds: z.number().int().optional(),
  })
  .meta({ id: 'Error' });

export const uuid = z.uuid('a UUID');
export const idParams = z.object({ id: uuid });

/** An instant on the wire: ISO 8601 in UTC, as `Date.toJSON` writes it. */
export const instant = z.iso.datetime({ offset: true, message: 'a date and time (ISO 8601)' });

/**
 * A calendar date (YYYY-MM-DD, no time, no zone), a real one (2027-02-30 is refused) and one the
 * books and the flows can count from: 1900 to 2999 (PostgreSQL refuses year 0, and a date near
 * 9999 overflows as soon as a flow adds days to it).
 */
export const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((d) => {
    const midnight = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(midnight.getTime()) && midnight.toISOString().startsWith(d);
  }, 'not a real date')
  .refine((d) => d >= '1900-01-01' && d <= '2999-12-31', 'between 1900-01-01 and 2999-12-31')
  .meta({ format: 'date' });

/** An instant a client sends (a payment received at…): ISO 8601 with its offset, 1900 to 2999. */
export const instantInput = z.iso.datetime({ offset: true, message: 'a date and time (ISO 8601)' }).refine((i) => {
  const at = Date.parse(i);
  return at >= Date.UTC(1900, 0, 1) && at < Date.UTC(3000, 0, 1);
}, 'between 1900 and 2999');

/** An IANA time zone the runtime knows (Europe/Paris). */
export const timeZone = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'not a time zone (an IANA name such as Europe/Paris)');

/** An ISO 4217 code. */
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR');

/** A positive amount in integer minor units (cents), bounded so the books' totals stay exact. */
export const positiveAmount = z
  .number()
  .int('an integer amount of minor units (cents)')
  .positive('must be positive')
  .max(MAX_DOCUMENT_MINOR_UNITS, `at most ${MAX_DOCUMENT_MINOR_UNITS} minor units`);

/** Any amount the books report (balances may be negative: a credit). */
export const amountOnWire = z.number().int();

export const money = z.object({ amount: amountOnWire, currency: currencyCode }).meta({ id: 'Money' });

/** A page of a list. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int().min(0), page: z.number().int().min(1), pageSize: z.number().int().min(1) });
}

/** Text PostgreSQL can store: it refuses the NUL character, so one with NUL is refused by name instead of failing in the database. */
// eslint-disable-next-line no-control-regex -- the NUL character is exactly what is refused
export const storable = () => z.string().regex(/^[^\u0000]*$/, 'no NUL character');

/** Free text a person types (a reason, a note), bounded. */
export const text = (max = 2000) => storable().max(max);

/** Required text a person types: trimmed, not empty, bounded. */
export const requiredText = (max: number, empty = 'required') => text(max).trim().min(1, empty);
