// Test-only helpers for the dossier API tests (imported by *.test.ts files only).
import fs from 'node:fs';
import path from 'node:path';
import { loginAs } from '../../testing/auth.ts';
import { IdentityService } from '../identity/index.ts';
import { startTestApp, type TestContext } from '../../testing/harness.ts';
import type { fixedClock } from '../../platform/clock.ts';

interface People {
  citizens: {
    idNumber: string;
    name: string;
    phoneNumber: string;
    birthdate: string;
    gender: 'male' | 'female';
    address: { communeCode: string; streetAddress: string };
  }[];
}
export const people = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../data/demo-people.json'), 'utf8')) as People;

const sessions = new WeakMap<TestContext, { at: number; byWho: Map<string, Promise<Record<string, string>>> }>();

/**
 * Headers of a signed-in demo person ('citizen:<cccd>' | 'official:<username>'). Sessions expire
 * by the test clock, so sessions are reused only while the clock stands still.
 */
export function as(t: TestContext, who: string): Promise<Record<string, string>> {
  const at = t.clock.now().getTime();
  let cache = sessions.get(t);
  if (!cache || cache.at !== at) sessions.set(t, (cache = { at, byWho: new Map() }));
  let headers = cache.byWho.get(who);
  if (!headers) {
    headers = loginAs(t, who as `citizen:${string}`).then((r) => r.headers);
    cache.byWho.set(who, headers);
  }
  return headers;
}

/** The identity module's user id of a demo official (what assigneeUserId holds). */
export async function userId(t: TestContext, username: string): Promise<string> {
  const o = await new IdentityService(t.ctx).findOfficialByUsername(username);
  if (!o) throw new Error(`no official ${username}`);
  return o.id;
}

export async function startDossierApp(clock: string, options: { demoDossiers?: boolean } = {}): Promise<TestContext> {
  return startTestApp({ clock, demo: true, config: { demoDossiers: options.demoDossiers ?? false } });
}

export const AN = '089095001234'; // Nguyễn Văn An, Phú Lâm
export const NGOC = '089190004567'; // Trần Thị Bích Ngọc, Phú Lâm
export const PHUC = '091201002345'; // Lê Hoàng Phúc, Hòa Điền

export function applicant(idNumber: string) {
  const c = people.citizens.find((p) => p.idNumber === idNumber)!;
  return {
    idNumber,
    fullName: c.name,
    birthDate: c.birthdate,
    sex: c.gender,
    phone: c.phoneNumber,
    unitCode: c.address.communeCode,
    hamlet: null,
    addressLine: c.address.streetAddress,
  };
}

/** Marital-status certificate: 3 working days, offered online. */
export function maritalStatusBody(idNumber = AN, extra: Record<string, unknown> = {}) {
  return {
    procedureCode: '1.004873',
    unitCode: applicant(idNumber).unitCode,
    channel: 'online',
    applicant: applicant(idNumber),
    form: { maritalStatus: 'chua_ket_hon', purpose: 'muc_dich_khac', purposeDetail: 'Vay vốn ngân hàng', copies: 1 },
    resultDelivery: 'counter',
    ...extra,
  };
}

/** Certified copies from originals: same day, at the counter only. */
export function certifyCopyBody(idNumber = AN, extra: Record<string, unknown> = {}) {
  return {
    procedureCode: '2.000815',
    unitCode: applicant(idNumber).unitCode,
    channel: 'counter',
    applicant: applicant(idNumber),
    form: { documents: [{ documentName: 'Bằng tốt nghiệp THPT', pages: 1, copies: 2 }] },
    resultDelivery: 'counter',
    consent: { method: 'signature' },
    ...extra,
  };
}

export async function count(t: TestContext, table: 'dossier' | 'dossier_event' | 'audit_log' | 'outbox' | 'dossier_daily_sequence'): Promise<number> {
  const r = await t.ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function setClock(t: TestContext, at: string): void {
  (t.clock as ReturnType<typeof fixedClock>).set(at);
}

/** Helpers bound to one test app: submit and act as a named person. */
export function client(t: TestContext) {
  return {
    submit: async (who: string, payload: object, extraHeaders: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url: '/api/dossiers', headers: { ...(await as(t, who)), ...extraHeaders }, payload }),
    act: async (who: string, code: string, payload: object) =>
      t.app.inject({ method: 'POST', url: `/api/dossiers/${code}/actions`, headers: await as(t, who), payload }),
    get: async (who: string, url: string) => t.app.inject({ method: 'GET', url, headers: await as(t, who) }),
  };
}
