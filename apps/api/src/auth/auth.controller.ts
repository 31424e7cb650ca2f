import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { UsersRepository } from '@dunning/db';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { CurrentPrincipal, type Principal, Public } from '../common/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { SESSION_COOKIE } from './auth.guard';
import { CSRF_COOKIE, csrfTokenFor } from './csrf';
import { newToken, tokenHash, verifyPassword } from './secrets';

export const loginSchema = z.object({ email: z.string().email(), password: z.string().min(1, 'required') });

@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly users: UsersRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** Signs in: a session as an httpOnly cookie, and the same token for API clients (Bearer). */
  @Public()
  @Post('login')
  @HttpCode(200)
  async login(@Body(new ZodPipe(loginSchema)) body: z.infer<typeof loginSchema>, @Res({ passthrough: true }) response: Response) {
    const user = await this.users.findByEmail(body.email);
    if (!user || !(await verifyPassword(body.password, user.passwordHash))) throw new UnauthorizedException('wrong email or password');
    const token = newToken();
    const expiresAt = new Date(Date.now() + this.config.SESSION_TTL_HOURS * 3_600_000);
    await this.users.createSession(user.id, tokenHash(token), expiresAt);
    const secure = secureCookies(this.config);
    response.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, expires: expiresAt, path: '/' });
    response.cookie(CSRF_COOKIE, csrfTokenFor(token), { httpOnly: false, sameSite: 'strict', secure, expires: expiresAt, path: '/' });
    return { token, user: { id: user.id, email: user.email, displayName: user.displayName, role: user.role, agencyId: user.agencyId } };
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const token = request.header('authorization')?.replace(/^Bearer\s+/i, '') ?? request.cookies?.[SESSION_COOKIE];
    if (token) await this.users.deleteSession(tokenHash(token));
    response.clearCookie(SESSION_COOKIE, { path: '/' });
    response.clearCookie(CSRF_COOKIE, { path: '/' });
  }

  /** Who is signed in; a browser session gets its CSRF cookie again (sessions opened before it existed). */
  @Get('me')
  me(@CurrentPrincipal() principal: Principal, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const cookie = request.cookies?.[SESSION_COOKIE] as string | undefined;
    if (cookie && !request.header('authorization'))
      response.cookie(CSRF_COOKIE, csrfTokenFor(cookie), { httpOnly: false, sameSite: 'strict', secure: secureCookies(this.config), path: '/' });
    return principal;
  }
}

/** Secure cookies when told so, or whenever the public URL is HTTPS (production). */
function secureCookies(config: ApiConfig): boolean {
  return config.SECURE_COOKIES === 'true' || config.PUBLIC_URL.startsWith('https://');
}
