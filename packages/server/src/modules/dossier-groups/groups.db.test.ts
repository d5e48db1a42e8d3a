import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../testing/harness.ts';
import { AN, NGOC, applicant, as, client, count, setClock, startDossierApp, userId } from '../dossiers/testkit.ts';

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
const R2 = 'official:hoadien.tiepnhan';
const citizen = `citizen:${AN}`;

const birthForm = (extra: Record<string, unknown> = {}) => ({
  childFullName: 'Nguyễn Minh Khang',
  childDateOfBirth: '2026-02-20',
  childSex: 'nam',
  childEthnicity: 'Kinh',
  childNationality: 'Việt Nam',
  childPlaceOfBirth: 'Bệnh viện Đa khoa tỉnh An Giang',
  motherFullName: 'Trần Thị Bích Ngọc',
  motherDateOfBirth: '1990-05-01',
  motherEthnicity: 'Kinh',
  motherNationality: 'Việt Nam',
  motherResidence: 'Phú Lâm',
  birthProofKind: 'giay_chung_sinh',
  declarantRelationship: 'cha',
  linkResidenceAndInsurance: true,
  ...extra,
});
const deathForm = (extra: Record<string, unknown> = {}) => ({
  deceasedFullName: 'Nguyễn Văn Ba',
  deceasedDateOfBirth: '1940-01-01',
  deceasedSex: 'nam',
  deceasedEthnicity: 'Kinh',
  deceasedNationality: 'Việt Nam',
  deceasedResidence: 'Phú Lâm',
  dateOfDeath: '2026-02-28',
  placeOfDeath: 'Tại nhà',
  deathNoticeKind: 'giay_bao_tu',
  declarantRelationship: 'con',
  linkResidenceDeletion: true,
  linkFuneralSupport: true,
  ...extra,
});
const body = (groupCode: string, form: Record<string, unknown>) => ({
  groupCode,
  unitCode: applicant(AN).unitCode,
  channel: 'online',
  applicant: applicant(AN),
  form,
  resultDelivery: 'counter',
});
const post = async (who: string, payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/dossier-groups', headers: { ...(await as(t, who)), ...headers }, payload });
const groupTables = async () => {
  const n = await t.ctx.db
    .selectFrom('dossier_group')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n.n);
};

