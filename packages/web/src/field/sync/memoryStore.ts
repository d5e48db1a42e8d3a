import { isRefused, type FieldFile, type OutboxItem, type SyncStore } from './types.ts';

/** SyncStore in memory: the engine's tests and the Node bench (the browser uses Dexie, db.ts). */
export class MemoryStore implements SyncStore {
  readonly items = new Map<string, OutboxItem>();
  readonly files = new Map<string, FieldFile>();

  add(item: OutboxItem, files: FieldFile[] = []): void {
    this.items.set(item.id, structuredClone(item));
    for (const f of files) this.files.set(f.id, structuredClone(f));
  }

  async pending(sessionId: string): Promise<OutboxItem[]> {
    return [...this.items.values()]
      .filter((i) => i.sessionId === sessionId && (i.state === 'queued' || i.state === 'sending'))
      .sort((a, b) => a.seq - b.seq)
      .map((i) => structuredClone(i));
  }

  async refused(sessionId: string): Promise<OutboxItem[]> {
    return [...this.items.values()]
      .filter((i) => i.sessionId === sessionId && isRefused(i))
      .sort((a, b) => a.seq - b.seq)
      .map((i) => structuredClone(i));
  }

  async get(id: string) {
    const item = this.items.get(id);
    return item && structuredClone(item);
  }

  async patch(id: string, patch: Partial<OutboxItem>) {
    const item = this.items.get(id);
    if (item) this.items.set(id, { ...item, ...patch });
  }

  async file(id: string) {
    const file = this.files.get(id);
    return file && structuredClone(file);
  }

  async patchFile(id: string, patch: Partial<FieldFile>) {
    const file = this.files.get(id);
    if (file) this.files.set(id, { ...file, ...patch });
  }

  async forget(id: string, patch: Partial<OutboxItem>) {
    const item = this.items.get(id);
    if (!item) return;
    for (const fileId of item.fileIds) this.files.delete(fileId);
    this.items.set(id, { ...item, ...patch, sealed: null });
  }
}
