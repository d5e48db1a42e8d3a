import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { openPglite, pglitePool } from './pglite-pool.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Raw PGlite instance (embedded mode only), for snapshots in tests. */
  pglite?: PGlite;
  close(): Promise<void>;
}

// node-postgres returns int8/numeric as strings and DATE as a local-midnight Date; we want
// numbers and 'YYYY-MM-DD' strings on both engines so results never depend on the engine.
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    if (oid === 1082) return (v: string) => v;
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

export interface OpenOptions {
  databaseUrl: string | null;
  /** PGlite data folder; undefined means in memory (tests). */
  pgliteDir?: string;
  pglite?: PGlite;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, types: pgTypes });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  if (options.pgliteDir) fs.mkdirSync(path.dirname(options.pgliteDir), { recursive: true });
  const lite = options.pglite ?? (await openPglite(options.pgliteDir));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(lite) }) });
  return {
    db,
    kind: 'pglite',
    pglite: lite,
    async close() {
      await db.destroy();
      if (!lite.closed) await lite.close();
    },
  };
}

export async function ping(db: Db): Promise<boolean> {
  const r = await sql<{ ok: number }>`select 1 as ok`.execute(db);
  return r.rows[0]?.ok === 1;
}

/** The one transaction helper: every multi-row write goes through here. */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute((trx) => work(trx as unknown as Db));
}
