import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxWorker } from '../../platform/outbox/index.ts';
import type { TestContext } from '../../testing/harness.ts';
import { AN, NGOC, as, certifyCopyBody, client, startDossierApp } from '../dossiers/testkit.ts';
import type { MailSender } from './channels.ts';
import { dossierNoticeHandler } from './dossier-notices.ts';
import { DOSSIER_NOTICE } from './outbox.ts';
import { smsReceiptSignature, zaloSignature } from './receipts.ts';
import { fileSmsSender } from './sms.ts';
import { fileZaloSender } from './zalo.ts';

let t: TestContext;
let c: ReturnType<typeof client>;
const R = 'official:phulam.tiepnhan';
const OTHER = 'official:hoadien.tiepnhan';
const APP_ID = '4291763606161179100';
const OA_SECRET = 'oa-secret-key';
const SMS_SECRET = 'sms-callback-secret';
const noMail: MailSender = { kind: 'none', send: async () => ({ id: 'unused' }), close() {} };

beforeAll(async () => {
  t = await startDossierApp('2026-03-03T09:00:00+07:00');
  c = client(t);
});
afterAll(async () => {
  await t?.close();
});

/** Delivers every due notice with the local stand-ins, as the worker process would. */
async function drain(): Promise<void> {
  const dir = t.ctx.config.dataDir;
  const handler = dossierNoticeHandler({
    mail: noMail,
    sms: fileSmsSender(path.join(dir, 'sms.log')),
    zalo: fileZaloSender(path.join(dir, 'zalo.log')),
    db: t.ctx.db,
    now: () => t.clock.now(),
    publicUrl: 'https://motcua.example.vn',
  });
  const w = new OutboxWorker({ db: t.ctx.db, clock: t.clock, handlers: { [DOSSIER_NOTICE]: handler } });
  while ((await w.runOnce()) > 0);
}

async function counterDossier(idNumber: string): Promise<string> {
  const code = (await c.submit(R, { ...certifyCopyBody(idNumber), channel: 'counter', consent: { method: 'signature' } })).json().code as string;
  expect((await c.act(R, code, { action: 'complete_on_spot' })).statusCode).toBe(200);
  return code;
}

const notices = async (who: string, code: string) => t.app.inject({ method: 'GET', url: `/api/office/dossiers/${code}/notices`, headers: await as(t, who) });

describe('"Hồ sơ của tôi": the channel of phone notices, with consent', () => {
  it('refuses Zalo without consent or with a number that is not a mobile one, then records the choice', async () => {
    const put = async (payload: object) =>
      t.app.inject({ method: 'PUT', url: '/api/me/notification-preference', headers: await as(t, `citizen:${AN}`), payload });
    expect((await put({ channel: 'zalo', phone: '0912345678', consent: false })).statusCode).toBe(400);
    expect((await put({ channel: 'zalo', phone: '02963123456', consent: true })).statusCode).toBe(400);
    expect(
      (await t.app.inject({ method: 'PUT', url: '/api/me/notification-preference', payload: { channel: 'zalo', phone: '0912345678', consent: true } }))
        .statusCode,
    ).toBe(401);
    const r = await put({ channel: 'zalo', phone: '0912 345 678', consent: true });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ channel: 'zalo', phone: '84912345678', consentedAt: '2026-03-03T02:00:00.000Z' });
    expect(r.json().consentText).toContain('Zalo');
    const got = (await t.app.inject({ method: 'GET', url: '/api/me/notification-preference', headers: await as(t, `citizen:${AN}`) })).json();
    expect(got.preference).toMatchObject({ channel: 'zalo', phone: '84912345678' });
    const other = (await t.app.inject({ method: 'GET', url: '/api/me/notification-preference', headers: await as(t, `citizen:${NGOC}`) })).json();
    expect(other.preference).toBeNull();
  });
});

