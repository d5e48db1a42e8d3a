import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, openDatabase } from '../../db/database.ts';
import { openTestDatabase, openMigratedTestDatabase } from '../../testing/harness.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { X509Certificate } from 'node:crypto';
import { loadConfig } from '../../platform/config.ts';
import { systemClock } from '../../platform/clock.ts';
import { testConfig } from '../../testing/harness.ts';
import { fileMailSender } from '../notifications/index.ts';
import { UnitStatementSigners } from '../results/index.ts';
import { appendAudit, auditChainOf, entryHash, GENESIS_HASH } from './audit.ts';
import { verifyAuditChain } from './verify.ts';
import { anchorStatement, checkAnchor, type AnchorJson } from './anchor.ts';
import { createAuditAnchoring } from './wiring.ts';
import { renderDailyReport } from './report.ts';
import { rewriteTail } from './testkit.ts';

type Handle = Awaited<ReturnType<typeof openTestDatabase>>;
const root = path.resolve(import.meta.dirname, '../../../../..');
let h: Handle;
beforeAll(async () => {
  h = await openMigratedTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const actor = { kind: 'official' as const, id: 'u1', name: 'Huỳnh Thị Mỹ Linh' };
const append = (n: number, at: string) =>
  inTransaction(h.db, async (trx) => {
    for (let i = 0; i < n; i++)
      await appendAudit(trx, { at: new Date(at), actor, action: 'dossier.read', dossierCode: `30421-260302-000${i}`, detail: { i, note: 'Xem hồ sơ' } });
  });

describe('audit log hash chain', () => {
  it('links concurrent appends into one consecutive chain', async () => {
    await Promise.all(Array.from({ length: 10 }, () => append(3, '2026-03-02T02:00:00.123Z')));
    const rows = await h.db.selectFrom('audit_log').select(['id', 'prev_hash', 'hash']).orderBy('id').execute();
    expect(rows.map((r) => Number(r.id))).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    rows.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(rows[i]!.hash));
    expect(await verifyAuditChain(h.db, 7)).toEqual({ ok: true, entries: 30, chains: 1, anchors: 0 });
  });

  it('names an edited entry, even when its hash was recomputed', async () => {
    await sql`update audit_log set detail = '{"i": 99, "note": "Xem hồ sơ"}'::jsonb where id = 12`.execute(h.db);
    expect(await verifyAuditChain(h.db)).toMatchObject({
      ok: false,
      entryId: 12,
      problem: 'edited',
      message: expect.stringMatching(/entry 12 was altered \(hash mismatch\)/),
    });

    // The forger recomputes entry 12's hash over its new content (linked to entry 11 as before), so
    // entry 12 is self-consistent and its own hash check passes: only entry 13's link still holds
    // the old hash.
    const rows = await h.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    const asEntry = (r: (typeof rows)[number]) => ({ at: new Date(r.at), actor: r.actor, action: r.action, dossierCode: r.dossier_code, detail: r.detail });
    const r12 = rows[11]!;
    const forged = entryHash(r12.prev_hash, 12, asEntry(r12));
    await sql`update audit_log set hash = ${forged} where id = 12`.execute(h.db);
    expect(forged).not.toBe(rows[12]!.prev_hash);
    expect(await verifyAuditChain(h.db)).toMatchObject({
      ok: false,
      entryId: 12,
      problem: 'edited',
      message: expect.stringMatching(/entry 12 was altered \(entry 13 no longer links to it\)/),
    });

    // Why this needs the link check: without it the first check to fail is entry 13's hash (it was
    // computed over the old hash of 12), so a verifier lacking the link check names entry 13, not 12,
    // and the assertion above fails. The same walk, hashes only:
    let prev = GENESIS_HASH;
    const firstHashMismatch = rows
      .map((r) => ({ ...r, hash: Number(r.id) === 12 ? forged : r.hash }))
      .find((r) => {
        const ok = entryHash(prev, Number(r.id), asEntry(r)) === r.hash;
        prev = r.hash;
        return !ok;
      });
    expect(Number(firstHashMismatch?.id)).toBe(13);
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

  it('keeps one chain per unit: each consecutive, each verified, tampering named with its chain', async () => {
    const h2 = await openTestDatabase();
    try {
      await migrateToLatest(h2.db);
      const db = h2.db;
      // An entry from before per-unit chains, as the old code wrote it, stays verifiable.
      const old = { at: new Date('2026-03-01T01:00:00Z'), actor, action: 'dossier.submit', dossierCode: '30421-260301-0001', detail: { channel: 'counter' } };
      const oldHash = entryHash(GENESIS_HASH, 1, old);
      await db
        .insertInto('audit_log')
        .values({
          chain: 'audit',
          id: 1,
          at: old.at,
          actor: JSON.stringify(actor),
          action: old.action,
          dossier_code: old.dossierCode,
          detail: JSON.stringify(old.detail),
          prev_hash: GENESIS_HASH,
          hash: oldHash,
        })
        .execute();
      await db.insertInto('audit_head').values({ name: 'audit', last_id: 1, last_hash: oldHash, prev_hash: null }).execute();

      const units = ['30421', '30790'];
      await Promise.all(
        Array.from({ length: 12 }, (_, k) =>
          inTransaction(db, async (trx) => {
            const unit = units[k % 2]!;
            for (let i = 0; i < 2; i++)
              await appendAudit(trx, {
                at: new Date(),
                actor,
                action: 'dossier.submit',
                dossierCode: `${unit}-260302-${String(k * 2 + i + 1).padStart(4, '0')}`,
                detail: { k, i },
              });
          }),
        ),
      );
      await inTransaction(db, (trx) => appendAudit(trx, { at: new Date(), actor, action: 'dossier.attachment.read', dossierCode: null, detail: {} }));
      for (const unit of units) {
        const rows = await db.selectFrom('audit_log').select(['id', 'prev_hash', 'hash']).where('chain', '=', unit).orderBy('id').execute();
        expect(rows.map((r) => Number(r.id))).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
        expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
        rows.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(rows[i]!.hash));
      }
      expect(auditChainOf('000.00.21.H26-260302-0001')).toBe('000.00.21.H26');
      expect(await verifyAuditChain(db, 5)).toEqual({ ok: true, entries: 1 + 24 + 1, chains: 4, anchors: 0 });

      // Deleting the newest entry of one chain (its head row remembers it).
      await sql`delete from audit_log where chain = '30790' and id = 12`.execute(db);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, chain: '30790', entryId: 12, problem: 'deleted' });
      // ... and its head row too: the chain still ends after entry 11 without a head to match.
      await sql`delete from audit_head where name = '30790'`.execute(db);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, chain: '30790', problem: 'deleted' });
      await sql`delete from audit_log where chain = '30790'`.execute(db);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, chains: 3 });
      // Edits are named with their chain (chains are checked in name order).
      await sql`update audit_log set action = 'dossier.read' where chain = 'audit'`.execute(db);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, chain: 'audit', entryId: 1, problem: 'edited' });
      await sql`update audit_log set detail = '{"k": 99, "i": 0}'::jsonb where chain = '30421' and id = 4`.execute(db);
      expect(await verifyAuditChain(db)).toMatchObject({
        ok: false,
        chain: '30421',
        entryId: 4,
        problem: 'edited',
        message: expect.stringMatching(/^chain 30421: audit entry 4 was altered/),
      });
    } finally {
      await h2.close();
    }
  });

  it('a tail rewritten with recomputed hashes and head passes the chain alone, and is caught against a published signed anchor', async () => {
    const h2 = await openTestDatabase();
    const config = testConfig();
    try {
      await migrateToLatest(h2.db);
      const db = h2.db;
      const ctx = { config, db, dbKind: h2.kind, clock: systemClock };
      const appendTen = (from: number) =>
        inTransaction(db, async (trx) => {
          for (let i = from; i < from + 10; i++)
            await appendAudit(trx, { at: new Date(), actor, action: 'dossier.read', dossierCode: `30421-260302-${String(i).padStart(4, '0')}`, detail: { i } });
        });
      const anchoring = createAuditAnchoring(ctx);
      await appendTen(1);
      const at10 = await anchoring.anchorChain('30421');
      await appendTen(11);
      const at20 = await anchoring.anchorChain('30421');
      expect(at10).toMatchObject({ status: 'anchored', anchor: { chain: '30421', entryId: 10 } });
      expect(at20).toMatchObject({ status: 'anchored', anchor: { chain: '30421', entryId: 20 } });
      expect(await anchoring.anchorChain('30421')).toMatchObject({ status: 'unchanged', anchor: { entryId: 20 } });
      // Copies kept outside the database (public page, e-mail), signed with a key the CA vouches for.
      const published = [at10, at20].map((o) => JSON.parse(JSON.stringify((o as { anchor: AnchorJson }).anchor)) as AnchorJson);
      const ca = new X509Certificate(fs.readFileSync(path.join(config.results.pkiDir, 'ca.cert.pem')));
      for (const a of published) expect(checkAnchor(a, [ca])).toMatchObject({ ok: true });
      const points = published.map((a) => ({ chain: a.chain, entryId: a.entryId, headHash: a.headHash, signedAt: a.signedAt, source: 'published copy' }));
      expect(await verifyAuditChain(db, { anchors: points })).toEqual({ ok: true, entries: 20, chains: 1, anchors: 2 });

      // The forger edits entry 12 and recomputes 12..20 and the head: the chain alone says intact.
      const forgedHead = await rewriteTail(db, '30421', 12, (d) => ({ ...d, note: 'đã sửa' }));
      expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 20, chains: 1, anchors: 0 });
      // The anchoring job will not sign over its own last anchor...
      expect(await anchoring.anchorChain('30421')).toMatchObject({ status: 'failed', problem: 'rewritten', entryId: 20 });
      // ...but the forger has the database: without the stored anchors the rewritten head gets signed.
      await sql`delete from audit_anchor`.execute(db);
      expect(await anchoring.anchorChain('30421')).toMatchObject({ status: 'anchored', anchor: { entryId: 20, headHash: forgedHead } });
      // The published copies still hold: the chain passes through the one at 10, not the one at 20.
      expect(await verifyAuditChain(db, { anchors: points })).toMatchObject({
        ok: false,
        chain: '30421',
        entryId: 20,
        problem: 'rewritten',
        message: expect.stringMatching(/audit entries 11\.\.20 were rewritten/),
      });

      // Nor can the forger publish a matching anchor: changing the head breaks the unit's signature,
      // and signing with a key of their own gives a certificate the CA never issued.
      const a20 = published[1]!;
      const moved = { ...a20, headHash: forgedHead, statement: anchorStatement({ ...a20, headHash: forgedHead }) };
      expect(checkAnchor(moved, [ca])).toMatchObject({ ok: false, reason: expect.stringMatching(/signature does not verify/) });
      const otherConfig = testConfig();
      const ownKey = await new UnitStatementSigners({ ...ctx, config: otherConfig }).sign('30421', moved.statement);
      fs.rmSync(otherConfig.dataDir, { recursive: true, force: true });
      const selfMade = { ...moved, signature: ownKey.signature, certificate: ownKey.certificatePem, caCertificates: ownKey.chainPem };
      expect(checkAnchor(selfMade, [ca])).toMatchObject({ ok: false, reason: expect.stringMatching(/not issued by a trusted CA/) });
      expect(checkAnchor({ ...a20, statement: a20.statement.replace('entry: 20', 'entry: 21') }, [ca])).toMatchObject({ ok: false });
    } finally {
      await h2.close();
      fs.rmSync(config.dataDir, { recursive: true, force: true });
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
      await sql`truncate audit_log, audit_head, audit_anchor`.execute(h.db);
    } else {
      db = { ...(await openDatabase({ databaseUrl: null, pgliteDir: path.join(dataDir, 'pglite') })), name: 'file' };
      await migrateToLatest(db.db);
    }
    const cli = (...args: string[]) =>
      promisify(execFile)('npm', ['run', '--silent', 'audit:verify', ...(args.length ? ['--', ...args] : [])], { cwd: root, env }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stderr: string }) => ({ code: e.code, out: e.stderr }),
      );
    try {
      await inTransaction(db.db, async (trx) => {
        for (let i = 0; i < 4; i++) await appendAudit(trx, { at: new Date(), actor, action: 'dossier.read', dossierCode: null, detail: { i } });
      });
      // Anchor the chain as the worker does, and keep the daily report's e-mail outside the database.
      const config = loadConfig({ ...env, LOG_LEVEL: 'silent' });
      const anchored = await createAuditAnchoring({ config, db: db.db, dbKind: db.kind, clock: systemClock }).anchorChain('system');
      expect(anchored).toMatchObject({ status: 'anchored', anchor: { entryId: 4 } });
      const mail = renderDailyReport({ outcome: anchored as Exclude<typeof anchored, { status: 'empty' }>, unitName: null, publicUrl: config.publicUrl });
      const mailDir = path.join(dataDir, 'kept-mail');
      await fileMailSender(mailDir, 'motcua@localhost').send({ to: 'hethong.quantri@motcua.example', ...mail, messageId: '<anchor-report@localhost>' });
      const saved = path.join(mailDir, fs.readdirSync(mailDir)[0]!);
      if (h.kind !== 'postgres') await db.close();
      expect(await cli()).toEqual({ code: 0, out: expect.stringMatching(/4 entries verified/) });
      if (h.kind !== 'postgres') db = { ...(await openDatabase({ databaseUrl: null, pgliteDir: path.join(dataDir, 'pglite') })), name: 'file' };
      await sql`update audit_log set action = 'dossier.submit' where id = 2`.execute(db.db);
      if (h.kind !== 'postgres') await db.close();
      expect(await cli()).toEqual({ code: 1, out: expect.stringMatching(/audit entry 2 was altered/) });

      // The forger finishes the job: hashes 2..4 and the head recomputed, the stored anchors gone.
      if (h.kind !== 'postgres') db = { ...(await openDatabase({ databaseUrl: null, pgliteDir: path.join(dataDir, 'pglite') })), name: 'file' };
      await rewriteTail(db.db, 'system', 2, (d) => d);
      await sql`delete from audit_anchor`.execute(db.db);
      if (h.kind !== 'postgres') await db.close();
      expect(await cli()).toEqual({ code: 0, out: expect.stringMatching(/4 entries verified/) });
      // The saved e-mail catches it; its anchor is checked against the CA under DATA_DIR/pki.
      expect(await cli('--anchors', saved)).toEqual({ code: 1, out: expect.stringMatching(/chain system: audit entries 1\.\.4 were rewritten/) });
    } finally {
      if (h.kind !== 'postgres') await db.close().catch(() => undefined);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000); // four command-line runs (npm + tsx start each): minutes on a busy machine
});
