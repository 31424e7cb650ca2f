import { z } from 'zod';

/** A calendar date as the API takes it (YYYY-MM-DD, no time, no zone), and a real one: 2027-02-30 is refused. */
export const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((d) => {
    const midnight = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(midnight.getTime()) && midnight.toISOString().startsWith(d);
  }, 'not a real date');