describe('delivery receipts on the office dossier page', () => {
  it('shows Zalo notices accepted, then delivered by a signed Zalo event; a forged or stale event changes nothing', async () => {
    const code = await counterDossier(AN);
    await drain();
    const log = fs.readFileSync(path.join(t.ctx.config.dataDir, 'zalo.log'), 'utf8');
    expect(log).toContain(code);
    let items = (await notices(R, code)).json().items as { outboxId: number; channel: string; status: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.channel === 'zalo' && i.status === 'accepted')).toBe(true);
    const msgId = `outbox-${items[0]!.outboxId}`;

    const event = (timestamp: number) =>
      JSON.stringify({
        app_id: APP_ID,
        event_name: 'user_received_message',
        timestamp: String(timestamp),
        message: { msg_id: msgId, tracking_id: msgId, delivery_time: String(timestamp) },
      });
    const post = (body: string, signature?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/notifications/zalo/events',
        headers: { 'content-type': 'application/json', ...(signature ? { 'x-zevent-signature': signature } : {}) },
        payload: body,
      });
    const now = t.clock.now().getTime();
    expect((await post(event(now), zaloSignature(APP_ID, event(now), String(now), OA_SECRET))).statusCode).toBe(503); // not configured
    t.ctx.config.notifications.zalo.appId = APP_ID;
    t.ctx.config.notifications.zalo.oaSecretKey = OA_SECRET;
    expect((await post(event(now))).statusCode).toBe(401);
    expect((await post(event(now), zaloSignature(APP_ID, event(now), String(now), 'guessed'))).statusCode).toBe(401);
    const stale = now - 60 * 60_000;
    expect((await post(event(stale), zaloSignature(APP_ID, event(stale), String(stale), OA_SECRET))).statusCode).toBe(401);
    items = (await notices(R, code)).json().items;
    expect(items[0]!.status).toBe('accepted');

    const ok = await post(event(now), zaloSignature(APP_ID, event(now), String(now), OA_SECRET));
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ matched: true });
    items = (await notices(R, code)).json().items;
    expect(items.find((i) => i.outboxId === items[0]!.outboxId)!.status).toBe('delivered');
  });

  it('shows an SMS the gateway reports undelivered as failed; forged reports are refused', async () => {
    const code = await counterDossier(NGOC);
    await drain();
    let items = (await notices(R, code)).json().items as { outboxId: number; channel: string; status: string; detail: string | null }[];
    expect(items.every((i) => i.channel === 'sms' && i.status === 'accepted')).toBe(true);
    // The file stand-in's id is the Idempotency-Key it was given.
    const report = JSON.stringify({ id: `outbox-${items[0]!.outboxId}.sms`, status: 'failed', detail: 'Thuê bao không liên lạc được' });
    const post = (signature?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/notifications/sms/receipts',
        headers: { 'content-type': 'application/json', ...(signature ? { 'x-signature': signature } : {}) },
        payload: report,
      });
    expect((await post(smsReceiptSignature(SMS_SECRET, report))).statusCode).toBe(503);
    t.ctx.config.notifications.smsCallbackSecret = SMS_SECRET;
    expect((await post()).statusCode).toBe(401);
    expect((await post(smsReceiptSignature('guessed', report))).statusCode).toBe(401);
    expect((await notices(R, code)).json().items[0].status).toBe('accepted');
    const ok = await post(smsReceiptSignature(SMS_SECRET, report));
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ matched: true });
    items = (await notices(R, code)).json().items;
    expect(items[0]).toMatchObject({ status: 'failed', detail: 'Thuê bao không liên lạc được' });
  });

  it('is for officials who may see the dossier, and their look is audited', async () => {
    const code = await counterDossier(NGOC);
    expect((await notices(OTHER, code)).statusCode).toBe(404);
    expect((await notices(`citizen:${NGOC}`, code)).statusCode).toBe(403);
    const before = await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'notifications.notice.list').execute();
    const r = await notices(R, code);
    expect(r.statusCode).toBe(200);
    // Not yet delivered: the notices show as pending, not missing.
    expect(r.json().items.every((i: { status: string }) => i.status === 'pending')).toBe(true);
    const after = await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'notifications.notice.list').execute();
    expect(after.length).toBe(before.length + 1);
  });
});
