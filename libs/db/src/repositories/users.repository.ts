import { and, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../connection/database';
import { agencies, sessions, users } from '../schema';
import type { UserRole } from '../schema';

export type UserRow = typeof users.$inferSelect;
export type AgencyRow = typeof agencies.$inferSelect;

/** Users, their sessions and agencies' API keys. Secrets are stored as hashes only. */
export class UsersRepository {
  constructor(private readonly db: Database) {}

  async create(user: { email: string; displayName: string; passwordHash: string; role: UserRole; agencyId?: string }): Promise<UserRow> {
    const [row] = await this.db
      .insert(users)
      .values({ ...user, email: user.email.toLowerCase() })
      .returning();
    return row!;
  }

  async findByEmail(email: string): Promise<UserRow | undefined> {
    const [row] = await this.db.select().from(users).where(eq(users.email, email.toLowerCase()));
    return row;
  }

  async count(): Promise<number> {
    const [row] = await this.db.select({ n: sql<number>`count(*)::int` }).from(users);
    return row?.n ?? 0;
  }

  async createSession(userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.db.insert(sessions).values({ userId, tokenHash, expiresAt });
  }

  async userForSession(tokenHash: string): Promise<UserRow | undefined> {
    const [row] = await this.db
      .select({ user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, sql`now()`)));
    return row?.user;
  }

  /** A new password; every session of the user but `keepTokenHash` (the one changing it) ends. */
  async setPassword(userId: string, passwordHash: string, keepTokenHash?: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ passwordHash, updatedAt: sql`now()` })
        .where(eq(users.id, userId));
      await tx.delete(sessions).where(keepTokenHash ? and(eq(sessions.userId, userId), sql`${sessions.tokenHash} <> ${keepTokenHash}`) : eq(sessions.userId, userId));
    });
  }

  async findById(id: string): Promise<UserRow | undefined> {
    const [row] = await this.db.select().from(users).where(eq(users.id, id));
    return row;
  }

  async list(): Promise<Array<Omit<UserRow, 'passwordHash'>>> {
    const rows = await this.db.select().from(users).orderBy(users.email);
    return rows.map(({ passwordHash: _hash, ...user }) => user);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
  }

  async createAgency(
    agency: Pick<
      typeof agencies.$inferInsert,
      'name' | 'apiKeyHash' | 'deliveryMethod' | 'deliveryAddress' | 'deliveryConfig' | 'pgpPublicKey' | 'commissionPercent' | 'commissionVatPercent'
    >,
  ): Promise<AgencyRow> {
    const [row] = await this.db.insert(agencies).values(agency).returning();
    return row!;
  }

  /** Replaces the agency's key (null: revoked, no key works). */
  async setAgencyApiKey(agencyId: string, apiKeyHash: string | null): Promise<void> {
    await this.db.update(agencies).set({ apiKeyHash, updatedAt: new Date() }).where(eq(agencies.id, agencyId));
  }

  async agencyForApiKey(apiKeyHash: string): Promise<AgencyRow | undefined> {
    const [row] = await this.db.select().from(agencies).where(eq(agencies.apiKeyHash, apiKeyHash));
    return row;
  }

  async agencies(): Promise<AgencyRow[]> {
    return this.db.select().from(agencies).orderBy(agencies.name);
  }

  async agency(id: string): Promise<AgencyRow | undefined> {
    const [row] = await this.db.select().from(agencies).where(eq(agencies.id, id));
    return row;
  }
}
