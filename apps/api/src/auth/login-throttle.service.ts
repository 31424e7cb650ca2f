import { Inject, Injectable } from '@nestjs/common';
import { LoginThrottlesRepository, type ThrottlePolicy } from '@dunning/db';
import { API_CONFIG, type ApiConfig } from '../config/api-config';

const MINUTE = 60_000;

/**
 * Brute-force protection (OWASP ASVS V2.2.1): failed sign-ins are counted per account (the email
 * as typed, known or not, so a lock says nothing about existence) and per address. Past the limit
 * in 15 minutes the key is locked, each lock twice as long as the last (up to a day); the right
 * password does not open a locked account.
 */
@Injectable()
export class LoginThrottleService {
  private readonly account: ThrottlePolicy;
  private readonly address: ThrottlePolicy;

  constructor(
    private readonly throttles: LoginThrottlesRepository,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    const lock = config.LOGIN_LOCK_MINUTES * MINUTE;
    this.account = { maxFailures: config.LOGIN_MAX_FAILURES_PER_ACCOUNT, windowMs: 15 * MINUTE, firstLockMs: lock, maxLockMs: 24 * 60 * MINUTE };
    this.address = { maxFailures: config.LOGIN_MAX_FAILURES_PER_ADDRESS, windowMs: 15 * MINUTE, firstLockMs: lock, maxLockMs: 24 * 60 * MINUTE };
  }

  /** When the sign-in may be tried again, if the account or the address is locked now. */
  lockedUntil(email: string, address: string | undefined, now = new Date()): Promise<Date | undefined> {
    return this.throttles.lockedUntil(keys(email, address), now);
  }

  async failed(email: string, address: string | undefined, now = new Date()): Promise<void> {
    const [accountKey, addressKey] = keys(email, address);
    await this.throttles.fail(accountKey!, this.account, now);
    if (addressKey) await this.throttles.fail(addressKey, this.address, now);
  }

  async succeeded(email: string): Promise<void> {
    await this.throttles.succeed(keys(email, undefined)[0]!);
  }
}

function keys(email: string, address: string | undefined): string[] {
  return [`email:${email.trim().toLowerCase()}`, ...(address ? [`ip:${address}`] : [])];
}
