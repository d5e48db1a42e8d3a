import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { fixedClock } from '../../platform/clock.ts';
import type { TestContext } from '../../testing/harness.ts';
import { AN, NGOC, applicant, as, certifyCopyBody, count, maritalStatusBody, startDossierApp } from './testkit.ts';

let t: TestContext;
const clock = () => t.clock as ReturnType<typeof fixedClock>;
// Friday before Tết Bính Ngọ: the office is closed 14–22 February 2026.
beforeAll(async () => {
  t = await startDossierApp('2026-02-13T09:00:00+07:00');
});
afterAll(async () => {
  await t?.close();
});

const submit = async (who: string, payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/dossiers', headers: { ...(await as(t, who)), ...headers }, payload });

const receptionist = 'official:phulam.tiepnhan';

describe('intake and appointments', () => {
  it('gives a counter receipt with code and an appointment that skips Tết', async () => {
    clock().set('2026-02-13T09:00:00+07:00');
    const r = await submit(receptionist, { ...maritalStatusBody(AN), channel: 'counter', consent: { method: 'signature' } });
    expect(r.statusCode).toBe(201);
    const d = r.json();
    expect(d.code).toMatch(/^000\.19\.01\.H91-260213-\d{4}$/);
    expect(d).toMatchObject({
      state: 'received',
      version: 1,
      channel: 'counter',
      receivedAt: '2026-02-13T09:00:00+07:00',
      dueAt: '2026-02-25T17:00:00+07:00',
      dueAtProvisional: false,
      timeliness: 'on_time',
      feeVnd: null,
    });
    expect(d.consent).toMatchObject({ method: 'signature', recordedBy: 'Huỳnh Thị Mỹ Linh' });
    expect(d.history).toEqual([{ action: 'submitted', at: '2026-02-13T09:00:00+07:00', actorName: 'Huỳnh Thị Mỹ Linh', note: null }]);
    expect(d.allowedActions.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['assign', 'request_supplement', 'cancel', 'record_apology']),
    );
  });

  it('records the required documents lacking at filing by the rule the wizard shows: online, the e-form is the declaration', async () => {
    clock().set('2026-03-03T09:00:00+07:00');
    const online = (await submit(`citizen:${AN}`, maritalStatusBody(AN))).json();
    expect(online.documentsLacking).toEqual(['Giấy tờ tùy thân (xuất trình)']);
    const counter = (await submit(receptionist, { ...maritalStatusBody(AN), channel: 'counter', consent: { method: 'signature' } })).json();
    expect(counter.documentsLacking).toEqual(['Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', 'Giấy tờ tùy thân (xuất trình)']);
  });

  it('moves a same-day procedure received after 15:00 to the next working day (after Tết)', async () => {
    clock().set('2026-02-13T16:00:00+07:00');
    const r = await submit(receptionist, certifyCopyBody(AN));
    expect(r.statusCode).toBe(201);
    // One page, two copies: 2 × 2,000 đ (the fee is computed from the form, core/fees).
    expect(r.json()).toMatchObject({ dueAt: '2026-02-23T17:00:00+07:00', feeVnd: 4000 });
    clock().set('2026-03-02T14:00:00+07:00');
    expect((await submit(receptionist, certifyCopyBody(AN))).json().dueAt).toBe('2026-03-02T17:00:00+07:00');
  });

  it('skips a weekend and public holidays', async () => {
    clock().set('2026-03-06T09:00:00+07:00'); // Friday
    expect((await submit(`citizen:${AN}`, maritalStatusBody(AN))).json()).toMatchObject({
      state: 'submitted',
      dueAt: '2026-03-11T17:00:00+07:00',
      dueAtProvisional: true,
    });
    const absence = (id: string) => ({
      procedureCode: '1.003677',
      unitCode: '30421',
      channel: 'online',
      applicant: applicant(id),
      resultDelivery: 'electronic',
      form: { absentFrom: '2026-05-10', absentUntil: '2026-06-10', destinationAddress: 'TP. Hồ Chí Minh', reason: 'Đi làm' },
    });
    clock().set('2026-04-29T09:00:00+07:00'); // Wednesday before 30/4 and 1/5
    expect((await submit(`citizen:${NGOC}`, absence(NGOC))).json().dueAt).toBe('2026-05-04T17:00:00+07:00');
    clock().set('2026-04-24T09:00:00+07:00'); // Friday; Hùng Kings' day falls on Sunday 26/4, off on Monday 27/4
    expect((await submit(`citizen:${NGOC}`, absence(NGOC))).json().dueAt).toBe('2026-04-28T17:00:00+07:00');
  });

  it('sets the real appointment when the desk receives an online dossier', async () => {
    clock().set('2026-03-06T09:00:00+07:00');
    const code = (await submit(`citizen:${AN}`, maritalStatusBody(AN))).json().code;
    clock().set('2026-03-09T10:00:00+07:00'); // Monday
    const r = await t.app.inject({ method: 'POST', url: `/api/dossiers/${code}/actions`, headers: await as(t, receptionist), payload: { action: 'receive' } });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ state: 'received', receivedAt: '2026-03-09T10:00:00+07:00', dueAt: '2026-03-12T17:00:00+07:00', dueAtProvisional: false });
  });

  it('refuses online filing of a procedure without a published time, and lets the desk set it', async () => {
    clock().set('2026-03-02T09:00:00+07:00');
    const body = {
      procedureCode: '1.010041',
      unitCode: '30421',
      channel: 'online',
      applicant: applicant(AN),
      resultDelivery: 'counter',
      form: { purpose: 'Nhập học', copies: 1 },
    };
    const online = await submit(`citizen:${AN}`, body);
    expect(online.statusCode).toBe(422);
    expect(online.json()).toMatchObject({ code: 'processing_time_set_at_desk' });
    expect(online.json().detailVi).toMatch(/Bộ phận Một cửa/);
    const counter = { ...body, channel: 'counter', consent: { method: 'verbal' } };
    expect((await submit(receptionist, counter)).statusCode).toBe(400);
    const r = await submit(receptionist, { ...counter, processingDays: 2 });
    expect(r.statusCode).toBe(201);
    expect(r.json().dueAt).toBe('2026-03-04T17:00:00+07:00');
  });

  it('changes nothing on bad input', async () => {
    clock().set('2026-03-02T09:00:00+07:00');
    const before = await Promise.all((['dossier', 'dossier_event', 'audit_log', 'outbox', 'dossier_daily_sequence'] as const).map((n) => count(t, n)));
    const seqBefore = await t.ctx.db.selectFrom('dossier_daily_sequence').selectAll().orderBy('unit_code').orderBy('day').execute();
    const bad: [string, object, number][] = [
      [`citizen:${AN}`, { ...maritalStatusBody(AN), form: { maritalStatus: 'độc thân' } }, 400], // form fails its schema
      [`citizen:${AN}`, maritalStatusBody(NGOC), 403], // filing for someone else
      [`citizen:${AN}`, { ...maritalStatusBody(AN), channel: 'counter' }, 403], // counter is the desk's
      [receptionist, { ...maritalStatusBody(AN), channel: 'counter' }, 400], // no consent recorded
      ['official:hoadien.tiepnhan', { ...maritalStatusBody(AN), channel: 'counter', consent: { method: 'verbal' } }, 403], // other unit
      ['official:phulam.chuyenvien', { ...maritalStatusBody(AN), channel: 'counter', consent: { method: 'verbal' } }, 403], // not a receptionist
      [`citizen:${AN}`, { ...maritalStatusBody(AN), procedureCode: '9.999999' }, 400],
      [`citizen:${AN}`, { ...maritalStatusBody(AN), unitCode: '99999' }, 400],
      [`citizen:${AN}`, { ...maritalStatusBody(AN), applicant: { ...applicant(AN), hamlet: '30790-01' } }, 400],
      [`citizen:${AN}`, { ...maritalStatusBody(AN), resultDelivery: 'post' }, 400],
      [`citizen:${AN}`, { ...maritalStatusBody(AN), applicant: { ...applicant(AN), idNumber: '12345' } }, 400],
      [`citizen:${AN}`, { ...maritalStatusBody(AN), procedureCode: '2.000815' }, 422], // not offered online
      [`citizen:${AN}`, { ...maritalStatusBody(AN), attachments: ['00000000-0000-4000-8000-000000000000'] }, 404], // not my upload
    ];
    for (const [who, body, status] of bad) {
      const r = await submit(who, body);
      expect([r.statusCode, r.json().detail]).toEqual([status, expect.any(String)]);
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/dossiers', payload: maritalStatusBody(AN) })).statusCode).toBe(401);
    const after = await Promise.all((['dossier', 'dossier_event', 'audit_log', 'outbox', 'dossier_daily_sequence'] as const).map((n) => count(t, n)));
    expect(after).toEqual(before);
    expect(await t.ctx.db.selectFrom('dossier_daily_sequence').selectAll().orderBy('unit_code').orderBy('day').execute()).toEqual(seqBefore);
  });

  it('writes event, projection, notice and audit entry together', async () => {
    clock().set('2026-03-03T08:00:00+07:00');
    const d = (await submit(`citizen:${AN}`, maritalStatusBody(AN))).json();
    const events = await t.ctx.db.selectFrom('dossier_event').selectAll().where('dossier_code', '=', d.code).execute();
    expect(events.map((e) => e.type)).toEqual(['submitted']);
    const row = await t.ctx.db.selectFrom('dossier').selectAll().where('code', '=', d.code).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'submitted', version: 1, full_name: 'Nguyễn Văn An', phone: '0912345678', channel: 'online' });
    const notices = await t.ctx.db.selectFrom('outbox').select('payload').execute();
    expect(notices.map((n) => n.payload)).toContainEqual(
      expect.objectContaining({ dossierCode: d.code, action: 'submitted', state: 'submitted', recipient: expect.objectContaining({ phone: '0912345678' }) }),
    );
    const audit = await t.ctx.db.selectFrom('audit_log').selectAll().where('dossier_code', '=', d.code).execute();
    expect(audit.map((a) => a.action)).toEqual(['dossier.submit']);
    expect(audit[0]!.chain).toBe('000.19.01.H91');
    // The reply is built from the event as written; reading it back gives the same dossier.
    expect((await t.app.inject({ method: 'GET', url: `/api/dossiers/${d.code}`, headers: await as(t, `citizen:${AN}`) })).json()).toEqual(d);
  });

  it('checks the form against the procedure as its row stands, even when another server edited it', async () => {
    clock().set('2026-03-04T08:00:00+07:00');
    const edit = async (change: (schema: { required?: string[]; properties: Record<string, unknown> }) => void) => {
      const { document } = await t.ctx.db.selectFrom('procedure').select('document').where('code', '=', '2.000815').executeTakeFirstOrThrow();
      change(document.formSchema as { required?: string[]; properties: Record<string, unknown> });
      await t.ctx.db
        .updateTable('procedure')
        .set({ document: JSON.stringify(document), version: (eb) => eb('version', '+', 1) })
        .where('code', '=', '2.000815')
        .execute();
    };
    expect((await submit(receptionist, certifyCopyBody(AN))).statusCode).toBe(201);
    await edit((schema) => {
      schema.properties.purpose = { type: 'string' };
      schema.required = [...(schema.required ?? []), 'purpose'];
    });
    const refused = await submit(receptionist, certifyCopyBody(AN));
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ field: 'form' });
    expect((await submit(receptionist, certifyCopyBody(AN, { form: { ...certifyCopyBody(AN).form, purpose: 'Nộp hồ sơ xin việc' } }))).statusCode).toBe(201);
    await edit((schema) => {
      delete schema.properties.purpose;
      schema.required = (schema.required ?? []).filter((k) => k !== 'purpose');
    });
    expect((await submit(receptionist, certifyCopyBody(AN))).statusCode).toBe(201);
  });
});
