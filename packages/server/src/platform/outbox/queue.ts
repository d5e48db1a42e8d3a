import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { OutboxPayload } from './tables.ts';

/** PostgreSQL NOTIFY channel that wakes workers (on both engines) when a message is committed. */
export const OUTBOX_CHANNEL = 'motcua_outbox';

/**
 * Records a message to deliver. Call it with the transaction that makes the change, so the notice
 * exists if and only if the change was committed; nothing is sent from inside a request.
 * NOTIFY is transactional too: listeners hear it only after the commit.
 */
export async function enqueueOutbox(trx: Db, topic: string, payload: OutboxPayload, availableAt?: Date): Promise<void> {
  await trx
    .insertInto('outbox')
    .values({ topic, payload: JSON.stringify(payload), ...(availableAt ? { available_at: availableAt } : {}) })
    .execute();
  if (!availableAt || availableAt.getTime() <= Date.now()) await sql`select pg_notify(${OUTBOX_CHANNEL}, '')`.execute(trx);
}

/** Operator action: give a parked message a fresh set of attempts. Returns whether it was parked. */
export async function requeueParked(db: Db, id: number, now: Date): Promise<boolean> {
  const r = await db
    .updateTable('outbox')
    .set({ parked_at: null, attempts: 0, available_at: now, locked_by: null, locked_until: null })
    .where('id', '=', id)
    .where('parked_at', 'is not', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Messages waiting for a worker (not done, not parked), up to `cap`: the pending index answers it. */
export async function outboxBacklog(db: Db, cap = 100_000): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from (select 1 from outbox where done_at is null and parked_at is null limit ${cap}) pending`.execute(db);
  return Number(r.rows[0]!.n);
}
