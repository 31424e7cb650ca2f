import { type CanActivate, type ExecutionContext, ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { type UserRole, UsersRepository } from '@dunning/db';
import { PUBLIC_ROUTE, type Principal, REQUIRED_ROLES } from '../common/auth.decorators';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { checkCookieRequest } from './csrf';
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
    @Inject(API_CONFIG) private readonly config: ApiConfig,
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
    const cookie = request.cookies?.[SESSION_COOKIE] as string | undefined;
    const token = bearer ?? cookie;
    if (!token) return undefined;
    const user = await this.users.userForSession(tokenHash(token));
    // A browser's session cookie rides along on any site's request: state changes prove they come from ours.
    if (user && !bearer) checkCookieRequest(request, token, this.config.PUBLIC_URL);
    return user ? { kind: 'user', userId: user.id, email: user.email, role: user.role, agencyId: user.agencyId ?? undefined } : undefined;
  }
}
