import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '@dunning/db';

/**
 * A digest of every row of every table the product's facts live in (the books included), to prove
 * that a refused call wrote nothing. Left out: what a refused call rightly writes (failed sign-ins
 * counted by the throttle) or what records the calls themselves (sessions, the audit log).
 */
const NOT_FACTS = new Set(['audit_log', 'login_throttles', 'sessions', '__drizzle_migrations']);

export class DatabaseFingerprint {
  private query?: ReturnType<typeof sql.raw>;

  constructor(private readonly database: DatabaseHandle) {}

  async take(): Promise<string> {
    this.query ??= await this.buildQuery();
    const result = (await this.database.db.execute(this.query)) as unknown as { rows: Array<{ digest: string }> };
    return result.rows.map((r) => r.digest).join('|');
  }

  /** Takes the digest until two in a row 100 ms apart agree (what a call set off in the worker has landed), up to `timeoutMs`. */
  async settled(timeoutMs = 5_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let previous = await this.take();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const current = await this.take();
      if (current === previous || Date.now() > deadline) return current;
      previous = current;
    }
  }

  /** The tables that differ between two digests. */
  static difference(before: string, after: string): string[] {
    const a = before.split('|');
    const b = after.split('|');
    return b.filter((entry, i) => entry !== a[i]).map((entry) => entry.split(':')[0]!);
  }

  private async buildQuery() {
    const tables = (await this.database.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
    )) as unknown as { rows: Array<{ table_name: string }> };
    const parts = tables.rows
      .map((r) => r.table_name)
      .filter((name) => !NOT_FACTS.has(name))
      .map((name, i) => `select ${i} as n, '${name}:' || count(*) || ':' || md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as digest from "${name}" t`);
    return sql.raw(`select digest from (${parts.join(' union all ')}) tables order by n`);
  }
}
