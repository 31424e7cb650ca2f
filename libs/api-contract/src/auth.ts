import { z } from 'zod';
import { PRINCIPAL_KINDS, USER_ROLES } from '@dunning/domain';
import { uuid } from './common';

/** The password policy's bounds (OWASP ASVS V2.1): its strength checks (breached list, guessability) run in the API. */
export const PASSWORD_MIN_LENGTH = 12;
/** What bcrypt reads: a longer password would be cut silently. */
export const PASSWORD_MAX_BYTES = 72;

const utf8 = new TextEncoder();

/** A new password's shape; its strength (breached list, guessability, the user's own name) is checked by the API. */
export const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`)
  .refine((password) => utf8.encode(password).length <= PASSWORD_MAX_BYTES, `at most ${PASSWORD_MAX_BYTES} bytes`);

/** An email as people type it (spaces around it ignored). */
const signInEmail = z.string().trim().max(254).email();

/** POST /api/auth/login */
export const loginBody = z.object({ email: signInEmail, password: z.string().min(1, 'required').max(1024) });

/** POST /api/auth/password: the current password proves it is you. */
export const changePasswordBody = z.object({ currentPassword: z.string().min(1, 'required').max(1024), newPassword });

/** Who is calling: a signed-in user, or an agency by its API key (GET /api/auth/me). */
export const principal = z
  .object({
    kind: z.enum(PRINCIPAL_KINDS),
    userId: uuid.optional(),
    email: z.string().optional(),
    role: z.enum(USER_ROLES),
    /** Agency users and agency keys: they see only this agency's cases. */
    agencyId: uuid.optional(),
  })
  .meta({ id: 'Principal' });

/** The signed-in user, as the login answers it. */
export const sessionUser = z.object({ id: uuid, email: z.string(), displayName: z.string(), role: z.enum(USER_ROLES), agencyId: uuid.nullable() }).meta({ id: 'SessionUser' });

/** A session: also set as the httpOnly cookie (with its CSRF cookie); `token` is for API clients (Bearer). */
export const loginResult = z.object({ token: z.string(), user: sessionUser }).meta({ id: 'LoginResult' });

export type Principal = z.infer<typeof principal>;
export type SessionUser = z.infer<typeof sessionUser>;
export type LoginResult = z.infer<typeof loginResult>;
