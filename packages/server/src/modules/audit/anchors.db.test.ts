import fs from 'node:fs';
import path from 'node:path';
import { X509Certificate } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../db/database.ts';
import { startTestApp, type TestContext } from '../../testing/harness.ts';
import { loginAs } from '../../testing/auth.ts';
import { startNotifications } from '../notifications/index.ts';
import { waitFor } from '../notifications/testkit.ts';
import { appendAudit } from './audit.ts';
import { checkAnchor, parsePublishedAnchors, type AnchorJson } from './anchor.ts';
import { createAuditAnchoring } from './wiring.ts';
import { verifyAuditChain } from './verify.ts';

// 18:30 in Vietnam on 24 Nov 2026: the day's report (AUDIT_REPORT_HOUR 18) is due.
const REPORT_TIME = '2026-11-24T11:30:00Z';
let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ clock: REPORT_TIME, demo: true });
});
afterAll(async () => {
  await t?.close();
});

const actor = { kind: 'official' as const, id: 'u1', name: 'Huỳnh Thị Mỹ Linh' };
const append = (unit: string, n: number) =>
  inTransaction(t.ctx.db, async (trx) => {
    for (let i = 0; i < n; i++)
      await appendAudit(trx, { at: new Date(), actor, action: 'dossier.read', dossierCode: `${unit}-261124-${String(i + 1).padStart(4, '0')}`, detail: { i } });
  });
const caCert = () => new X509Certificate(fs.readFileSync(path.join(t.config.results.pkiDir, 'ca.cert.pem')));