describe('linked procedure groups (Decree 63/2024/NĐ-CP)', () => {
  it('lists both groups with each member, its agency and its dependencies', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/procedure-groups' });
    expect(r.statusCode).toBe(200);
    const items = r.json().items as { code: string; members: { key: string; agency: string; dependsOn: string[] }[] }[];
    expect(items.map((g) => g.code)).toEqual(['LT-KHAISINH', 'LT-KHAITU']);
    expect(items[0]!.members.map((m) => [m.key, m.agency, m.dependsOn])).toEqual([
      ['KS', 'commune_civil_status', []],
      ['TT', 'commune_police', ['KS']],
      ['BHYT', 'social_insurance', ['KS']],
    ]);
  });

  it('creates the birth group and its members from one application; partners wait on the birth registration', async () => {
    setClock(t, '2026-03-02T09:00:00+07:00');
    const r = await post(citizen, body('LT-KHAISINH', birthForm()));
    expect(r.statusCode).toBe(201);
    const g = r.json();
    const lead = g.members[0].code as string;
    expect(g).toMatchObject({ code: `LT-${lead}`, groupCode: 'LT-KHAISINH', state: 'in_progress' });
    expect(g.members.map((m: { key: string; state: string; code: string }) => [m.key, m.state, m.code])).toEqual([
      ['KS', 'submitted', lead],
      ['TT', 'waiting', `${lead}-TT`],
      ['BHYT', 'waiting', `${lead}-BHYT`],
    ]);
    // The lead member is a real dossier of its own, seen by its applicant.
    expect((await c.get(citizen, `/api/dossiers/${lead}`)).json()).toMatchObject({ code: lead, procedureCode: '1.001193' });
    expect((await c.get(citizen, `/api/dossiers/${lead}/group`)).json().code).toBe(g.code);

    // Registering the birth sends the residence and card members to their agencies.
    for (const [who, action] of [
      [R, { action: 'receive' }],
      [R, { action: 'assign', assigneeUserId: specialist }],
      [S, { action: 'propose', outcome: 'approve', note: 'Đủ điều kiện' }],
      [A, { action: 'approve', note: 'Đồng ý' }],
    ] as const) {
      const r = await c.act(who, lead, action);
      expect([action.action, r.statusCode]).toEqual([action.action, 200]);
    }
    expect((await c.get(citizen, `/api/dossier-groups/${g.code}`)).json().members.map((m: { state: string }) => m.state)).toEqual([
      'approved',
      'waiting',
      'waiting',
    ]);
    expect((await c.act(R, lead, { action: 'mark_result_ready' })).statusCode).toBe(200);
    const after = (await c.get(citizen, `/api/dossier-groups/${g.code}`)).json();
    expect(after.members.map((m: { state: string }) => m.state)).toEqual(['result_ready', 'sent', 'sent']);
    expect(after.timeline.map((e: { memberKey: string; action: string }) => `${e.memberKey}:${e.action}`)).toEqual(
      expect.arrayContaining(['KS:submitted', 'TT:waiting', 'BHYT:waiting', 'KS:mark_result_ready', 'TT:sent', 'BHYT:sent']),
    );
    const sent = await t.ctx.db
      .selectFrom('partner_message')
      .select(['member_code', 'agency'])
      .where('member_code', 'like', `${lead}-%`)
      .orderBy('id')
      .execute();
    expect(sent).toEqual([
      { member_code: `${lead}-TT`, agency: 'commune_police' },
      { member_code: `${lead}-BHYT`, agency: 'social_insurance' },
    ]);
  });

  it('a refused lead refuses the members waiting on it', async () => {
    const g = (await post(citizen, body('LT-KHAITU', deathForm()))).json();
    const lead = g.members[0].code as string;
    expect((await c.act(citizen, lead, { action: 'withdraw', reason: 'Nộp nhầm' })).statusCode).toBe(200);
    const after = (await c.get(citizen, `/api/dossier-groups/${g.code}`)).json();
    expect(after).toMatchObject({ state: 'finished' });
    expect(after.members.map((m: { key: string; state: string }) => `${m.key}:${m.state}`)).toEqual(['KT:withdrawn', 'XTT:refused', 'MT:refused']);
  });

  it('only the death members asked for join the group', async () => {
    const g = (await post(citizen, body('LT-KHAITU', deathForm({ linkFuneralSupport: false })))).json();
    expect(g.members.map((m: { key: string }) => m.key)).toEqual(['KT', 'XTT']);
  });

  it('bad input gets 4xx problem+json and creates nothing', async () => {
    const before = [await count(t, 'dossier'), await groupTables()];
    for (const [payload, status] of [
      [body('LT-KHONGCO', birthForm()), 400],
      [body('LT-KHAISINH', birthForm({ linkResidenceAndInsurance: false })), 400],
      [body('LT-KHAISINH', birthForm({ childSex: 'x' })), 400],
      [{ ...body('LT-KHAISINH', birthForm()), unitCode: '1' }, 400],
    ] as const) {
      const r = await post(citizen, payload);
      expect([r.statusCode, r.headers['content-type']]).toEqual([status, expect.stringContaining('application/problem+json')]);
    }
    expect([await count(t, 'dossier'), await groupTables()]).toEqual(before);
  });

  it('a repeat with the same Idempotency-Key returns the same group', async () => {
    const key = { 'idempotency-key': 'group-repeat-1' };
    const first = await post(citizen, body('LT-KHAISINH', birthForm()), key);
    const again = await post(citizen, body('LT-KHAISINH', birthForm()), key);
    expect([first.statusCode, again.statusCode, again.headers['idempotent-replayed']]).toEqual([201, 200, 'true']);
    expect(again.json().code).toBe(first.json().code);
    const other = await post(citizen, body('LT-KHAISINH', birthForm({ childFullName: 'Khác' })), key);
    expect(other.statusCode).toBe(422);
  });

  it('the applicant and the unit officials see the group (the officials audited); others get 404', async () => {
    const g = (await post(citizen, body('LT-KHAISINH', birthForm()))).json();
    const audits = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('dossier_code', '=', g.members[0].code)
            .where('action', '=', 'dossier.read')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const n0 = await audits();
    expect((await c.get(R, `/api/dossier-groups/${g.code}`)).statusCode).toBe(200);
    expect(await audits()).toBe(n0 + 1);
    expect((await c.get(R2, `/api/dossier-groups/${g.code}`)).statusCode).toBe(404);
    expect((await c.get(`citizen:${NGOC}`, `/api/dossier-groups/${g.code}`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/dossier-groups/${g.code}` })).statusCode).toBe(401);
  });
});
