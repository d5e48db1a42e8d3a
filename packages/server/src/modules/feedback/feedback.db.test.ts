import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnDate, workingDaysBetweenDates } from '@motcua/core/calendar';
import { FEEDBACK_ANSWER_WORKING_DAYS } from '@motcua/core/voice';
import type { TestContext } from '../../testing/harness.ts';
import { AN, as, setClock, startDossierApp } from '../dossiers/testkit.ts';
import { PHONE_MESSAGE, PLAIN_MAIL, type PhoneMessagePayload } from '../notifications/index.ts';
import { startFeedbackSweep } from './index.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startDossierApp('2027-02-01T09:00:00+07:00'); // the Monday before Tết 2027 (6 Feb)
});
afterAll(async () => {
  await t?.close();
});

const R = 'official:phulam.tiepnhan';
const R2 = 'official:hoadien.tiepnhan';
const body = {
  unitCode: '30421',
  topic: 'conduct',
  text: 'Cán bộ hẹn tôi ba lần mà vẫn chưa nhận hồ sơ, số tôi 0912345678.',
  phone: '0912345678',
  publishConsent: true,
};
const call = async (who: string | null, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: who ? await as(t, who) : {}, ...(payload ? { payload } : {}) });
const mails = async (subject: string) =>
  (await t.ctx.db.selectFrom('outbox').select('payload').where('topic', '=', PLAIN_MAIL).execute())
    .map((r) => r.payload as { subject: string; to: string[] })
    .filter((m) => m.subject.includes(subject));

const texts = async (phone: string) =>
  (await t.ctx.db.selectFrom('outbox').select('payload').where('topic', '=', PHONE_MESSAGE).orderBy('id').execute())
    .map((r) => r.payload as PhoneMessagePayload)
    .filter((m) => m.phone === phone);

