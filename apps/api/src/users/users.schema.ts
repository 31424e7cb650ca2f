import { z } from 'zod';
import { USER_ROLES } from '@dunning/db';
import { newPasswordSchema } from '../auth/new-password.schema';

/** An account the admin opens: agency users belong to exactly one agency, nobody else does. */
export const createUserSchema = z
  .object({
    email: z.string().trim().toLowerCase().email().max(254),
    displayName: z.string().trim().min(1, 'required').max(200),
    role: z.enum(USER_ROLES),
    agencyId: z.string().uuid().optional(),
    password: newPasswordSchema,
  })
  .superRefine((user, context) => {
    if ((user.role === 'agency') !== (user.agencyId !== undefined))
      context.addIssue({ code: 'custom', path: ['agencyId'], message: user.role === 'agency' ? 'required for an agency user' : 'only agency users belong to an agency' });
  });

export const resetPasswordSchema = z.object({ newPassword: newPasswordSchema });
