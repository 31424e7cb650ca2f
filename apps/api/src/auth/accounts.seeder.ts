import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { UsersRepository } from '@dunning/db';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { passwordProblem } from './password-policy';
import { hashPassword, newToken, tokenHash } from './secrets';

const DEMO_ACCOUNTS = [
  ['credit_manager', 'manager@example.com', 'Credit manager'],
  ['collector', 'collector@example.com', 'Collector'],
  ['agency', 'agency@example.com', 'Agency'],
] as const;

/**
 * First start: an admin (password from ADMIN_PASSWORD, or generated), and with SEED_DEMO_USERS one
 * account per role, each with its own generated password (or DEMO_PASSWORD, for tests and scripted
 * demos), plus a demo agency with an API key. Nothing secret is in the repository; generated
 * secrets are shown once on the console. A given password must pass the password policy.
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
    const { ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: adminPassword, DEMO_PASSWORD: demoPassword } = this.config;
    refuseWeak('ADMIN_PASSWORD', adminPassword, adminEmail);
    refuseWeak('DEMO_PASSWORD', demoPassword, 'example.com');
    const password = adminPassword ?? generatedPassword();
    await this.users.create({ email: adminEmail, displayName: 'Administrator', passwordHash: await hashPassword(password), role: 'admin' });
    const lines = [`admin: ${adminEmail} / ${adminPassword ? '(ADMIN_PASSWORD)' : password}`];
    if (this.config.SEED_DEMO_USERS === 'true') {
      const apiKey = newToken();
      const agency = await this.users.createAgency({ name: 'Recouvrement Rapide', apiKeyHash: tokenHash(apiKey) });
      for (const [role, email, displayName] of DEMO_ACCOUNTS) {
        const own = demoPassword ?? generatedPassword();
        await this.users.create({ email, displayName, passwordHash: await hashPassword(own), role, agencyId: role === 'agency' ? agency.id : undefined });
        lines.push(`${role}: ${email} / ${demoPassword ? '(DEMO_PASSWORD)' : own}`);
      }
      lines.push(`agency "${agency.name}" API key: ${apiKey}`);
    }
    this.logger.log(`first start — accounts created (shown once; change them under Account):\n  ${lines.join('\n  ')}`);
  }
}

/** 16 random characters (96 bits). */
function generatedPassword(): string {
  return randomBytes(12).toString('base64url');
}

function refuseWeak(variable: string, password: string | undefined, email: string): void {
  const problem = password === undefined ? undefined : passwordProblem(password, [email]);
  if (problem) throw new Error(`${variable}: ${problem}`);
}
