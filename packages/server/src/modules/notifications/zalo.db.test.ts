import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { inTransaction, type DatabaseHandle } from '../../db/database.ts';
import { systemClock } from '../../platform/clock.ts';
import { enqueueOutbox, OutboxWorker } from '../../platform/outbox/index.ts';
import { openMigratedTestDatabase } from '../../testing/harness.ts';
import type { MailSender } from './channels.ts';
import { dossierNoticeHandler, ZALO_ATTEMPTS_BEFORE_SMS } from './dossier-notices.ts';
import { DOSSIER_NOTICE } from './outbox.ts';
import { setPreference } from './preferences.ts';
import { dbZaloTokenStore, noticeReceiptsFor } from './receipts.ts';
import { httpSmsSender } from './sms.ts';
import { samplePayload, startSmsGateway, type SmsGateway } from './testkit.ts';
import { httpZaloSender, toZaloPhone } from './zalo.ts';
import { startFakeZalo, type FakeZalo } from './zalo-testkit.ts';

const APP = { appId: '4291763606161179100', secretKey: 'app-secret', refreshToken: 'refresh-0' };
const PHONE = '0912345678';
let handle: DatabaseHandle & { name: string };
let zalo: FakeZalo;
let gw: SmsGateway;
let smsStatus = 200;
const noMail: MailSender = { kind: 'none', send: async () => ({ id: 'unused' }), close() {} };

beforeAll(async () => {
  handle = await openMigratedTestDatabase();
  zalo = await startFakeZalo(APP);
  gw = await startSmsGateway(() => smsStatus);
});
afterAll(async () => {
  await zalo?.close();
  await gw?.close();
  await handle?.close();
});
beforeEach(async () => {
  // Each test starts from the pair Zalo honours now, as a running system would hold it.
  const store = dbZaloTokenStore(handle.db, APP.appId);
  if (!(await store.load())) await store.save({ accessToken: 'revoked', refreshToken: zalo.validRefresh, expiresAt: new Date(Date.now() + 3_600_000) });
});
afterEach(async () => {
  smsStatus = 200;
  zalo.sent.length = 0;
  zalo.noAccount.clear();
  zalo.failNext = 0;
  gw.requests.length = 0;
  // The token pair stays: Zalo rotated the configured refresh token in the first test, as it would in production.
  for (const t of ['notice_receipt', 'notification_delivery', 'outbox', 'notification_preference']) await sql`delete from ${sql.table(t)}`.execute(handle.db);
});

function worker(): OutboxWorker {
  const zaloSender = httpZaloSender({ url: zalo.znsUrl, oauthUrl: zalo.oauthUrl, ...APP, tokens: dbZaloTokenStore(handle.db, APP.appId) });
  const handler = dossierNoticeHandler({
    mail: noMail,
    sms: httpSmsSender({ url: gw.url, token: 'test' }),
    zalo: zaloSender,
    zaloTemplates: { received: '312345' },
    db: handle.db,
    publicUrl: 'https://motcua.example.vn',
  });
  // No backoff: a retry is due at the next runOnce, so tests step attempts without waiting.
  return new OutboxWorker({ db: handle.db, clock: systemClock, handlers: { [DOSSIER_NOTICE]: handler }, backoff: { baseMs: 0, maxMs: 0, jitter: 0 } });
}

async function enqueueNotice(phone = PHONE): Promise<number> {
  await inTransaction(handle.db, (trx) =>
    enqueueOutbox(trx, DOSSIER_NOTICE, samplePayload({ recipient: { fullName: 'Nguyễn Thị Đào', phone, email: null, lang: 'vi' } })),
  );
  const r = await handle.db.selectFrom('outbox').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
  return Number(r.id);
}

const chooseZalo = (phone = PHONE) => setPreference(handle.db, 'citizen-1', phone, 'zalo', new Date());

describe('phone numbers for Zalo', () => {
  it('writes Vietnamese mobile numbers as 84…, and refuses others', () => {
    expect(toZaloPhone('0912 345 678')).toBe('84912345678');
    expect(toZaloPhone('+84912345678')).toBe('84912345678');
    expect(toZaloPhone('84912345678')).toBe('84912345678');
    expect(toZaloPhone('02963123456')).toBeNull(); // a landline
    expect(toZaloPhone('12345')).toBeNull();
  });
});

