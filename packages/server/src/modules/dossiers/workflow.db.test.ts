import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../testing/harness.ts';
import { AN, NGOC, as, certifyCopyBody, client, maritalStatusBody, setClock, startDossierApp, userId } from './testkit.ts';
import { makePdf, multipart } from '../uploads/testkit.ts';

let t: TestContext;
let c: ReturnType<typeof client>;
let specialist: string;
beforeAll(async () => {
  t = await startDossierApp('2026-03-02T09:00:00+07:00'); // a Monday
  c = client(t);
  specialist = await userId(t, 'phulam.chuyenvien');
});
afterAll(async () => {
  await t?.close();
});

const R = 'official:phulam.tiepnhan';
const S = 'official:phulam.chuyenvien';
const A = 'official:phulam.lanhdao';
const O = 'official:phulam.luudong';
const C = 'official:phulam.quantri';
const R2 = 'official:hoadien.tiepnhan';
const V = 'official:angiang.theodoi';
const citizen = `citizen:${AN}`;

const online = async () => (await c.submit(citizen, maritalStatusBody(AN))).json().code as string;
const counter = async (body: object = { ...maritalStatusBody(AN), channel: 'counter', consent: { method: 'signature' } }) =>
  (await c.submit(R, body)).json().code as string;
const expectStatus = async (p: Promise<{ statusCode: number; json(): any }>, status: number, code?: string) => {
  const r = await p;
  expect([r.statusCode, code ? r.json().code : undefined]).toEqual([status, code]);
  return r.json();
};
const actions = (d: { allowedActions: { action: string }[] }) => d.allowedActions.map((a) => a.action);

describe('the approval path, step by step, with the wrong people and states refused', () => {
  it('runs submitted → received → in_progress → pending_approval → approved → result_ready → returned', async () => {
    setClock(t, '2026-03-02T09:00:00+07:00');
    const code = await online();
    await expectStatus(c.act(citizen, code, { action: 'receive' }), 403, 'forbidden');
    await expectStatus(c.act(S, code, { action: 'receive' }), 403, 'forbidden');
    await expectStatus(c.act(R2, code, { action: 'receive' }), 404, 'not_found'); // another commune's desk
    await expectStatus(c.act(R, code, { action: 'assign', assigneeUserId: specialist }), 409, 'invalid_state');
    let d = await expectStatus(c.act(R, code, { action: 'receive', note: 'Đủ giấy tờ' }), 200);
    expect(d).toMatchObject({ state: 'received', version: 2, dueAt: '2026-03-05T17:00:00+07:00' });

    await expectStatus(c.act(R, code, { action: 'assign', assigneeUserId: 'not-a-specialist' }), 400);
    await expectStatus(c.act(S, code, { action: 'assign', assigneeUserId: specialist }), 403, 'forbidden');
    d = await expectStatus(c.act(R, code, { action: 'assign', assigneeUserId: specialist }), 200);
    expect(d).toMatchObject({ state: 'in_progress', assigneeUserId: specialist });

    await expectStatus(c.act(A, code, { action: 'approve' }), 409, 'invalid_state');
    await expectStatus(c.act(S, code, { action: 'propose', outcome: 'approve' }), 400, 'invalid_input'); // note is required
    d = await expectStatus(c.act(S, code, { action: 'propose', outcome: 'approve', note: 'Đủ điều kiện cấp' }), 200);
    expect(d.state).toBe('pending_approval');
    await expectStatus(c.act(S, code, { action: 'approve' }), 403, 'forbidden');
    await expectStatus(c.act(R, code, { action: 'approve' }), 403, 'forbidden');
    await expectStatus(c.act(`citizen:${NGOC}`, code, { action: 'withdraw' }), 404, 'not_found'); // not her dossier
    d = await expectStatus(c.act(citizen, code, { action: 'withdraw', reason: 'Không còn nhu cầu' }), 200);
    expect(d).toMatchObject({ state: 'withdrawn', allowedActions: [] });
  });

  it('walks every remaining step of the approval path', async () => {
    setClock(t, '2026-03-03T09:00:00+07:00');
    const code = await counter();
    await expectStatus(c.act(R, code, { action: 'assign', assigneeUserId: specialist }), 200);
    await expectStatus(c.act(S, code, { action: 'propose', outcome: 'approve', note: 'Đủ điều kiện' }), 200);
    let d = await expectStatus(c.act(A, code, { action: 'approve', note: 'Đồng ý' }), 200);
    expect(d.state).toBe('approved');
    await expectStatus(c.act(citizen, code, { action: 'withdraw' }), 409, 'invalid_state'); // decided: too late to withdraw
    await expectStatus(c.act(A, code, { action: 'mark_result_ready' }), 403, 'forbidden');
    d = await expectStatus(c.act(R, code, { action: 'mark_result_ready' }), 200);
    expect(d).toMatchObject({ state: 'result_ready', timeliness: 'early' });
    await expectStatus(c.act(R, code, { action: 'return_result', method: 'counter' }), 400, 'invalid_input'); // no signature
    d = await expectStatus(c.act(R, code, { action: 'return_result', method: 'counter', recipientName: 'Nguyễn Văn An', signatureRef: 'sig-001' }), 200);
    expect(d).toMatchObject({ state: 'returned', version: 6, allowedActions: [] });
    expect(d.history.map((h: { action: string }) => h.action)).toEqual(['submitted', 'assign', 'propose', 'approve', 'mark_result_ready', 'return_result']);
    expect(d.history[3]).toMatchObject({ actorName: 'Nguyễn Thanh Tùng', note: 'Đồng ý' });
    const x = await expectStatus(c.act(C, code, { action: 'cancel', reason: 'x' }), 409, 'invalid_state');
    expect(x).toMatchObject({ state: 'returned', allowedActions: [] });
    // One notice per change the applicant cares about (submitted, result ready, returned: not the
    // internal assign and propose, nor the approval, which its result announces); one audit entry per event.
    const notices = await t.ctx.db.selectFrom('outbox').select('payload').where('topic', '=', 'dossier.notice').execute();
    expect(notices.filter((n) => (n.payload as { dossierCode?: string }).dossierCode === code).length).toBe(3);
    const audit = await t.ctx.db.selectFrom('audit_log').select('action').where('dossier_code', '=', code).where('action', '!=', 'dossier.read').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'dossier.submit',
      'dossier.assign',
      'dossier.propose',
      'dossier.approve',
      'dossier.mark_result_ready',
      'dossier.return_result',
    ]);
  });
});

