import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../testing/harness.ts';
import { AN, NGOC, as, certifyCopyBody, client, maritalStatusBody, setClock, startDossierApp, userId } from '../dossiers/testkit.ts';
import { DOSSIER_NOTICE, PLAIN_MAIL, renderDossierNotice, type DossierNoticePayload } from '../notifications/index.ts';

let t: TestContext;
let c: ReturnType<typeof client>;
beforeAll(async () => {
  t = await startDossierApp('2026-03-03T09:00:00+07:00');
  c = client(t);
});
afterAll(async () => {
  await t?.close();
});

const R = 'official:phulam.tiepnhan';
const A = 'official:phulam.lanhdao';
const V = 'official:angiang.theodoi';
const R2 = 'official:hoadien.tiepnhan';

/** A counter dossier completed on the spot, not yet handed over. */
async function readyDossier(idNumber = AN): Promise<string> {
  const code = (await c.submit(R, { ...certifyCopyBody(idNumber), channel: 'counter', consent: { method: 'signature' } })).json().code as string;
  expect((await c.act(R, code, { action: 'complete_on_spot' })).statusCode).toBe(200);
  return code;
}

/** ... and handed over at the counter: that notice is queued with a rating link. */
async function doneDossier(idNumber = AN): Promise<string> {
  const code = await readyDossier(idNumber);
  const r = await c.act(R, code, { action: 'return_result', method: 'counter', recipientName: 'Người nhận', signatureRef: `sig-${code}` });
  expect(r.statusCode).toBe(200);
  return code;
}

/** The token of the rating link in the dossier's latest queued notice. */
async function noticeToken(code: string): Promise<string> {
  const rows = await t.ctx.db.selectFrom('outbox').select(['payload']).where('topic', '=', DOSSIER_NOTICE).orderBy('id', 'desc').execute();
  const p = rows.map((r) => r.payload as DossierNoticePayload).find((x) => x.dossierCode === code && x.ratingUrl);
  expect(p?.ratingUrl).toMatch(/\/danh-gia\/[A-Za-z0-9_-]{22}$/);
  // The whole link survives the 160-character SMS, even under a long provincial domain.
  const long = { ...p!, ratingUrl: p!.ratingUrl!.replace(/^https?:\/\/[^/]+/, 'https://dichvucong.angiang.gov.vn') };
  expect(renderDossierNotice(long, { publicUrl: 'https://dichvucong.angiang.gov.vn' })?.sms).toContain(long.ratingUrl);
  return p!.ratingUrl!.split('/').pop()!;
}

const rate = (code: string, payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: `/api/dossiers/${code}/rating`, headers, payload });

describe('rating a dossier', () => {
  it('by the link in the result notice, without logging in, once; the link is then spent', async () => {
    setClock(t, '2026-03-03T09:00:00+07:00');
    const code = await doneDossier();
    const token = await noticeToken(code);
    const info = await t.app.inject({ method: 'GET', url: `/api/ratings/links/${token}` });
    expect(info.statusCode).toBe(200);
    expect(info.json()).toMatchObject({ dossierCode: code, channel: 'link' });
    expect(JSON.stringify(info.json())).not.toContain(AN);

    const first = await rate(code, { token, scores: { overall: 5, attitude: 5, guidance: 4 }, comment: 'Cán bộ nhiệt tình' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ dossierCode: code, channel: 'link' });
    const again = await rate(code, { token, scores: { overall: 1 } });
    expect([again.statusCode, again.json().code]).toEqual([409, 'rating_link_used']);
    // The applicant's own session cannot rate it a second time either.
    const bySession = await rate(code, { scores: { overall: 1 } }, await as(t, `citizen:${AN}`));
    expect([bySession.statusCode, bySession.json().code]).toEqual([409, 'already_rated']);
    const mine = await c.get(`citizen:${AN}`, '/api/me/ratings');
    expect(mine.json().items.map((i: { dossierCode: string }) => i.dossierCode)).toContain(code);
  });

  it('refuses an expired link, a made-up one, a link of another dossier, and bad scores, changing nothing', async () => {
    setClock(t, '2026-03-04T09:00:00+07:00');
    const code = await doneDossier();
    const other = await doneDossier(NGOC);
    const token = await noticeToken(code);
    const bad = await rate(code, { token, scores: { overall: 9 } });
    expect(bad.statusCode).toBe(400);
    const noOverall = await rate(code, { token, scores: { attitude: 4 } });
    expect([noOverall.statusCode, noOverall.json().code]).toEqual([400, 'validation_failed']);
    const wrong = await rate(other, { token, scores: { overall: 4 } });
    expect([wrong.statusCode, wrong.json().code]).toEqual([404, 'rating_link_invalid']);
    const madeUp = await rate(code, { token: 'x'.repeat(32), scores: { overall: 4 } });
    expect([madeUp.statusCode, madeUp.json().code]).toEqual([404, 'rating_link_invalid']);
    setClock(t, '2026-04-10T09:00:00+07:00'); // past the 30 days
    const late = await rate(code, { token, scores: { overall: 4 } });
    expect([late.statusCode, late.json().code]).toEqual([410, 'rating_link_expired']);
    const n = await t.ctx.db.selectFrom('dossier_rating').select('dossier_code').where('dossier_code', 'in', [code, other]).execute();
    expect(n).toHaveLength(0);
  });

  it('by the applicant in "Hồ sơ của tôi" only after the result, and by nobody else', async () => {
    setClock(t, '2026-03-05T09:00:00+07:00');
    const pending = (await c.submit(`citizen:${AN}`, maritalStatusBody(AN))).json().code as string;
    const early = await rate(pending, { scores: { overall: 4 } }, await as(t, `citizen:${AN}`));
    expect([early.statusCode, early.json().code]).toEqual([409, 'not_rateable']);
    const code = await doneDossier();
    const stranger = await rate(code, { scores: { overall: 1 } }, await as(t, `citizen:${NGOC}`));
    expect(stranger.statusCode).toBe(404);
    const anonymous = await rate(code, { scores: { overall: 1 } });
    expect(anonymous.statusCode).toBe(401);
    const ok = await rate(code, { scores: { overall: 4, timeliness: 5 } }, await as(t, `citizen:${AN}`));
    expect([ok.statusCode, ok.json().channel]).toEqual([201, 'portal']);
  });

  it('at the desk kiosk: a short-lived link opened by an official of the unit', async () => {
    setClock(t, '2026-03-06T09:00:00+07:00');
    const code = await doneDossier(NGOC);
    const outsider = await t.app.inject({ method: 'POST', url: `/api/dossiers/${code}/rating-kiosk`, headers: await as(t, R2) });
    expect(outsider.statusCode).toBe(404);
    const kiosk = await t.app.inject({ method: 'POST', url: `/api/dossiers/${code}/rating-kiosk`, headers: await as(t, R) });
    expect(kiosk.statusCode).toBe(201);
    const token = (kiosk.json().path as string).split('/').pop()!;
    const r = await rate(code, { token, scores: { overall: 2, attitude: 1 }, comment: 'Phải chờ lâu' });
    expect([r.statusCode, r.json().channel]).toEqual([201, 'kiosk']);
  });

  it('a low rating alerts the commune leaders by e-mail through the outbox, with the dossier', async () => {
    const mails = await t.ctx.db.selectFrom('outbox').select('payload').where('topic', '=', PLAIN_MAIL).execute();
    const alert = mails.map((m) => m.payload as { subject: string; text: string }).find((m) => m.subject.includes('Đánh giá chưa hài lòng'));
    expect(alert?.text).toContain('Phải chờ lâu');
    expect(alert?.text).not.toContain(NGOC);
    const low = await c.get(A, '/api/ratings/low?unit=30421');
    expect(low.statusCode).toBe(200);
    expect(low.json().items[0]).toMatchObject({ scores: { overall: 2, attitude: 1 } });
    expect((await c.get(R, '/api/ratings/low?unit=30421')).statusCode).toBe(403);
  });
});

