import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnDate, workingDaysBetweenDates } from '@motcua/core/calendar';
import { FEEDBACK_ANSWER_WORKING_DAYS } from '@motcua/core/voice';
import type { TestContext } from '../../testing/harness.ts';
import { AN, as, setClock, startDossierApp } from '../dossiers/testkit.ts';
import { PLAIN_MAIL } from '../notifications/index.ts';

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
    .map((r) => r.payload as { subject: string })
    .filter((m) => m.subject.includes(subject));

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

  it('reminds before the deadline and escalates to the leaders once late, once each', async () => {
    const due = new Date((await call(null, 'GET', `/api/feedback/lookup?code=${code}&phone=0912345678`)).json().dueAt);
    setClock(t, new Date(due.getTime() - 3600_000).toISOString());
    await t.services.feedback.sweep();
    expect(await mails(`Sắp đến hạn trả lời phản ánh ${code}`)).toHaveLength(1);
    setClock(t, new Date(due.getTime() + 3600_000).toISOString());
    const q = await call(R, 'GET', '/api/office/feedback?unit=30421');
    expect(q.statusCode).toBe(200);
    expect(q.json().items.find((i: { code: string }) => i.code === code)).toMatchObject({ stage: 'late', escalated: true, fullName: 'Nguyễn Văn An' });
    await t.services.feedback.sweep();
    expect(await mails(`Quá hạn trả lời phản ánh ${code}`)).toHaveLength(1);
    expect((await call(R2, 'GET', '/api/office/feedback?unit=30421')).statusCode).toBe(403);
  });

  it('is answered, rated once by the person, and published without personal data', async () => {
    expect((await call(R2, 'POST', `/api/office/feedback/${code}/answer`, { answer: 'Xã đã kiểm tra.' + ' x'.repeat(5) })).statusCode).toBe(404);
    const a = await call(R, 'POST', `/api/office/feedback/${code}/answer`, { answer: 'Xã đã kiểm tra và nhắc nhở cán bộ; hồ sơ của ông đã được tiếp nhận.' });
    expect(a.json()).toMatchObject({ stage: 'answered' });
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
