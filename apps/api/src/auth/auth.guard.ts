import { type CanActivate, type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { type UserRole, UsersRepository } from '@dunning/db';
import { PUBLIC_ROUTE, type Principal, REQUIRED_ROLES } from '../common/auth.decorators';
import { tokenHash } from './secrets';

export const SESSION_COOKIE = 'dunning_session';

/**
 * Every route needs a caller unless marked @Public(): a session (cookie or bearer token) or an
 * agency API key (X-Api-Key). No caller: 401. Wrong role: 403.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly users: UsersRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const principal = await this.identify(request);
    if (!principal) throw new UnauthorizedException('sign in, or send an agency API key');
    request.principal = principal;
    const roles = this.reflector.getAllAndOverride<UserRole[]>(REQUIRED_ROLES, targets);
    if (roles?.length && principal.role !== 'admin' && !roles.includes(principal.role)) {
      throw new ForbiddenException(`this needs the role ${roles.join(' or ')}`);
    }
    return true;
  }

  private async identify(request: Request): Promise<Principal | undefined> {
    const apiKey = request.header('x-api-key');
    if (apiKey) {
      const agency = await this.users.agencyForApiKey(tokenHash(apiKey));
      return agency ? { kind: 'agency-key', role: 'agency', agencyId: agency.id } : undefined;
    }
    const bearer = request.header('authorization')?.match(/^Bearer\s+(.+)$/i)?.[1];
    const token = bearer ?? (request.cookies?.[SESSION_COOKIE] as string | undefined);
    if (!token) return undefined;
    const user = await this.users.userForSession(tokenHash(token));
    return user ? { kind: 'user', userId: user.id, email: user.email, role: user.role, agencyId: user.agencyId ?? undefined } : undefined;
  }
}
