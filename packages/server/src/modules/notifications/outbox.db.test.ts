import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { inTransaction, type DatabaseHandle } from '../../db/database.ts';
import { fixedClock, systemClock, type Clock } from '../../platform/clock.ts';
import { openMigratedTestDatabase, testEngine } from '../../testing/harness.ts';
import type { SmsSender } from './channels.ts';
import { dossierNoticeHandler, outboxMessageId } from './dossier-notices.ts';
import { smtpMailSender } from './mail.ts';
import { DOSSIER_NOTICE } from './outbox.ts';
import { enqueueOutbox, listenForOutbox, OutboxWorker, type OutboxWorkerOptions, requeueParked } from '../../platform/outbox/index.ts';
import { renderDossierNotice } from './render.ts';
import { httpSmsSender } from './sms.ts';
import type { DossierNoticePayload } from './tables.ts';
import { samplePayload, startSmsGateway, startSmtpSink, waitFor, type SmsGateway, type SmtpSink } from './testkit.ts';

const PUBLIC_URL = 'https://motcua.example.vn';
let handle: DatabaseHandle & { name: string };
const cleanup: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  handle = await openMigratedTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
  await sql`delete from notification_delivery`.execute(handle.db);
  await sql`delete from outbox`.execute(handle.db);
});

async function channels(
  options: { rejectFirst?: number; smsStatus?: () => number } = {},
): Promise<{ sink: SmtpSink; gw: SmsGateway; handlers: OutboxWorkerOptions['handlers'] }> {
  const sink = await startSmtpSink(options);
  const gw = await startSmsGateway(options.smsStatus);
  const mail = smtpMailSender(sink.url, 'Motcua <no-reply@motcua.example.vn>');
  cleanup.push(
    () => sink.close(),
    () => gw.close(),
    () => mail.close(),
  );
  const sms = httpSmsSender({ url: gw.url, token: 'test' });
  return { sink, gw, handlers: { [DOSSIER_NOTICE]: dossierNoticeHandler({ mail, sms, publicUrl: PUBLIC_URL }) } };
}

function worker(handlers: OutboxWorkerOptions['handlers'], clock: Clock, extra: Partial<OutboxWorkerOptions> = {}): OutboxWorker {
  const w = new OutboxWorker({ db: handle.db, clock, handlers, pollMs: 50, ...extra });
  cleanup.push(() => w.stop());
  return w;
}

async function enqueue(payloads: DossierNoticePayload[], availableAt?: Date): Promise<void> {
  await inTransaction(handle.db, async (trx) => {
    for (const p of payloads) await enqueueOutbox(trx, DOSSIER_NOTICE, p, availableAt);
  });
}

const pending = async () =>
  Number((await sql<{ n: number }>`select count(*)::int as n from outbox where done_at is null and parked_at is null`.execute(handle.db)).rows[0]!.n);

const ACTIONS = [
  'submitted',
  'receive',
  'request_supplement',
  'submit_supplement',
  'refuse_intake',
  'transfer',
  // Not 'approve': an approval is announced by its result (core followUpOf), with no notice of its own.
  'refuse',
  'mark_result_ready',
  'return_result',
  'record_apology',
  'withdraw',
  'cancel',
];

