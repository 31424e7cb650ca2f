import { Logger } from '@nestjs/common';
import { type DatabaseHandle, UsersRepository, openDatabase } from '@dunning/db';
import { loadApiConfig } from '../config/api-config';
import { AccountsSeeder } from './accounts.seeder';
import { verifyPassword } from './secrets';

describe('the accounts created at first start', () => {
  let database: DatabaseHandle;
  beforeEach(async () => {
    database = await openDatabase();
  });
  afterEach(async () => database.close());

  it('gives every demo account its own generated password, printed once, that signs it in', async () => {
    const printed: string[] = [];
    jest.spyOn(Logger.prototype, 'log').mockImplementation((message: unknown) => void printed.push(String(message)));
    const users = new UsersRepository(database.db);
    await new AccountsSeeder(users, loadApiConfig({ SEED_DEMO_USERS: 'true' })).seedIfEmpty();
    const passwords = new Map([...printed.join('\n').matchAll(/(\S+@example\.com) \/ (\S+)/g)].map((match) => [match[1]!, match[2]!]));
    expect([...passwords.keys()].sort()).toEqual(['admin@example.com', 'agency@example.com', 'collector@example.com', 'manager@example.com']);
    expect(new Set(passwords.values()).size).toBe(4);
    for (const [email, password] of passwords) {
      const user = (await users.findByEmail(email))!;
      expect(await verifyPassword(password, user.passwordHash)).toBe(true);
      for (const other of passwords.values()) if (other !== password) expect(await verifyPassword(other, user.passwordHash)).toBe(false);
    }
  });

  it('refuses to start with a weak ADMIN_PASSWORD, writing nothing', async () => {
    const users = new UsersRepository(database.db);
    await expect(new AccountsSeeder(users, loadApiConfig({ ADMIN_PASSWORD: 'password1234' })).seedIfEmpty()).rejects.toThrow(/^ADMIN_PASSWORD: /);
    expect(await users.count()).toBe(0);
  });
});
