import Dexie, { type Table } from 'dexie';
import { newDataKey, sealerFor, type DataKey, type Sealer } from './sync/crypto.ts';
import { isRefused, type FieldFile, type OutboxItem, type Sealed, type SyncStore } from './sync/types.ts';
import type { FieldKit } from './kit.ts';

/** The kit on the device: a little in clear to list it, the rest (credential included) sealed. */
export interface StoredKit {
  sessionId: string;
  day: string;
  part: FieldKit['session']['part'];
  roundId: string;
  roundTitle: string;
  unitName: string;
  credentialExpiresAt: string;
  downloadedAt: string;
  /** Next offset in the reserved code block; only ever goes up, so a code is never used twice. */
  nextOffset: number;
  blockSize: number;
  sealed: Sealed;
}

interface MetaRow {
  key: string;
  value: unknown;
}

class FieldDb extends Dexie {
  kits!: Table<StoredKit, string>;
  outbox!: Table<OutboxItem, string>;
  files!: Table<FieldFile, string>;
  meta!: Table<MetaRow, string>;

  constructor() {
    super('motcua-field');
    this.version(1).stores({ kits: 'sessionId', outbox: 'id, seq, sessionId', files: 'id, opId', meta: 'key' });
  }
}

export const db = new FieldDb();

/** This device's stable id: the server gives the same reserved code block back to it. */
export async function deviceId(): Promise<string> {
  const row = await db.meta.get('deviceId');
  if (typeof row?.value === 'string') return row.value;
  const id = `web-${crypto.randomUUID()}`;
  await db.meta.add({ key: 'deviceId', value: id }).catch(() => undefined); // another tab won the race
  return (await db.meta.get('deviceId'))!.value as string;
}

/** The data key (crypto.ts explains the threat model), created on first use. */
export async function deviceSealer(): Promise<Sealer> {
  let row = await db.meta.get('dataKey');
  if (!row) {
    const key = await newDataKey();
    await db.meta.add({ key: 'dataKey', value: key }).catch(() => undefined);
    row = await db.meta.get('dataKey');
  }
  return sealerFor(row!.value as DataKey);
}

export async function saveKit(kit: FieldKit, sealer: Sealer): Promise<void> {
  const sealed = await sealer.sealJson(kit, `kit:${kit.session.id}`);
  await db.transaction('rw', db.kits, db.meta, async () => {
    const before = await db.kits.get(kit.session.id);
    await db.kits.put({
      sessionId: kit.session.id,
      day: kit.session.day,
      part: kit.session.part,
      roundId: kit.session.roundId,
      roundTitle: kit.session.roundTitle,
      unitName: kit.session.unitName,
      credentialExpiresAt: kit.credential.expiresAt,
      downloadedAt: new Date().toISOString(),
      // A re-download on this device brings the same block back: keep counting where we were.
      nextOffset: before?.sealed ? before.nextOffset : 0,
      blockSize: kit.codeBlock.size,
      sealed,
    });
    await db.meta.put({ key: 'activeSession', value: kit.session.id });
  });
}

export async function openKit(sessionId: string, sealer: Sealer): Promise<FieldKit | null> {
  const row = await db.kits.get(sessionId);
  return row ? sealer.openJson<FieldKit>(row.sealed, `kit:${sessionId}`) : null;
}

export async function activeSessionId(): Promise<string | null> {
  const row = await db.meta.get('activeSession');
  return typeof row?.value === 'string' ? row.value : null;
}

/** Takes the next reserved offset, for good: a crash after this only leaves a gap in the numbers. */
export async function reserveOffset(sessionId: string): Promise<number> {
  return db.transaction('rw', db.kits, async () => {
    const kit = await db.kits.get(sessionId);
    if (!kit) throw new Error('no kit for this session');
    if (kit.nextOffset >= kit.blockSize) throw new RangeError('reserved code block used up');
    await db.kits.update(sessionId, { nextOffset: kit.nextOffset + 1 });
    return kit.nextOffset;
  });
}

export async function saveOps(items: OutboxItem[], files: FieldFile[] = []): Promise<void> {
  await db.transaction('rw', db.outbox, db.files, async () => {
    await db.files.bulkAdd(files);
    await db.outbox.bulkAdd(items);
  });
}

/**
 * Everything of a session is synced: delete it, and if no other session remains, the data key
 * too — leftovers of deleted records on disk become unreadable (crypto-shredding).
 */
export async function clearSession(sessionId: string): Promise<void> {
  await db.transaction('rw', db.kits, db.outbox, db.files, db.meta, async () => {
    const ids = await db.outbox.where('sessionId').equals(sessionId).primaryKeys();
    await db.files.where('opId').anyOf(ids).delete();
    await db.outbox.where('sessionId').equals(sessionId).delete();
    await db.kits.delete(sessionId);
    if ((await db.kits.count()) === 0) await db.meta.delete('dataKey');
    if ((await activeSessionId()) === sessionId) await db.meta.delete('activeSession');
  });
}

/** SyncStore over IndexedDB (the engine itself is in sync/engine.ts). */
export const dexieStore: SyncStore = {
  pending: async (sessionId) =>
    (
      await db.outbox
        .where('sessionId')
        .equals(sessionId)
        .filter((i) => i.state === 'queued' || i.state === 'sending')
        .toArray()
    ).sort((a, b) => a.seq - b.seq),
  refused: async (sessionId) => (await db.outbox.where('sessionId').equals(sessionId).filter(isRefused).toArray()).sort((a, b) => a.seq - b.seq),
  get: (id) => db.outbox.get(id),
  patch: async (id, patch) => {
    await db.outbox.update(id, patch);
  },
  file: (id) => db.files.get(id),
  patchFile: async (id, patch) => {
    await db.files.update(id, patch);
  },
  forget: async (id, patch) => {
    await db.transaction('rw', db.outbox, db.files, async () => {
      await db.files.where('opId').equals(id).delete();
      await db.outbox.update(id, { ...patch, sealed: null });
    });
  },
};
