import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { testEngine } from './harness.ts';

/*
 * Race tests (`*.race.test.ts`) run only in the `postgres` vitest project: PGlite runs one
 * transaction at a time, so a read-then-write allocator or a check-then-insert claim passes there
 * however wrong it is. Each race file calls `requireInterleaving` first: it fails (never skips)
 * when the engine is not PostgreSQL, and proves on the test's own pool that transactions really
 * overlap — the naive versions of our guarantees break under the same concurrency.
 */
export function assertRaceEngine(): void {
  if (testEngine() !== 'postgres') {
    throw new Error('race tests need PostgreSQL (MOTCUA_TEST_DB=postgres with TEST_DATABASE_URL); PGlite serialises transactions and would prove nothing');
  }
}

/** Resolves once `n` callers have arrived; deterministic, no timing involved. */
function barrier(n: number): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    arrived += 1;
    if (arrived === n) open();
    return opened;
  };
}

/**
 * Runs `n` transactions that each read the next number (max + 1), wait until all have read, then
 * insert it: the allocator our daily numbers must NOT be. Returns how many distinct numbers came
 * out; on an engine whose transactions interleave that is 1, not n.
 */
export async function naiveAllocatorDistinctNumbers(db: Db, n: number): Promise<number> {
  await sql`create table if not exists race_canary (label text not null, n int not null)`.execute(db);
  const label = `alloc-${Math.random().toString(36).slice(2)}`;
  const allRead = barrier(n);
  await Promise.all(
    Array.from({ length: n }, () =>
      db.transaction().execute(async (trx) => {
        const r = await sql<{ next: number }>`select coalesce(max(n), 0) + 1 as next from race_canary where label = ${label}`.execute(trx);
        await allRead();
        await sql`insert into race_canary (label, n) values (${label}, ${r.rows[0]!.next})`.execute(trx);
      }),
    ),
  );
  const rows = await sql<{ n: number }>`select distinct n from race_canary where label = ${label}`.execute(db);
  return rows.rows.length;
}

/** Fails unless `n` concurrent transactions on this pool really overlap (see the file comment). */
export async function requireInterleaving(db: Db, n = 5): Promise<void> {
  assertRaceEngine();
  const distinct = await naiveAllocatorDistinctNumbers(db, n);
  if (distinct !== 1) throw new Error(`expected ${n} overlapping transactions to collide, got ${distinct} distinct numbers: the pool does not interleave`);
}
