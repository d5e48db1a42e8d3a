import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, openDatabase } from '../../db/database.ts';
import { openTestDatabase } from '../../testing/harness.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { appendAudit, verifyAuditChain } from './audit.ts';

type Handle = Awaited<ReturnType<typeof openTestDatabase>>;
const root = path.resolve(import.meta.dirname, '../../../../..');
let h: Handle;
beforeAll(async () => {
  h = await openTestDatabase();
  await migrateToLatest(h.db);
});
afterAll(async () => { await h?.close(); });

const actor = { kind: 'official' as const, id: 'u1', name: 'Huỳnh Thị Mỹ Linh' };
const append = (n: number, at: string) => inTransaction(h.db, async (trx) => {
  for (let i = 0; i < n; i++) await appendAudit(trx, { at: new Date(at), actor, action: 'dossier.read', dossierCode: `30421-260302-000${i}`, detail: { i, note: 'Xem hồ sơ' } });
});

describe('audit log hash chain', () => {
  it('links concurrent appends into one consecutive chain', async () => {
    await Promise.all(Array.from({ length: 10 }, () => append(3, '2026-03-02T02:00:00.123Z')));
    const rows = await h.db.selectFrom('audit_log').select(['id', 'prev_hash', 'hash']).orderBy('id').execute();
    expect(rows.map((r) => Number(r.id))).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    rows.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(rows[i]!.hash));
    expect(await verifyAuditChain(h.db, 7)).toEqual({ ok: true, entries: 30 });
  });

  it('names an edited entry, even when its hash was recomputed', async () => {
    await sql`update audit_log set detail = '{"i": 99, "note": "Xem hồ sơ"}'::jsonb where id = 12`.execute(h.db);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: false, entryId: 12, problem: 'edited' });
    await sql`update audit_log set hash = ${'f'.repeat(64)} where id = 12`.execute(h.db);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: false, entryId: 12, problem: 'edited' });
  });

  it('names a deleted entry, in the middle and at the end', async () => {
    const h2 = await openTestDatabase();
    try {
      await migrateToLatest(h2.db);
      await inTransaction(h2.db, async (trx) => {
        for (let i = 0; i < 5; i++) await appendAudit(trx, { at: new Date(), actor, action: 'dossier.submit', dossierCode: null, detail: { i } });
      });
      await sql`delete from audit_log where id = 5`.execute(h2.db);
      expect(await verifyAuditChain(h2.db)).toMatchObject({ ok: false, entryId: 5, problem: 'deleted' });
      await sql`delete from audit_log where id = 3`.execute(h2.db);
      expect(await verifyAuditChain(h2.db)).toMatchObject({ ok: false, entryId: 3, problem: 'deleted' });
    } finally {
      await h2.close();
    }
  });

  it('npm run audit:verify passes an intact log and exits non-zero naming the first tampered entry', async () => {
    // The CLI opens the configured database: the PostgreSQL test database, or a PGlite folder.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-audit-'));
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
    let db = h;
    if (h.kind === 'postgres') {
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${h.name}`;
      env.DATABASE_URL = url.toString();
      await sql`truncate audit_log, audit_head`.execute(h.db);
    } else {
      db = { ...(await openDatabase({ databaseUrl: null, pgliteDir: path.join(dataDir, 'pglite') })), name: 'file' };
      await migrateToLatest(db.db);
    }
    const cli = () => promisify(execFile)('npm', ['run', '--silent', 'audit:verify'], { cwd: root, env })
      .then((r) => ({ code: 0, out: r.stdout }), (e: { code: number; stderr: string }) => ({ code: e.code, out: e.stderr }));
    try {
      await inTransaction(db.db, async (trx) => {
        for (let i = 0; i < 4; i++) await appendAudit(trx, { at: new Date(), actor, action: 'dossier.read', dossierCode: null, detail: { i } });
      });
      if (h.kind !== 'postgres') await db.close();
      expect(await cli()).toEqual({ code: 0, out: expect.stringMatching(/4 entries verified/) });
      if (h.kind !== 'postgres') db = { ...(await openDatabase({ databaseUrl: null, pgliteDir: path.join(dataDir, 'pglite') })), name: 'file' };
      await sql`update audit_log set action = 'dossier.submit' where id = 2`.execute(db.db);
      if (h.kind !== 'postgres') await db.close();
      expect(await cli()).toEqual({ code: 1, out: expect.stringMatching(/audit entry 2 was altered/) });
    } finally {
      if (h.kind !== 'postgres') await db.close().catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