describe(`outbox worker on ${testEngine()}`, () => {
  it('turns each state-change notice into exactly one e-mail and one SMS', async () => {
    const { sink, gw, handlers } = await channels();
    const payloads = ACTIONS.map((action, i) =>
      samplePayload({ action, state: 'x', dossierCode: `000.00.21.H26-260212-${String(i + 1).padStart(4, '0')}`, reason: 'Thiếu giấy tờ' }),
    );
    // Internal steps are recorded but send nothing.
    await enqueue([...payloads, samplePayload({ action: 'assign', state: 'in_progress' })]);
    const w = worker(handlers, systemClock);
    w.start();
    await waitFor(async () => (await pending()) === 0, 'all notices delivered');
    await w.stop();

    expect(sink.messages).toHaveLength(ACTIONS.length);
    expect(gw.requests).toHaveLength(ACTIONS.length);
    const ids = (await handle.db.selectFrom('outbox').select(['id', 'payload']).orderBy('id').execute()).slice(0, ACTIONS.length);
    for (const [i, row] of ids.entries()) {
      const expected = renderDossierNotice(payloads[i]!, { publicUrl: PUBLIC_URL })!;
      const mail = sink.messages.find((m) => m.messageId === outboxMessageId(Number(row.id), PUBLIC_URL));
      expect(mail?.subject).toBe(expected.subject);
      expect(mail?.text?.trim()).toBe(expected.text.trim());
      expect(mail?.to && 'value' in mail.to ? mail.to.value[0]?.address : null).toBe('dao@example.vn');
      expect(gw.requests.filter((r) => r.key === `outbox-${row.id}.sms`).map((r) => [r.to, r.text])).toEqual([['0912345678', expected.sms]]);
    }
    const delivered = await handle.db.selectFrom('notification_delivery').select(['channel']).execute();
    expect(delivered).toHaveLength(2 * ACTIONS.length);
  });

  it('lets two workers share 30 messages without sending any twice', async () => {
    const { sink, gw, handlers } = await channels();
    await enqueue(Array.from({ length: 30 }, (_, i) => samplePayload({ dossierCode: `000.00.21.H26-260212-${String(i + 1).padStart(4, '0')}` })));
    const a = worker(handlers, systemClock, { batchSize: 4, workerId: 'a' });
    const b = worker(handlers, systemClock, { batchSize: 4, workerId: 'b' });
    a.start();
    b.start();
    await waitFor(async () => (await pending()) === 0, '30 messages delivered');
    await Promise.all([a.stop(), b.stop()]);

    const mailIds = sink.messages.map((m) => m.messageId);
    expect(mailIds).toHaveLength(30);
    expect(new Set(mailIds).size).toBe(30);
    expect(gw.requests).toHaveLength(30);
    expect(new Set(gw.requests.map((r) => r.key)).size).toBe(30);
    const attempts = await handle.db.selectFrom('outbox').select('attempts').execute();
    expect(attempts.every((r) => r.attempts === 1)).toBe(true);
  });

  it('redelivers a batch abandoned by a crashed worker once its lease expires, and only then', async () => {
    const clock = fixedClock(new Date());
    const { sink, gw, handlers } = await channels();
    await enqueue(
      Array.from({ length: 5 }, (_, i) => samplePayload({ dossierCode: `X-260212-000${i + 1}` })),
      clock.now(),
    );
    const crashed = worker(handlers, clock, { workerId: 'crashed', leaseMs: 60_000 });
    const stale = await crashed.claim();
    expect(stale).toHaveLength(5);

    const rescuer = worker(handlers, clock, { workerId: 'rescuer', leaseMs: 60_000 });
    expect(await rescuer.runOnce()).toBe(0); // live leases are never taken
    clock.advance(60_001);
    expect(await rescuer.runOnce()).toBe(5);
    expect(sink.messages).toHaveLength(5);
    expect(gw.requests).toHaveLength(5);

    // The crashed worker comes back to life: it no longer holds the leases, so it sends nothing.
    for (const m of stale) expect(await crashed.deliver(m)).toBe('lease_lost');
    expect(sink.messages).toHaveLength(5);
    expect(gw.requests).toHaveLength(5);
  });

  it('parks a message whose last attempt died with its worker', async () => {
    const clock = fixedClock(new Date());
    const { sink, handlers } = await channels();
    await enqueue([samplePayload()], clock.now());
    expect(await worker(handlers, clock, { maxAttempts: 1, leaseMs: 1000 }).claim()).toHaveLength(1);
    clock.advance(1001);
    expect(await worker(handlers, clock, { maxAttempts: 1 }).runOnce()).toBe(0);
    const row = await handle.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(row.parked_at).not.toBeNull();
    expect(row.last_error).toMatch(/lease expired/);
    expect(sink.messages).toHaveLength(0);
  });

  it('after a crash between channels, the next worker sends only the channel still missing', async () => {
    const clock = fixedClock(new Date());
    const { sink, gw, handlers } = await channels();
    const hangingSms: SmsSender = { kind: 'hang', send: () => new Promise(() => undefined) };
    const mail = smtpMailSender(sink.url, 'Motcua <no-reply@motcua.example.vn>');
    cleanup.push(() => mail.close());
    const dying = worker({ [DOSSIER_NOTICE]: dossierNoticeHandler({ mail, sms: hangingSms, publicUrl: PUBLIC_URL }) }, clock, { leaseMs: 60_000 });
    await enqueue([samplePayload()], clock.now());
    const [m] = await dying.claim();
    void dying.deliver(m!); // e-mail goes out, then the SMS never returns: the process is gone
    await waitFor(() => sink.messages.length === 1, 'the e-mail of the dying worker');
    await waitFor(async () => (await handle.db.selectFrom('notification_delivery').select('channel').execute()).length === 1, 'e-mail recorded');

    clock.advance(60_001);
    expect(await worker(handlers, clock).runOnce()).toBe(1);
    expect(sink.messages).toHaveLength(1);
    expect(gw.requests).toHaveLength(1);
    expect(await pending()).toBe(0);
  });

  it('retries after an SMTP 4xx and delivers exactly one e-mail', async () => {
    const clock = fixedClock(new Date());
    const { sink, gw, handlers } = await channels({ rejectFirst: 1 });
    await enqueue([samplePayload()], clock.now());
    const w = worker(handlers, clock, { backoff: { baseMs: 30_000, maxMs: 600_000, jitter: 0.2 }, random: () => 0 });
    expect(await w.runOnce()).toBe(1);
    const after1 = await handle.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(after1.done_at).toBeNull();
    expect(after1.attempts).toBe(1);
    expect(after1.last_error).toMatch(/451/);
    expect(new Date(after1.available_at).getTime()).toBe(clock.now().getTime() + 30_000);
    expect(after1.locked_by).toBeNull();

    expect(await w.runOnce()).toBe(0); // not due yet
    clock.advance(30_000);
    expect(await w.runOnce()).toBe(1);
    expect(sink.attempts).toBe(2);
    expect(sink.messages).toHaveLength(1);
    expect(gw.requests).toHaveLength(1);
    const after2 = await handle.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(after2.done_at).not.toBeNull();
    expect(after2.attempts).toBe(2);
  });

  it('backs off exponentially, parks after the last attempt, and can be re-queued', async () => {
    const clock = fixedClock(new Date());
    let gatewayStatus = 503;
    const { sink, gw, handlers } = await channels({ smsStatus: () => gatewayStatus });
    await enqueue([samplePayload({ recipient: { fullName: 'A', phone: '0912', email: null, lang: 'vi' } })], clock.now());
    const w = worker(handlers, clock, { maxAttempts: 4, backoff: { baseMs: 1000, maxMs: 3000, jitter: 0.5 }, random: () => 0 });
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      expect(await w.runOnce()).toBe(1);
      const row = await handle.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
      waits.push(new Date(row.available_at).getTime() - clock.now().getTime());
      clock.set(row.available_at);
    }
    expect(waits).toEqual([1000, 2000, 3000]); // base·2^(n−1), capped
    expect(await w.runOnce()).toBe(1);
    const parked = await handle.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(parked.parked_at).not.toBeNull();
    expect(parked.attempts).toBe(4);
    expect(parked.last_error).toMatch(/503/);
    clock.advance(24 * 3600_000);
    expect(await w.runOnce()).toBe(0); // parked rows stay put

    gatewayStatus = 200;
    expect(await requeueParked(handle.db, Number(parked.id), clock.now())).toBe(true);
    expect(await w.runOnce()).toBe(1);
    expect(gw.requests).toHaveLength(1);
    expect(sink.messages).toHaveLength(0);
  });

  it('parks at once on a permanent refusal', async () => {
    const clock = fixedClock(new Date());
    const { handlers } = await channels({ smsStatus: () => 400 });
    await enqueue([samplePayload({ recipient: { fullName: 'A', phone: 'not-a-phone', email: null, lang: 'vi' } })], clock.now());
    await worker(handlers, clock).runOnce();
    const row = await handle.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(row.parked_at).not.toBeNull();
    expect(row.attempts).toBe(1);
  });

  it('wakes on NOTIFY instead of waiting for the next poll', async () => {
    const { sink, handlers } = await channels();
    const w = worker(handlers, systemClock, { pollMs: 600_000 });
    const databaseUrl = testEngine() === 'postgres' ? testDatabaseUrl(handle.name) : null;
    const unlisten = await listenForOutbox({ db: handle.db, databaseUrl, ...(handle.pglite ? { pglite: handle.pglite } : {}) }, () => w.wake(), console);
    cleanup.push(unlisten);
    w.start();
    await new Promise((r) => setTimeout(r, 100)); // let the first (empty) poll pass
    await enqueue([samplePayload()]);
    await waitFor(() => sink.messages.length === 1, 'delivery woken by NOTIFY', 20_000);
  });
});

function testDatabaseUrl(name: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}
