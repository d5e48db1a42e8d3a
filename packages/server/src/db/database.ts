import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { openPglite, pglitePool } from './pglite-pool.ts';
import { DataFolderError, lockDataFolder } from './data-folder.ts';
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
  /** Told about connections lost while idle (PostgreSQL restarted, network cut); the pool replaces them. */
  onConnectionError?: (err: Error) => void;
}

/**
 * How long a request waits for a PostgreSQL connection before it fails (503): long enough for a
 * busy pool, short enough that an unreachable server does not hold requests for minutes.
 */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * How /health asks each database whether it answers. PostgreSQL: a query through the pool (a
 * connection that can be had, a server that replies). PGlite: the engine itself, past the pool's
 * one-at-a-time queue, since under load that queue holds queries for seconds while all is well.
 */
const probes = new WeakMap<Db, () => Promise<boolean>>();

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      types: pgTypes,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
    });
    const report = options.onConnectionError ?? ((err: Error) => process.stderr.write(`PostgreSQL connection lost: ${err.message}\n`));
    // A pooled connection whose server went away emits 'error'; with no listener Node ends the
    // process (issue #10: pg_ctl restart killed the server). Idle: the pool drops it and opens a
    // fresh one on demand. Checked out (between two queries of a transaction): the next query
    // fails, the request answers 503, and the pool drops the client when it is released.
    pool.on('error', report);
    pool.on('connect', (client) => client.on('error', () => undefined));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const lock = options.pgliteDir && !options.pglite ? lockDataFolder(`${options.pgliteDir}.lock`) : null;
  let lite: PGlite;
  try {
    lite = options.pglite ?? (await openPglite(options.pgliteDir));
  } catch (err) {
    lock?.release();
    throw pgliteOpenError(err, options.pgliteDir);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: pglitePool(lite) }) });
  // Asked directly, not through the pool's queue: a busy embedded database is slow, not down.
  probes.set(db, async () => !lite.closed && (await lite.query<{ ok: number }>('select 1 as ok')).rows[0]?.ok === 1);
  return {
    db,
    kind: 'pglite',
    pglite: lite,
    async close() {
      try {
        await db.destroy();
        if (!lite.closed) await lite.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/**
 * PGlite reports file-system failures as Emscripten errors with a WASI errno and no words
 * (errno 51 is ENOSPC, 2 EACCES, 63 EPERM, 69 EROFS): say what that means for the data folder.
 */
function pgliteOpenError(err: unknown, dir: string | undefined): unknown {
  const errno = (err as { errno?: unknown } | null)?.errno;
  if (!dir || typeof errno !== 'number') return err;
  if (errno === 51) {
    return new DataFolderError(
      'disk_full',
      `Ổ đĩa chứa cơ sở dữ liệu nhúng ${dir} đã đầy. Hãy giải phóng dung lượng rồi khởi động lại.`,
      `The disk holding the embedded database ${dir} is full. Free some space and start again.`,
    );
  }
  return new DataFolderError(
    'not_writable',
    `Không mở được cơ sở dữ liệu nhúng ${dir} (lỗi hệ thống tệp ${errno}). Hãy kiểm tra quyền ghi và dung lượng của thư mục dữ liệu.`,
    `Cannot open the embedded database ${dir} (file-system error ${errno}). Check that the data folder is writable and has room.`,
  );
}

export async function ping(db: Db): Promise<boolean> {
  const r = await sql<{ ok: number }>`select 1 as ok`.execute(db);
  return r.rows[0]?.ok === 1;
}

/** Whether the database answers, false instead of waiting longer than timeoutMs (an unreachable server, a full pool). */
export async function pingWithin(db: Db, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const probe = probes.get(db) ?? (() => ping(db));
  try {
    return await Promise.race([probe().catch(() => false), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The one transaction helper: every multi-row write goes through here. */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute((trx) => work(trx as unknown as Db));
}
