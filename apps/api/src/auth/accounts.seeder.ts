import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { UsersRepository } from '@dunning/db';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { hashPassword, newToken, tokenHash } from './secrets';

/**
 * First start: an admin (password from ADMIN_PASSWORD, or generated and printed once), and with
 * SEED_DEMO_USERS one account per role plus a demo agency with an API key. Nothing secret is in
 * the repository; generated secrets are shown once on the console.
 */
@Injectable()
export class AccountsSeeder {
  private readonly logger = new Logger('Accounts');

  constructor(
    private readonly users: UsersRepository,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async seedIfEmpty(): Promise<void> {
    if ((await this.users.count()) > 0) return;
    const password = this.config.ADMIN_PASSWORD ?? randomBytes(9).toString('base64url');
    await this.users.create({ email: this.config.ADMIN_EMAIL, displayName: 'Administrator', passwordHash: await hashPassword(password), role: 'admin' });
    const lines = [`admin: ${this.config.ADMIN_EMAIL} / ${this.config.ADMIN_PASSWORD ? '(ADMIN_PASSWORD)' : password}`];
    if (this.config.SEED_DEMO_USERS === 'true') {
      const apiKey = newToken();
      const agency = await this.users.createAgency({ name: 'Recouvrement Rapide', apiKeyHash: tokenHash(apiKey) });
      for (const [role, email] of [
        ['credit_manager', 'manager@example.com'],
        ['collector', 'collector@example.com'],
        ['agency', 'agency@example.com'],
      ] as const) {
        await this.users.create({
          email,
          displayName: role.replace('_', ' '),
          passwordHash: await hashPassword(password),
          role,
          agencyId: role === 'agency' ? agency.id : undefined,
        });
        lines.push(`${role}: ${email} / same password`);
      }
      lines.push(`agency "${agency.name}" API key: ${apiKey}`);
    }
    this.logger.log(`first start — accounts created (shown once):\n  ${lines.join('\n  ')}`);
  }
}
