// From approval to signed result (issue #11): how often the event log is read, how many notices the citizen gets.
import { type KyselyPlugin, RawNode, SelectQueryNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../testing/harness.ts';
import { AN, applicant, client, maritalStatusBody, startDossierApp, userId } from '../dossiers/testkit.ts';
import { OutboxWorker } from '../../platform/outbox/index.ts';
import { workerHandlers } from '../../workers.ts';
import { DOSSIER_NOTICE, dossierNoticeHandler, type MailMessage, type MailSender, type SmsSender } from '../notifications/index.ts';
import { ensureTools } from './testkit.ts';

const R = 'official:phulam.tiepnhan';
const S = 'official:phulam.chuyenvien';
const A = 'official:phulam.lanhdao';
const citizen = `citizen:${AN}`;

/** Counts every statement that reads dossier_event (the event log), whoever sends it. */
function eventLogReads() {
  const counter = { reads: 0 };
  const plugin: KyselyPlugin = {
    transformQuery({ node }) {
      const text = JSON.stringify(node);
      if ((SelectQueryNode.is(node) && text.includes('"dossier_event"')) || (RawNode.is(node) && /from\s+"?dossier_event\b/i.test(text))) counter.reads++;
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return { counter, plugin };
}

let t: TestContext;
const { counter, plugin } = eventLogReads();
const mails: MailMessage[] = [];
const texts: { phone: string; text: string }[] = [];
let worker: OutboxWorker;

beforeAll(async () => {
  await ensureTools();
  t = await startDossierApp('2026-03-02T09:00:00+07:00');
  // Every service reads the database through the context: from here on, through the counter.
  t.ctx.db = t.ctx.db.withPlugin(plugin);
  const mail: MailSender = {
    kind: 'memory',
    send: async (m) => {
      mails.push(m);
      return { id: String(mails.length) };
    },
    close() {},
  };
  const sms: SmsSender = {
    kind: 'memory',
    send: async (phone, text) => {
      texts.push({ phone, text });
      return { id: String(texts.length) };
    },
  };
  worker = new OutboxWorker({
    db: t.ctx.db,
    clock: t.clock,
    handlers: { ...workerHandlers(t.services), [DOSSIER_NOTICE]: dossierNoticeHandler({ mail, sms, publicUrl: t.config.publicUrl }) },
  });
}, 300_000);
afterAll(async () => {
  await t?.close();
});

async function drain(): Promise<void> {
  while ((await worker.runOnce()) > 0);
  const stuck = await t.ctx.db.selectFrom('outbox').select(['topic', 'last_error']).where('done_at', 'is', null).execute();
  expect(stuck).toEqual([]);
}

describe('approval to signed result', () => {
  it('reads the event log at most three times and tells the citizen once: the result is ready, with its verify link', async () => {
    const c = client(t);
    const submitted = await c.submit(citizen, maritalStatusBody(AN, { resultDelivery: 'electronic', applicant: { ...applicant(AN), email: 'an@example.vn' } }));
    expect(submitted.statusCode, submitted.body).toBe(201);
    const code = submitted.json().code as string;
    for (const [who, body] of [
      [R, { action: 'receive', note: 'Đủ giấy tờ' }],
      [R, { action: 'assign', assigneeUserId: await userId(t, 'phulam.chuyenvien') }],
      [S, { action: 'propose', outcome: 'approve', note: 'Đủ điều kiện' }],
    ] as const) {
      const r = await c.act(who, code, body);
      expect(r.statusCode, r.body).toBe(200);
    }
    await drain();
    const before = { reads: counter.reads, mails: mails.length, texts: texts.length };

    const approved = await c.act(A, code, { action: 'approve', note: 'Đồng ý cấp' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().state).toBe('approved');
    // What the office page polls: the dossier waits for its signed result...
    const progress = async (who: string) => c.get(who, `/api/dossiers/${code}/progress`);
    const waiting = (await progress(R)).json();
    expect(waiting).toEqual({ code, version: approved.json().version, state: 'approved', documents: 1 });
    await drain();
    const reads = counter.reads - before.reads;
    if (process.env.MOTCUA_REPORT_COUNTS)
      process.stdout.write(`event-log reads: ${reads}, e-mails: ${mails.length - before.mails}, SMS: ${texts.length - before.texts}\n`);

    // Approval (1: decide in the transaction, the answer comes from memory), the worker's render (2),
    // the follow-up that records the document and marks the result ready in one commit (3).
    expect(reads).toBeLessThanOrEqual(3);
    const d = (await c.get(citizen, `/api/dossiers/${code}`)).json();
    expect(d.state).toBe('result_ready');
    expect(d.history.slice(-2).map((h: { action: string }) => h.action)).toEqual(['approve', 'mark_result_ready']);

    // ...and the poll after the worker shows it moved on: one more version, one more document.
    expect((await progress(R)).json()).toEqual({ code, version: waiting.version + 1, state: 'result_ready', documents: 2 });
    expect((await progress('official:hoadien.tiepnhan')).statusCode).toBe(404); // another commune's desk

    const result = ((await c.get(citizen, `/api/dossiers/${code}/documents`)).json().items as { kind: string; verifyUrl: string }[]).find(
      (x) => x.kind === 'result',
    )!;
    const newMails = mails.slice(before.mails);
    const newTexts = texts.slice(before.texts);
    // One notice (one e-mail, one SMS of the same message), not "approved" and then "result ready".
    expect(newMails.map((m) => [m.to, m.subject])).toEqual([['an@example.vn', `Kết quả hồ sơ ${code} đã sẵn sàng`]]);
    expect(newMails[0]!.text).toContain(`Xác thực văn bản kết quả: ${result.verifyUrl}`);
    expect(newTexts.map((s) => s.text)).toEqual([`Ket qua ho so ${code} da san sang. Xem va tai ket qua tren cong dich vu cong.`]);
  });
});