describe('audit anchors, published', () => {
  it("signs a commune's head with the commune's own certificate and publishes it on its page and API", async () => {
    await append('30421', 5);
    const anchoring = createAuditAnchoring(t.ctx);
    const outcome = await anchoring.anchorChain('30421');
    expect(outcome).toMatchObject({ status: 'anchored', anchor: { chain: '30421', entryId: 5, signer: 'Ủy ban nhân dân xã Phú Lâm' } });
    const anchor = (outcome as { anchor: AnchorJson }).anchor;
    expect(checkAnchor(anchor, [caCert()])).toMatchObject({ ok: true, subject: expect.stringContaining('CN=Ủy ban nhân dân xã Phú Lâm') });

    const api = await t.app.inject({ method: 'GET', url: '/api/audit-anchors/30421' });
    expect(api.statusCode).toBe(200);
    expect(api.json()).toMatchObject({ chain: '30421', unitName: 'Xã Phú Lâm', anchors: [anchor] });
    // What audit:verify reads from the URL is exactly that.
    expect(parsePublishedAnchors(api.body)).toEqual([anchor]);

    const page = await t.app.inject({ method: 'GET', url: '/xa/30421' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('Xã Phú Lâm');
    expect(page.body).toContain(anchor.headHash);
    expect(page.body).toContain('/api/audit-anchors/30421');
    expect(page.body).not.toMatch(/<script|style=/);
    const css = await t.app.inject({ method: 'GET', url: '/xa/_/page.css' });
    expect(css.headers['content-type']).toMatch(/text\/css/);
    const list = await t.app.inject({ method: 'GET', url: '/xa' });
    expect(list.body).toContain('href="/xa/30421"');
    expect((await t.app.inject({ method: 'GET', url: '/xa/99999' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/audit-anchors/%3Cx%3E' })).statusCode).toBe(400);
  });

  it("signs on demand for the commune's administrator only", async () => {
    await append('30421', 2);
    const own = await loginAs(t, 'official:phulam.quantri');
    const signed = await t.app.inject({ method: 'POST', url: '/api/audit-anchors/30421', headers: own.headers });
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'anchored', anchor: { entryId: 7 } });
    const again = await t.app.inject({ method: 'POST', url: '/api/audit-anchors/30421', headers: own.headers });
    expect(again.json()).toMatchObject({ status: 'unchanged', anchor: { entryId: 7 } });
    const other = await loginAs(t, 'official:hoadien.quantri');
    expect((await t.app.inject({ method: 'POST', url: '/api/audit-anchors/30421', headers: other.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/audit-anchors/system', headers: own.headers })).statusCode).toBe(403);
    const receptionist = await loginAs(t, 'official:phulam.tiepnhan');
    expect((await t.app.inject({ method: 'POST', url: '/api/audit-anchors/30421', headers: receptionist.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/audit-anchors/30421' })).statusCode).toBe(401);
  });

  it("e-mails the day's anchor to the commune's approvers and administrators, once a day, through the outbox", async () => {
    await append('30790', 3);
    // A commune administrator sets a colleague's work address through the officials API.
    const admin = await loginAs(t, 'official:hoadien.quantri');
    const officials = (await t.app.inject({ method: 'GET', url: '/api/office/officials?unit=30790', headers: admin.headers })).json().items as {
      id: string;
      username: string;
      email: string | null;
    }[];
    const approver = officials.find((o) => o.username === 'hoadien.lanhdao')!;
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/office/officials/${approver.id}`,
      headers: admin.headers,
      payload: { email: 'Chau.Minh.Tri@HoaDien.example' },
    });
    expect(patched.json()).toMatchObject({ email: 'chau.minh.tri@hoadien.example' });
    expect(
      (await t.app.inject({ method: 'PATCH', url: `/api/office/officials/${approver.id}`, headers: admin.headers, payload: { email: 'not an address' } }))
        .statusCode,
    ).toBe(400);

    const anchoring = createAuditAnchoring(t.ctx);
    expect(anchoring.reportDay(new Date(REPORT_TIME))).toBe('2026-11-24');
    expect(anchoring.reportDay(new Date('2026-11-24T10:59:00Z'))).toBe('2026-11-23'); // 17:59 in Vietnam
    const queued = await anchoring.queueDailyReports();
    expect(queued).toBe(2); // 30421 and 30790 (the 'system' chain has no entries here)
    expect(await anchoring.queueDailyReports()).toBe(0);

    const log = { info() {}, warn() {}, error() {} };
    const n = await startNotifications(t.ctx, { ...(t.handle.pglite ? { pglite: t.handle.pglite } : {}), log });
    const mailDir = path.join(t.config.dataDir, 'outbox-mail');
    try {
      await waitFor(() => fs.existsSync(mailDir) && fs.readdirSync(mailDir).filter((f) => f.endsWith('.eml')).length === 4, 'four report e-mails');
    } finally {
      await n.stop();
    }
    const mails = await Promise.all(
      fs
        .readdirSync(mailDir)
        .filter((f) => f.endsWith('.eml'))
        .map(async (f) => ({ file: path.join(mailDir, f), mail: await simpleParser(fs.readFileSync(path.join(mailDir, f))) })),
    );
    const to = (m: (typeof mails)[number]) => (Array.isArray(m.mail.to) ? m.mail.to : [m.mail.to]).map((a) => a?.text).join(',');
    expect(mails.map(to).sort()).toEqual([
      'chau.minh.tri@hoadien.example',
      'hoadien.quantri@motcua.example',
      'phulam.lanhdao@motcua.example',
      'phulam.quantri@motcua.example',
    ]);
    const phuLam = mails.find((m) => to(m) === 'phulam.lanhdao@motcua.example')!;
    expect(phuLam.mail.subject).toMatch(/^Neo nhật ký kiểm toán Xã Phú Lâm/);
    expect(phuLam.mail.text).toContain('Đến bản ghi số:    7');
    expect(phuLam.mail.text).toContain(`${t.config.publicUrl}/xa/30421`);
    // The saved message, as it lies in the mailbox, is an anchor file for audit:verify.
    const [fromMail] = parsePublishedAnchors(fs.readFileSync(phuLam.file, 'utf8'));
    expect(fromMail).toMatchObject({ chain: '30421', entryId: 7 });
    expect(checkAnchor(fromMail!, [caCert()])).toMatchObject({ ok: true });
    const point = { chain: fromMail!.chain, entryId: fromMail!.entryId, headHash: fromMail!.headHash, signedAt: fromMail!.signedAt, source: 'e-mail' };
    expect(await verifyAuditChain(t.ctx.db, { anchors: [point] })).toMatchObject({ ok: true, anchors: 1 });
  });
});
