import { sql } from 'kysely';
import type { Db } from './database.ts';

/**
 * One key for "this database is being migrated and seeded" (any 64-bit number no other lock uses;
 * these are the bytes of "motcuaDB"). Several app and worker processes may start together on one
 * PostgreSQL: the first takes the lock and prepares, the others wait on it and then find a
 * complete database (each step checks what is there, so their own pass changes nothing).
 */
export const PREPARE_LOCK_KEY = 0x6d6f74637561_4442n;

// PGlite is one session in one process, where an advisory lock never blocks its own holder:
// preparers in the same process queue here instead (keyed by database, as tests open several).
const localQueues = new WeakMap<Db, Promise<unknown>>();

/**
 * Runs `work` while holding the preparation lock: a session-level advisory lock on a connection
 * held aside for it on PostgreSQL (the work itself runs on the pool, in its own transactions), and
 * an in-process queue on both engines. A process that dies mid-way drops its session and so the
 * lock; what it had written is either committed whole (seeds run in transactions) or not at all.
 */
export async function withPrepareLock<T>(db: Db, kind: 'pglite' | 'postgres', work: () => Promise<T>): Promise<T> {
  const previous = localQueues.get(db) ?? Promise.resolve();
  const mine = previous.catch(() => undefined).then(() => (kind === 'postgres' ? underAdvisoryLock(db, work) : work()));
  localQueues.set(db, mine);
  return mine;
}

async function underAdvisoryLock<T>(db: Db, work: () => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${sql.lit(PREPARE_LOCK_KEY.toString())}::bigint)`.execute(conn);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${sql.lit(PREPARE_LOCK_KEY.toString())}::bigint)`.execute(conn);
    }
  });
}
