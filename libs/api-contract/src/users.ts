import { z } from 'zod';
import { USER_ROLES } from '@dunning/domain';
import { newPassword } from './auth';
import { instant, storable, uuid } from './common';

/** POST /api/users: an account the admin opens. Agency users belong to exactly one agency, nobody else does. */
export const createUserBody = z
  .object({
    /** Stored lower-cased, so uniqueness ignores case. */
    email: z.string().trim().toLowerCase().max(254).email(),
    displayName: storable().trim().min(1, 'required').max(200),
    role: z.enum(USER_ROLES),
    agencyId: uuid.optional(),
    password: newPassword,
  })
  .superRefine((user, context) => {
    if ((user.role === 'agency') !== (user.agencyId !== undefined))
      context.addIssue({ code: 'custom', path: ['agencyId'], message: user.role === 'agency' ? 'required for an agency user' : 'only agency users belong to an agency' });
  });

/** POST /api/users/:id/password: the admin sets a new password (a forgotten one). */
export const resetPasswordBody = z.object({ newPassword });

/** An account as the admin sees it (never its password hash). */
export const userAccount = z
  .object({
    id: uuid,
    email: z.string(),
    displayName: z.string(),
    role: z.enum(USER_ROLES),
    agencyId: uuid.nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'UserAccount' });

export const userAccountList = z.array(userAccount);

export type UserAccount = z.infer<typeof userAccount>;
export type CreateUserBody = z.input<typeof createUserBody>;
