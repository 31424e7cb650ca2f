import { type CanActivate, type ExecutionContext, Inject, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import type { RequestWithRawBody } from '../common/body-parsing';
import { checkSolvencySignature } from './solvency-signature';

/**
 * A solvency provider's signature (X-Signature: sha256=<hex HMAC-SHA256 of `${X-Timestamp}.${raw body}`
 * with SOLVENCY_WEBHOOK_SECRET>), checked as a guard: before the body is validated, so a forged or
 * replayed request gets 401 whatever it carries, and nothing is written. The secret is never logged.
 */
@Injectable()
export class SolvencySignatureGuard implements CanActivate {
  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const secret = this.config.SOLVENCY_WEBHOOK_SECRET;
    if (!secret) throw new NotFoundException('solvency notifications are not configured (SOLVENCY_WEBHOOK_SECRET)');
    const request = context.switchToHttp().getRequest<RequestWithRawBody>();
    const check = checkSolvencySignature({
      secret,
      signature: request.header('x-signature'),
      timestamp: request.header('x-timestamp'),
      rawBody: request.rawBody,
      now: Date.now(),
    });
    if (!check.ok) throw new UnauthorizedException(check.reason);
    return true;
  }
}