describe('other ways a dossier ends', () => {
  it('refuses with a reason; the written refusal is the result handed back', async () => {
    setClock(t, '2026-03-03T09:00:00+07:00');
    const code = await counter();
    await expectStatus(c.act(R, code, { action: 'assign', assigneeUserId: specialist }), 200);
    await expectStatus(c.act(S, code, { action: 'propose', outcome: 'refuse', note: 'Không đủ điều kiện' }), 200);
    await expectStatus(c.act(A, code, { action: 'refuse' }), 400, 'invalid_input'); // reason required
    expect((await expectStatus(c.act(A, code, { action: 'refuse', reason: 'Đã có vợ' }), 200)).state).toBe('rejected');
    await expectStatus(c.act(R, code, { action: 'mark_result_ready' }), 200);
    const d = await expectStatus(c.act(R, code, { action: 'return_result', method: 'electronic' }), 200);
    expect(d.state).toBe('returned');
  });

  it('refuses intake at the desk, and lets the commune cancel with a reason', async () => {
    setClock(t, '2026-03-03T09:00:00+07:00');
    const a = await online();
    await expectStatus(c.act(R, a, { action: 'refuse_intake' }), 400, 'invalid_input');
    expect((await expectStatus(c.act(R, a, { action: 'refuse_intake', reason: 'Sai thẩm quyền' }), 200)).state).toBe('refused_intake');
    const b = await counter();
    await expectStatus(c.act(S, b, { action: 'cancel', reason: 'x' }), 403, 'forbidden');
    expect((await expectStatus(c.act(C, b, { action: 'cancel', reason: 'Trùng hồ sơ' }), 200)).state).toBe('cancelled');
  });

  it('completes same-day procedures on the spot, at the counter and on outreach', async () => {
    setClock(t, '2026-03-03T09:00:00+07:00');
    const slow = await counter();
    await expectStatus(c.act(R, slow, { action: 'complete_on_spot' }), 409, 'invalid_state'); // 3-day procedure
    const a = await counter(certifyCopyBody(AN));
    expect((await expectStatus(c.act(R, a, { action: 'complete_on_spot' }), 200)).state).toBe('result_ready');
    const field = (
      await c.submit(O, certifyCopyBody(NGOC, { channel: 'outreach', applicant: { ...certifyCopyBody(NGOC).applicant, hamlet: '30421-02' } }))
    ).json();
    expect(field).toMatchObject({ state: 'received', channel: 'outreach' });
    await expectStatus(c.act(O, field.code, { action: 'complete_on_spot', note: 'Chứng thực tại ấp' }), 200);
    expect(
      (
        await expectStatus(
          c.act(O, field.code, { action: 'return_result', method: 'counter', recipientName: 'Trần Thị Bích Ngọc', signatureRef: 'sig-field-1' }),
          200,
        )
      ).state,
    ).toBe('returned');
  });
});

