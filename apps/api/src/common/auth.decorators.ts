import { type ExecutionContext, SetMetadata, createParamDecorator } from '@nestjs/common';
import type { UserRole } from '@dunning/db';

export const PUBLIC_ROUTE = 'publicRoute';
export const REQUIRED_ROLES = 'requiredRoles';

/** A route anyone may call (login, health, provider webhooks with their own checks). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The roles allowed on a route; admins pass everywhere. */
export const Roles = (...roles: UserRole[]) => SetMetadata(REQUIRED_ROLES, roles);

/** Who is calling: a signed-in user, or an agency by its API key. */
export interface Principal {
  kind: 'user' | 'agency-key';
  userId?: string;
  email?: string;
  role: UserRole;
  /** Set for agency users and agency keys: they see only this agency's cases. */
  agencyId?: string;
}

export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  return context.switchToHttp().getRequest().principal;
});