describe('satisfaction figures', () => {
  it('count each level per criterion and never say who gave which', async () => {
    const f = await c.get(A, '/api/ratings/figures?unit=30421&month=2026-03');
    expect(f.statusCode).toBe(200);
    const body = f.json();
    expect(body.ratings).toBe(3);
    expect(body.low).toBe(1);
    const overall = body.criteria.find((x: { criterion: string }) => x.criterion === 'overall');
    expect(overall).toEqual({ criterion: 'overall', counts: [0, 1, 0, 1, 1], total: 3 });
    const text = JSON.stringify(body);
    for (const secret of [AN, NGOC, 'Nhiệt tình', 'Phải chờ lâu', 'Nguyễn', '2026-03-0']) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/30421\d{6,}|dossier/i);
    // A province viewer sees the province's counts; an official of another commune sees nothing here.
    expect((await c.get(V, '/api/ratings/figures?unit=91')).json().ratings).toBe(3);
    expect((await c.get(R2, '/api/ratings/figures?unit=30421')).statusCode).toBe(403);
  });

  it("feed Decision 766's satisfaction rate (overall 4–5 of all ratings) for whole months only", async () => {
    const rate = async (who: string, code: string, query: string) => {
      const r = await c.get(who, `/api/insights/${code}${query}`);
      expect(r.statusCode).toBe(200);
      return r
        .json()
        .groups.flatMap((g: { indicators: unknown[] }) => g.indicators)
        .find((i: { key: string }) => i.key === 'satisfaction_rate');
    };
    // Overall levels given above: 2, 4, 5 — two of three satisfied; no outreach survey in this app.
    expect(await rate(A, '30421', '?from=2026-03-01&to=2026-03-31')).toMatchObject({ numerator: 2, denominator: 3, value: 0.6667, max: 6 });
    expect(await rate(V, '91', '?from=2026-01-01&to=2026-03-31')).toMatchObject({ numerator: 2, denominator: 3 });
    // Ratings are filed by month: a period that cuts a past month has no exact count, and says so.
    const cut = await rate(A, '30421', '?from=2026-02-15&to=2026-03-31');
    expect(cut).toMatchObject({ numerator: null, denominator: null, value: null, score: null });
    expect(cut.noteEn).toMatch(/whole months/);
  });

  it('the official concerned sees their own tallies and comments, without dossiers', async () => {
    const me = await c.get(R, '/api/office/my-ratings');
    expect(me.statusCode).toBe(200);
    expect(me.json().ratings).toBeGreaterThanOrEqual(2);
    expect(me.json().comments).toContain('Phải chờ lâu');
    expect(JSON.stringify(me.json())).not.toMatch(/dossierCode|089/);
    const mine = await c.get(R, `/api/ratings/figures?unit=30421&official=${await userId(t, 'phulam.tiepnhan')}`);
    expect(mine.json().ratings).toBe(me.json().ratings);
  });
});
