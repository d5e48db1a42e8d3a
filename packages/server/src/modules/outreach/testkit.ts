// Test-only helpers for the outreach API tests (imported by *.test.ts files only).
import { randomUUID } from 'node:crypto';
import { codeFromReservedBlock, type ReservedCodeBlock } from '@motcua/core/dossier';
import { loginAs } from '../../testing/auth.ts';
import type { TestContext } from '../../testing/harness.ts';
import { officialIdsByUsername } from '../identity/index.ts';

export const UNIT = '30421';
export const FAR = ['30421-06', '30421-07', '30421-08', '30421-09'];
/** Thursday 26/11/2026 in Vietnam. */
export const SESSION_DAY = '2026-11-26';

export type Headers = Record<string, string>;

export async function people(t: TestContext) {
  const login = async (u: string) => (await loginAs(t, `official:${u}`)).headers;
  const ids = Object.fromEntries(await officialIdsByUsername(t.ctx.db));
  return {
    admin: await login('phulam.quantri'),
    outreach: await login('phulam.luudong'),
    receptionist: await login('phulam.tiepnhan'),
    specialist: await login('phulam.chuyenvien'),
    otherAdmin: await login('hoadien.quantri'),
    ids: ids as Record<string, string>,
  };
}

export function roundBody(ids: Record<string, string>, over: Record<string, unknown> = {}) {
  return {
    unitCode: UNIT,
    title: 'Đợt thử nghiệm cuối năm',
    meetingPoint: 'Nhà văn hóa ấp Phú Long 2',
    rules: [{ weekdays: [2, 4], part: 'morning', from: '2026-11-23', to: '2026-12-04' }],
    hamletCodes: FAR,
    teamUserIds: [ids['phulam.luudong'], ids['phulam.tiepnhan']],
    procedureCodes: ['2.000815', '1.004873'],
    ...over,
  };
}

export async function createRound(t: TestContext, headers: Headers, body: Record<string, unknown>) {
  const r = await t.app.inject({ method: 'POST', url: '/api/office/outreach/rounds', headers, payload: body });
  if (r.statusCode !== 201) throw new Error(`round: ${r.statusCode} ${r.body}`);
  return r.json() as { id: string; version: number; sessions: { id: string; day: string; part: string }[]; skipped: { day: string; reasonVi: string }[] };
}

export async function kit(t: TestContext, headers: Headers, sessionId: string, deviceId = 'device-a') {
  const r = await t.app.inject({ method: 'GET', url: `/api/office/outreach/sessions/${sessionId}/kit?deviceId=${deviceId}`, headers });
  if (r.statusCode !== 200) throw new Error(`kit: ${r.statusCode} ${r.body}`);
  return r.json() as { codeBlock: ReservedCodeBlock; credential: { id: string; token: string; expiresAt: string }; [k: string]: unknown };
}

/** An applicant from the demo people, living in a far hamlet. */
export const applicant = (hamlet = '30421-09') => ({
  idNumber: '089052003311',
  fullName: 'Võ Văn Tư',
  birthDate: '1952-11-02',
  sex: 'male',
  phone: '0978112233',
  unitCode: UNIT,
  hamlet,
  addressLine: 'Ấp Phú Long 3',
});

export function receiveOp(
  block: ReservedCodeBlock,
  offset: number,
  over: { procedure?: 'copy' | 'marital'; hamlet?: string; at?: string; attachments?: string[]; code?: string } = {},
) {
  const at = over.at ?? `${SESSION_DAY}T08:${String(10 + offset).padStart(2, '0')}:00+07:00`;
  const marital = over.procedure === 'marital';
  return {
    id: randomUUID(),
    kind: 'receive_dossier',
    at,
    dossier: {
      code: over.code ?? codeFromReservedBlock(block, SESSION_DAY, offset),
      receivedAt: at,
      procedureCode: marital ? '1.004873' : '2.000815',
      applicant: applicant(over.hamlet),
      form: marital
        ? { maritalStatus: 'chua_ket_hon', purpose: 'muc_dich_khac', purposeDetail: 'Vay vốn ngân hàng', copies: 1 }
        : { documents: [{ documentName: 'Giấy khai sinh', pages: 1, copies: 2 }] },
      resultDelivery: 'counter',
      consent: { method: 'signature' },
      ...(over.attachments ? { attachments: over.attachments } : {}),
    },
  };
}

export const consultOp = (hamletCode: string | null, people: number) => ({
  id: randomUUID(),
  kind: 'record_consultation',
  at: `${SESSION_DAY}T09:00:00+07:00`,
  hamletCode,
  topic: 'Hỏi về đăng ký tạm trú',
  procedureCode: '1.004194',
  people,
});
export const surveyOp = (hamletCode: string | null, overall: number, staff: number, convenience: number) => ({
  id: randomUUID(),
  kind: 'record_survey',
  at: `${SESSION_DAY}T09:30:00+07:00`,
  hamletCode,
  ratings: { overall, staff, convenience },
  comment: 'Cán bộ nhiệt tình',
});
export const completeOp = (dossierCode: string, baseVersion: number) => ({
  id: randomUUID(),
  kind: 'complete_on_spot',
  at: `${SESSION_DAY}T10:00:00+07:00`,
  dossierCode,
  baseVersion,
  note: 'Trả bản sao tại chỗ',
});

export async function sync(t: TestContext, headers: Headers, sessionId: string, ops: unknown[]) {
  return t.app.inject({ method: 'POST', url: '/api/office/outreach/sync', headers, payload: { sessionId, ops } });
}

export async function count(
  t: TestContext,
  table: 'dossier' | 'dossier_event' | 'outreach_op' | 'outreach_dossier' | 'outreach_consultation' | 'outreach_survey' | 'outbox' | 'audit_log',
) {
  const r = await t.ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
