import { type CanActivate, type ExecutionContext, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Request } from 'express';
import twilio from 'twilio';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

/**
 * Twilio's request signature (X-Twilio-Signature, HMAC-SHA1 of the exact public URL and every
 * posted parameter with TWILIO_AUTH_TOKEN), checked as a guard: before the body is validated, so
 * a forged request is refused (403) whatever it carries and learns nothing about what is accepted.
 */
@Injectable()
export class TwilioSignatureGuard implements CanActivate {
  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const token = this.config.TWILIO_AUTH_TOKEN;
    if (!token) throw new NotFoundException('Twilio callbacks are not configured (TWILIO_AUTH_TOKEN)');
    const request = context.switchToHttp().getRequest<Request>();
    const signature = request.header('x-twilio-signature');
    const url = new URL(request.originalUrl, this.config.PUBLIC_URL).toString();
    const params = (request.body ?? {}) as Record<string, string>;
    if (!signature || typeof params !== 'object' || !twilio.validateRequest(token, signature, url, params)) throw new ForbiddenException('bad or missing X-Twilio-Signature');
    return true;
  }
}