describe('feedback and complaints (PAKN)', () => {
  let code: string;

  it('is filed by a logged-in citizen with a code and a due date counted in working days over Tết', async () => {
    const r = await call(`citizen:${AN}`, 'POST', '/api/feedback', body);
    expect(r.statusCode).toBe(201);
    code = r.json().code;
    expect(code).toMatch(/^PA-30421-270201-[0-9A-Z]{4}$/);
    const due = new Date(r.json().dueAt);
    expect(workingDaysBetweenDates('2027-02-01', vnDate(due))).toBe(FEEDBACK_ANSWER_WORKING_DAYS);
    expect(vnDate(due) > '2027-02-19').toBe(true); // 10 weekdays would be 15 Feb; Tết adds the holiday week
    expect((await call(null, 'POST', '/api/feedback', body)).statusCode).toBe(401);
    expect((await call(R2, 'POST', '/api/feedback', { ...body, fullName: 'Người dân' })).statusCode).toBe(403);
    const desk = await call(R, 'POST', '/api/feedback', { ...body, topic: 'procedure', fullName: 'Võ Văn Tư', publishConsent: false });
    expect(desk.statusCode).toBe(201);
  });

  it('is looked up by code and phone only', async () => {
    const ok = await call(null, 'GET', `/api/feedback/lookup?code=${code}&phone=0912345678`);
    expect(ok.json()).toMatchObject({ code, stage: 'on_time', answer: null });
    expect((await call(null, 'GET', `/api/feedback/lookup?code=${code}&phone=0987654321`)).statusCode).toBe(404);
  });

  it('reminds the desk before the deadline and escalates to the leaders once late, on the worker timer', async () => {
    const due = new Date((await call(null, 'GET', `/api/feedback/lookup?code=${code}&phone=0912345678`)).json().dueAt);
    await t.ctx.db.updateTable('official').set({ email: 'tiepnhan@phulam.example' }).where('username', '=', 'phulam.tiepnhan').execute();
    // Opening the queue sends nothing: the sweep belongs to the worker.
    setClock(t, new Date(due.getTime() - 3600_000).toISOString());
    expect((await call(R, 'GET', '/api/office/feedback?unit=30421')).statusCode).toBe(200);
    expect(await mails(`Sắp đến hạn trả lời phản ánh ${code}`)).toHaveLength(0);
    const sweep = startFeedbackSweep(t.services.feedback, { error: (e) => console.error(e) }, 60_000);
    try {
      await expect.poll(async () => (await mails(`Sắp đến hạn trả lời phản ánh ${code}`)).length).toBe(1);
    } finally {
      await sweep.stop();
    }
    const [remind] = await mails(`Sắp đến hạn trả lời phản ánh ${code}`);
    expect(remind!.to).toEqual(['tiepnhan@phulam.example']); // the official who answers, not yet the leaders
    await t.services.feedback.sweep();
    expect(await mails(`Sắp đến hạn trả lời phản ánh ${code}`)).toHaveLength(1); // once
    setClock(t, new Date(due.getTime() + 3600_000).toISOString());
    await t.services.feedback.sweep();
    await t.services.feedback.sweep();
    const late = await mails(`Quá hạn trả lời phản ánh ${code}`);
    expect(late).toHaveLength(1);
    expect(late[0]!.to).not.toContain('tiepnhan@phulam.example');
    const q = await call(R, 'GET', '/api/office/feedback?unit=30421');
    expect(q.json().items.find((i: { code: string }) => i.code === code)).toMatchObject({ stage: 'late', escalated: true, fullName: 'Nguyễn Văn An' });
    expect((await call(R2, 'GET', '/api/office/feedback?unit=30421')).statusCode).toBe(403);
  });

  it('is filed without logging in by a phone confirmed with a single-use SMS code', async () => {
    const phone = '0987000111';
    const anon = { ...body, phone, fullName: 'Trần Thị Bình' };
    const sent = await call(null, 'POST', '/api/feedback/phone-code', { phone });
    expect(sent.statusCode).toBe(202);
    const [msg] = await texts(phone);
    expect(msg).toMatchObject({ kind: 'phone_code', zalo: false }); // a code goes by SMS, never Zalo
    const code6 = /(\d{6})/.exec(msg!.sms)![1]!;
    const count = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('feedback')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const wrong = code6 === '000000' ? '111111' : '000000';
    const bad = await call(null, 'POST', '/api/feedback', { ...anon, phoneCode: wrong });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('invalid_phone_code');
    expect((await call(null, 'POST', '/api/feedback', { ...anon, phone: '0987000222', phoneCode: code6 })).statusCode).toBe(400); // another number
    expect(await count()).toBe(before);
    const ok = await call(null, 'POST', '/api/feedback', { ...anon, phoneCode: code6 });
    expect(ok.statusCode).toBe(201);
    expect((await call(null, 'POST', '/api/feedback', { ...anon, phoneCode: code6 })).statusCode).toBe(400); // spent
    const filed = await call(null, 'GET', `/api/feedback/lookup?code=${ok.json().code}&phone=${phone}`);
    expect(filed.statusCode).toBe(200);
    expect(await t.ctx.db.selectFrom('feedback').select(['channel', 'full_name']).where('code', '=', ok.json().code).executeTakeFirstOrThrow()).toEqual({
      channel: 'phone',
      full_name: 'Trần Thị Bình',
    });
    expect((await call(null, 'POST', '/api/feedback/phone-code', { phone })).statusCode).toBe(202);
    expect((await call(null, 'POST', '/api/feedback/phone-code', { phone })).statusCode).toBe(202);
    expect((await call(null, 'POST', '/api/feedback/phone-code', { phone })).statusCode).toBe(429); // 3 an hour per number
    expect(await texts(phone)).toHaveLength(3);
    expect((await call(null, 'POST', '/api/feedback/phone-code', { phone: '12345' })).statusCode).toBe(400);
  });

  it('is answered, rated once by the person, and published without personal data', async () => {
    expect((await call(R2, 'POST', `/api/office/feedback/${code}/answer`, { answer: 'Xã đã kiểm tra.' + ' x'.repeat(5) })).statusCode).toBe(404);
    const a = await call(R, 'POST', `/api/office/feedback/${code}/answer`, { answer: 'Xã đã kiểm tra và nhắc nhở cán bộ; hồ sơ của ông đã được tiếp nhận.' });
    expect(a.json()).toMatchObject({ stage: 'answered' });
    // The answer notice goes to the person's phone channel with a link to read and rate it.
    const notice = (await texts('0912345678')).find((m) => m.kind === 'feedback_answered');
    expect(notice).toMatchObject({ zalo: true, templateData: { feedback_code: code } });
    expect(notice!.sms).toContain(`/phan-anh?ma=${code}`);
    expect((await call(R, 'POST', `/api/office/feedback/${code}/answer`, { answer: 'Trả lời lần thứ hai không được nhận.' })).statusCode).toBe(409);
    expect((await call(null, 'POST', `/api/feedback/${code}/rating`, { phone: '0987654321', level: 1 })).statusCode).toBe(404);
    const rated = await call(null, 'POST', `/api/feedback/${code}/rating`, { phone: '0912345678', level: 4 });
    expect(rated.json().answerRating).toBe(4);
    expect((await call(null, 'POST', `/api/feedback/${code}/rating`, { phone: '0912345678', level: 5 })).statusCode).toBe(409);
    const page = await call(null, 'GET', '/api/feedback/published?unit=30421');
    const items = page.json().items;
    expect(items).toHaveLength(1); // the desk item had no consent and no answer
    const text = JSON.stringify(items);
    for (const secret of ['0912345678', 'Nguyễn Văn An', AN, code]) expect(text).not.toContain(secret);
    expect(items[0]).toMatchObject({ topic: 'conduct', month: vnDate(t.clock.now()).slice(0, 7) });
  });
});
