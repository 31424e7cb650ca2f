import { Controller, Get, HttpException, HttpStatus, Inject, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { changePasswordBody, loginBody, loginResult, principal as principalSchema } from '@dunning/api-contract';
import { UsersRepository } from '@dunning/db';
import { AuditService } from '../audit/audit.service';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { CurrentPrincipal, type Principal, Public } from '../common/auth.decorators';
import { Returns, ValidBody } from '../common/contract/contract.decorators';
import { SESSION_COOKIE } from './auth.guard';
import { CSRF_COOKIE, csrfTokenFor } from './csrf';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordsService } from './passwords.service';
import { newToken, tokenHash } from './secrets';

@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly users: UsersRepository,
    private readonly throttle: LoginThrottleService,
    private readonly passwords: PasswordsService,
    private readonly audit: AuditService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /**
   * Signs in: a session as an httpOnly cookie, and the same token for API clients (Bearer). Known
   * and unknown emails take the same path and the same time (one bcrypt comparison each); repeated
   * failures lock the account and the address for a while (429 with Retry-After).
   */
  @Public()
  @Post('login')
  @Returns(loginResult, { status: 200, errors: [401, 429], summary: 'Signs in: a session cookie (with its CSRF cookie) and the same token for API clients' })
  async login(@ValidBody(loginBody) body: z.infer<typeof loginBody>, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const lockedUntil = await this.throttle.lockedUntil(body.email, request.ip);
    if (lockedUntil) {
      await this.recordSignIn(request, body.email, HttpStatus.TOO_MANY_REQUESTS);
      const seconds = Math.ceil((lockedUntil.getTime() - Date.now()) / 1000);
      response.setHeader('Retry-After', String(seconds));
      throw new HttpException({ message: `too many failed sign-ins: try again in ${describeWait(seconds)}`, retryAfterSeconds: seconds }, HttpStatus.TOO_MANY_REQUESTS);
    }
    const user = await this.users.findByEmail(body.email);
    const matches = await this.passwords.matches(body.password, user?.passwordHash);
    if (!user || !matches) {
      await this.throttle.failed(body.email, request.ip);
      await this.recordSignIn(request, body.email, HttpStatus.UNAUTHORIZED, user?.id);
      throw new UnauthorizedException('wrong email or password');
    }
    await this.throttle.succeeded(body.email);
    const token = newToken();
    const expiresAt = new Date(Date.now() + this.config.SESSION_TTL_HOURS * 3_600_000);
    await this.users.createSession(user.id, tokenHash(token), expiresAt);
    await this.recordSignIn(request, user.email, HttpStatus.OK, user.id, user.role);
    this.setSessionCookies(response, token, expiresAt);
    return { token, user: { id: user.id, email: user.email, displayName: user.displayName, role: user.role, agencyId: user.agencyId } };
  }

  @Post('logout')
  @Returns(null, { status: 204, summary: 'Signs out: the session ends and its cookies are cleared' })
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const token = sessionToken(request);
    if (token) await this.users.deleteSession(tokenHash(token));
    response.clearCookie(SESSION_COOKIE, { path: '/' });
    response.clearCookie(CSRF_COOKIE, { path: '/' });
  }

  /** Changes one's own password (the current one proves it is you); every other session ends. */
  @Post('password')
  @Returns(null, { status: 204, errors: [422], summary: 'Changes one’s own password; every other session of the user ends' })
  async changePassword(@CurrentPrincipal() principal: Principal, @ValidBody(changePasswordBody) body: z.infer<typeof changePasswordBody>, @Req() request: Request) {
    if (principal.kind !== 'user' || !principal.userId) throw new HttpException('an agency API key has no password', HttpStatus.FORBIDDEN);
    const user = await this.users.findById(principal.userId);
    if (!user || !(await this.passwords.matches(body.currentPassword, user.passwordHash))) {
      await this.throttle.failed(user?.email ?? principal.userId, request.ip);
      throw new HttpException({ message: 'currentPassword: wrong password', problems: [{ field: 'currentPassword', message: 'wrong password' }] }, HttpStatus.UNPROCESSABLE_ENTITY);
    }
    await this.passwords.set(user, body.newPassword, { keepSession: tokenHash(sessionToken(request)!) });
  }

  /** Who is signed in; a browser session gets its CSRF cookie again (sessions opened before it existed). */
  @Get('me')
  @Returns(principalSchema, { summary: 'Who is calling: a user or an agency’s API key' })
  me(@CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const cookie = request.cookies?.[SESSION_COOKIE] as string | undefined;
    if (cookie && !request.header('authorization'))
      response.cookie(CSRF_COOKIE, csrfTokenFor(cookie), { httpOnly: false, sameSite: 'strict', secure: secureCookies(this.config), path: '/' });
    return principal;
  }

  private setSessionCookies(response: Response, token: string, expiresAt: Date): void {
    const secure = secureCookies(this.config);
    response.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, expires: expiresAt, path: '/' });
    response.cookie(CSRF_COOKIE, csrfTokenFor(token), { httpOnly: false, sameSite: 'strict', secure, expires: expiresAt, path: '/' });
  }

  private recordSignIn(request: Request, email: string, status: number, userId?: string, role?: string): Promise<void> {
    return this.audit.record({
      actorUserId: userId ?? null,
      actorRole: status === HttpStatus.OK && role ? role : 'anonymous',
      actorEmail: email.trim().toLowerCase(),
      method: 'POST',
      route: 'POST /api/auth/login',
      params: {},
      body: null,
      status,
      address: request.ip ?? null,
    });
  }
}

function sessionToken(request: Request): string | undefined {
  return request.header('authorization')?.replace(/^Bearer\s+/i, '') ?? (request.cookies?.[SESSION_COOKIE] as string | undefined);
}

function describeWait(seconds: number): string {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

/** Secure cookies when told so, or whenever the public URL is HTTPS (production). */
function secureCookies(config: ApiConfig): boolean {
  return config.SECURE_COOKIES === 'true' || config.PUBLIC_URL.startsWith('https://');
}