describe('supplements and the late rule', () => {
  it('stops the clock for a supplement and restarts the full time when it arrives', async () => {
    setClock(t, '2026-03-02T09:00:00+07:00'); // Monday; 3 working days → Thursday 17:00
    const code = await counter();
    await expectStatus(c.act(R, code, { action: 'request_supplement', reason: 'Thiếu giấy tờ' }), 400, 'invalid_input');
    let d = await expectStatus(c.act(R, code, { action: 'request_supplement', reason: 'Thiếu giấy tờ', missingDocuments: ['Bản sao CCCD'] }), 200);
    expect(d).toMatchObject({ state: 'supplement_requested', missingDocuments: ['Bản sao CCCD'], timeliness: 'on_time' });
    setClock(t, '2026-03-09T09:30:00+07:00'); // past the first appointment, but the clock is stopped
    d = (await c.get(citizen, `/api/dossiers/${code}`)).json();
    expect(d).toMatchObject({ state: 'supplement_requested', timeliness: 'on_time' });
    expect(actions(d)).toContain('submit_supplement');
    d = await expectStatus(c.act(citizen, code, { action: 'submit_supplement', documents: ['Bản sao CCCD'] }), 200);
    expect(d).toMatchObject({ state: 'received', dueAt: '2026-03-12T17:00:00+07:00', missingDocuments: [] });
  });

  it("attaches the files sent with a supplement, for the unit's officials to open", async () => {
    setClock(t, '2026-03-02T09:00:00+07:00');
    const code = await counter();
    await expectStatus(c.act(R, code, { action: 'request_supplement', reason: 'Thiếu giấy tờ', missingDocuments: ['Bản sao CCCD'] }), 200);
    const form = multipart('ban-sao-cccd.pdf', await makePdf('Ban sao CCCD'), 'application/pdf');
    const upload = await t.app.inject({ method: 'POST', url: '/api/uploads', headers: { ...form.headers, ...(await as(t, citizen)) }, payload: form.payload });
    expect(upload.statusCode).toBe(201);
    const id = upload.json().id as string;
    const d = await expectStatus(c.act(citizen, code, { action: 'submit_supplement', documents: [id] }), 200);
    expect(d.attachments).toEqual([expect.objectContaining({ id, filename: 'ban-sao-cccd.pdf', label: 'Hồ sơ bổ sung' })]);
    const view = await t.app.inject({ method: 'GET', url: `/api/uploads/${id}?dossier=${code}`, headers: await as(t, R) });
    expect(view.statusCode).toBe(200);
    expect(view.headers['content-type']).toContain('application/pdf');
    // Someone else's upload id cannot be slipped into a supplement.
    const other = await counter();
    await expectStatus(c.act(R, other, { action: 'request_supplement', reason: 'Thiếu', missingDocuments: ['CCCD'] }), 200);
    const foreign = multipart('khac.pdf', await makePdf('Khac'), 'application/pdf');
    const stranger = await t.app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: { ...foreign.headers, ...(await as(t, `citizen:${NGOC}`)) },
      payload: foreign.payload,
    });
    const r = await c.act(citizen, other, { action: 'submit_supplement', documents: [stranger.json().id] });
    expect(r.statusCode).toBe(404);
    expect((await c.get(citizen, `/api/dossiers/${other}`)).json().state).toBe('supplement_requested');
  });

  it('blocks a late dossier until an apology sets a new appointment', async () => {
    setClock(t, '2026-03-02T09:00:00+07:00');
    const code = await counter();
    setClock(t, '2026-03-06T09:00:00+07:00'); // due Thursday 5 March 17:00
    const blocked = await expectStatus(c.act(R, code, { action: 'assign', assigneeUserId: specialist }), 409, 'late_needs_apology');
    expect(blocked.detailVi).toMatch(/quá hạn.*xin lỗi/);
    expect(blocked.allowedActions.map((a: { action: string }) => a.action)).toContain('record_apology');
    expect((await c.get(R, `/api/dossiers/${code}`)).json().timeliness).toBe('late');
    await expectStatus(
      c.act(R, code, { action: 'record_apology', reason: 'Chậm xác minh', newAppointment: '2026-03-05T17:00:00+07:00' }),
      400,
      'invalid_input',
    );
    await expectStatus(c.act(S, code, { action: 'record_apology', reason: 'x', newAppointment: '2026-03-10T17:00:00+07:00' }), 403, 'forbidden');
    const d = await expectStatus(c.act(R, code, { action: 'record_apology', reason: 'Chậm xác minh', newAppointment: '2026-03-10T17:00:00+07:00' }), 200);
    expect(d).toMatchObject({
      dueAt: '2026-03-10T17:00:00+07:00',
      timeliness: 'on_time',
      apologies: [{ newAppointment: '2026-03-10T17:00:00+07:00', reason: 'Chậm xác minh' }],
    });
    await expectStatus(c.act(R, code, { action: 'assign', assigneeUserId: specialist }), 200);
  });
});

