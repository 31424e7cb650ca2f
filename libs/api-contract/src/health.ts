import { z } from 'zod';

/** GET /api/health: the API answers (no dependency is checked). */
export const healthStatus = z.object({ status: z.literal('ok') });
