import type { Db } from '../../db/database.ts';
import type { OutboxPayload } from './tables.ts';

export const DOSSIER_NOTICE = 'dossier.notice';

/**
 * Records a message to deliver. Call it with the transaction that makes the change, so the notice
 * exists if and only if the change was committed; nothing is sent from inside a request.
 */
export async function enqueueOutbox(trx: Db, topic: string, payload: OutboxPayload, availableAt?: Date): Promise<void> {
  await trx
    .insertInto('outbox')
    .values({ topic, payload: JSON.stringify(payload), ...(availableAt ? { available_at: availableAt } : {}) })
    .execute();
}
