import { fieldNow } from './clock.ts';
import { db, saveOps } from './db.ts';
import type { Sealer } from './sync/crypto.ts';
import { nextSeq } from './sync/compose.ts';
import type { OutboxItem } from './sync/types.ts';

/**
 * After a conflict the official decides: send the same change again against the version the
 * server has now — as a NEW op (new id), because the old one is settled on the server — or drop it.
 * Nothing is ever overwritten without this choice.
 */
export async function resendAgainstServer(sealer: Sealer, item: OutboxItem): Promise<void> {
  const version = item.server?.version;
  if (!item.sealed || typeof version !== 'number') throw new Error('no server version to resend against');
  const body = await sealer.openJson<Record<string, unknown>>(item.sealed, item.id);
  const id = crypto.randomUUID();
  const at = fieldNow().toISOString();
  const next: OutboxItem = {
    ...item,
    id,
    seq: nextSeq(),
    at,
    state: 'queued',
    prepared: true,
    attempts: 0,
    nextAttemptAt: 0,
    dependsOn: undefined,
    result: undefined,
    error: undefined,
    server: undefined,
    original: undefined,
    settledAt: undefined,
    sealed: await sealer.sealJson({ ...body, id, at, baseVersion: version }, id),
  };
  await saveOps([next]);
  await discard(item.id);
}

/** Drops an op the official gave up on (its data goes; its line stays, marked as dropped). */
export async function discard(id: string): Promise<void> {
  await db.transaction('rw', db.outbox, db.files, async () => {
    await db.files.where('opId').equals(id).delete();
    await db.outbox.update(id, { sealed: null, dismissed: true });
  });
}
