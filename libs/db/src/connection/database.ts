import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { Pool } from 'pg';
import * as schema from '../schema';

/** The database every repository works on: PGlite or PostgreSQL behind the same drizzle interface. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** The PGlite instance itself (embedded only), for the process that serves it to others. */
  pglite?: PGlite;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.resolve(__dirname, '../../migrations');

export interface DatabaseOptions {
  /** postgres://… — a real PostgreSQL. Without it, embedded PGlite. */
  url?: string;
  /** PGlite data directory; omitted: in memory (tests). */
  dataDir?: string;
  /** Pool size for PostgreSQL (default 10). */
  poolSize?: number;
  /** Apply migrations (default true). Exactly one process per database should. */
  migrate?: boolean;
}

/**
 * Opens the database and brings its schema up to date (migrations run in one transaction, so a
 * failed upgrade leaves the previous schema). PostgreSQL semantics everywhere: PGlite is
 * PostgreSQL compiled to WebAssembly.
 */
export async function openDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.url) {
    const pool = new Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    const db = drizzlePostgres(pool, { schema });
    if (options.migrate !== false) await migratePostgres(db, { migrationsFolder: MIGRATIONS_DIR });
    return { db: db as unknown as Database, kind: 'postgres', close: () => pool.end() };
  }
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  const db = drizzlePglite(client, { schema });
  if (options.migrate !== false) await migratePglite(db, { migrationsFolder: MIGRATIONS_DIR });
  return { db: db as unknown as Database, kind: 'pglite', pglite: client, close: () => client.close() };
}