describe('Zalo notices through the outbox worker (local fake of the ZNS API)', () => {
  it('refreshes the access token when Zalo says it is invalid, keeps the rotated pair, and sends once', async () => {
    await chooseZalo();
    // A token Zalo no longer honours, still in date by our clock: only Zalo's -124 reveals it.
    await dbZaloTokenStore(handle.db, APP.appId).save({ accessToken: 'revoked', refreshToken: zalo.validRefresh, expiresAt: new Date(Date.now() + 3_600_000) });
    const refreshesBefore = zalo.refreshes;
    const id = await enqueueNotice();
    expect(await worker().runOnce()).toBe(1);
    expect(zalo.refreshes).toBe(refreshesBefore + 1);
    expect(zalo.sent).toHaveLength(1);
    expect(zalo.sent[0]).toMatchObject({ phone: '84912345678', template_id: '312345', tracking_id: `outbox-${id}`, token: zalo.validAccess });
    expect(zalo.sent[0]!.template_data).toMatchObject({ dossier_code: '000.00.21.H26-260212-0007', customer_name: 'Nguyễn Thị Đào' });
    const stored = await dbZaloTokenStore(handle.db, APP.appId).load();
    expect(stored).toMatchObject({ accessToken: zalo.validAccess, refreshToken: zalo.validRefresh });
    expect(gw.requests).toHaveLength(0);
    // The next message uses the stored token: no second refresh.
    await enqueueNotice();
    await worker().runOnce();
    expect(zalo.refreshes).toBe(refreshesBefore + 1);
    expect(zalo.sent).toHaveLength(2);
    const receipts = await noticeReceiptsFor(handle.db, '000.00.21.H26-260212-0007');
    expect(receipts.map((r) => `${r.channel}:${r.status}`)).toEqual(['zalo:accepted', 'zalo:accepted']);
  });

  it('falls back to SMS, once, when the number has no Zalo account (-118)', async () => {
    await chooseZalo();
    zalo.noAccount.add('84912345678');
    await enqueueNotice();
    await worker().runOnce();
    expect(zalo.sent).toHaveLength(0);
    expect(gw.requests).toHaveLength(1);
    expect(gw.requests[0]!.to).toBe(PHONE);
    const receipts = await noticeReceiptsFor(handle.db, '000.00.21.H26-260212-0007');
    expect(receipts.map((r) => `${r.channel}:${r.status}`)).toEqual(['sms:accepted', 'zalo:refused']);
    expect(receipts.find((r) => r.channel === 'zalo')!.detail).toContain('-118');
  });

  it('sends by SMS when no ZNS template is registered for the notice kind', async () => {
    await chooseZalo();
    await inTransaction(handle.db, (trx) =>
      enqueueOutbox(
        trx,
        DOSSIER_NOTICE,
        samplePayload({ action: 'cancel', state: 'cancelled', recipient: { fullName: 'Đào', phone: PHONE, email: null, lang: 'vi' } }),
      ),
    );
    await worker().runOnce();
    expect(zalo.sent).toHaveLength(0);
    expect(gw.requests).toHaveLength(1);
  });

  it('asks Zalo once and sends one SMS across worker retries when the SMS gateway fails after the refusal', async () => {
    await chooseZalo();
    zalo.noAccount.add('84912345678');
    const before = zalo.requests;
    await enqueueNotice();
    smsStatus = 503;
    const w = worker();
    await w.runOnce(); // Zalo refuses, the gateway fails: retry
    smsStatus = 200;
    await w.runOnce(); // SMS only: Zalo's refusal is on record
    await w.runOnce(); // nothing left
    expect(zalo.requests - before).toBe(1);
    expect(gw.requests).toHaveLength(1);
    const row = await handle.db.selectFrom('outbox').select(['done_at', 'attempts']).executeTakeFirstOrThrow();
    expect(row.done_at).not.toBeNull();
    expect(row.attempts).toBe(2);
  });

  it('retries Zalo when it is down, sends once when it is back, and never also by SMS', async () => {
    await chooseZalo();
    zalo.failNext = 1;
    await enqueueNotice();
    const w = worker();
    await w.runOnce();
    expect(zalo.sent).toHaveLength(0);
    await w.runOnce();
    await w.runOnce();
    expect(zalo.sent).toHaveLength(1);
    expect(gw.requests).toHaveLength(0);
  });

  it(`gives up on an unavailable Zalo at attempt ${ZALO_ATTEMPTS_BEFORE_SMS} and sends the SMS instead`, async () => {
    await chooseZalo();
    zalo.failNext = 100;
    await enqueueNotice();
    const w = worker();
    for (let i = 0; i < ZALO_ATTEMPTS_BEFORE_SMS + 1; i++) await w.runOnce();
    expect(zalo.sent).toHaveLength(0);
    expect(gw.requests).toHaveLength(1);
    const receipts = await noticeReceiptsFor(handle.db, '000.00.21.H26-260212-0007');
    expect(receipts.map((r) => `${r.channel}:${r.status}`)).toEqual(['sms:accepted', 'zalo:refused']);
  });

  it('sends by SMS to a citizen who did not choose Zalo', async () => {
    await enqueueNotice();
    await worker().runOnce();
    expect(zalo.sent).toHaveLength(0);
    expect(gw.requests).toHaveLength(1);
  });
});