describe('transfer, scope and concurrency', () => {
  it('moves a dossier to another commune: the new desk sees it, the old one no longer does', async () => {
    setClock(t, '2026-03-03T09:00:00+07:00');
    const code = await counter();
    await expectStatus(c.act(R, code, { action: 'transfer', toUnitCode: '99999', reason: 'x' }), 400);
    await expectStatus(c.act(R, code, { action: 'transfer', toUnitCode: '30421', reason: 'x' }), 400, 'invalid_input');
    const d = await expectStatus(c.act(R, code, { action: 'transfer', toUnitCode: '30790', reason: 'Đúng thẩm quyền xã Hòa Điền' }), 200);
    expect(d).toMatchObject({ unitCode: '30790', state: 'received' });
    expect((await c.get(R, `/api/dossiers/${code}`)).statusCode).toBe(404);
    expect((await c.get(R2, `/api/dossiers/${code}`)).json().allowedActions.map((a: { action: string }) => a.action)).toContain('assign');
    await expectStatus(c.act(R2, code, { action: 'assign', assigneeUserId: specialist }), 400); // not a Hòa Điền specialist
    await expectStatus(c.act(R2, code, { action: 'assign', assigneeUserId: await userId(t, 'hoadien.chuyenvien') }), 200);
  });

  it('neither shows the province viewer a dossier nor lets them act (figures only): the 404 of a missing one', async () => {
    setClock(t, '2026-03-03T09:00:00+07:00');
    const code = await counter();
    expect((await c.get(V, `/api/dossiers/${code}`)).statusCode).toBe(404);
    await expectStatus(c.act(V, code, { action: 'cancel', reason: 'x' }), 404);
  });

  it('refuses a stale version and an unknown action', async () => {
    setClock(t, '2026-03-03T09:00:00+07:00');
    const code = await online();
    const stale = await expectStatus(c.act(R, code, { action: 'receive', version: 3 }), 409, 'version_conflict');
    expect(stale).toMatchObject({ state: 'submitted', version: 1 });
    await expectStatus(c.act(R, code, { action: 'no_such_action' }), 400, 'invalid_input');
  });
});
