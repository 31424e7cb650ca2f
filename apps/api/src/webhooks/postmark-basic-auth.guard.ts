import { timingSafeEqual } from 'node:crypto';
import { type CanActivate, type ExecutionContext, Inject, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/**
 * The basic auth Postmark puts in webhook URLs (https://user:password@host/api/webhooks/postmark),
 * checked as a guard: before the body is validated or looked at, so an unauthenticated caller
 * learns nothing about the payloads accepted.
 */
@Injectable()
export class PostmarkBasicAuthGuard implements CanActivate {
  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const { POSTMARK_WEBHOOK_USERNAME: username, POSTMARK_WEBHOOK_PASSWORD: password } = this.config;
    if (!username || !password) throw new NotFoundException('the Postmark webhook is not configured (POSTMARK_WEBHOOK_USERNAME, POSTMARK_WEBHOOK_PASSWORD)');
    const [scheme, encoded] = (context.switchToHttp().getRequest<Request>().header('authorization') ?? '').split(' ');
    if (scheme !== 'Basic' || !encoded || !sameSecret(Buffer.from(encoded, 'base64').toString('utf8'), `${username}:${password}`)) {
      throw new UnauthorizedException('bad webhook credentials');
    }
    return true;
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
