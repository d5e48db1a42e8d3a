// Test-only helpers for the dossier API tests (imported by *.test.ts files only).
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import pg from 'pg';
import type { Actor } from '../../platform/access.ts';
import { startTestApp, testEngine, type TestContext } from '../../testing/harness.ts';

interface People {
  citizens: { idNumber: string; name: string; phoneNumber: string; birthdate: string; gender: 'male' | 'female'; address: { communeCode: string; streetAddress: string } }[];
  officials: { username: string; name: string; roles: Actor extends infer A ? A extends { kind: 'official'; roles: infer R } ? R : never : never; unitCodes: string[] }[];
}
export const people = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../../data/demo-people.json'), 'utf8')) as People;

/**
 * Until the identity module's loginAs is used here: the caller is named by an `x-test-actor`
 * header, 'citizen:<cccd>' or 'official:<username>' (a demo official; userId = username).
 */
export async function headerActor(request: FastifyRequest): Promise<Actor> {
  const who = request.headers['x-test-actor'];
  if (typeof who !== 'string') return { kind: 'anonymous' };
  const [kind, id] = who.split(':') as [string, string];
  if (kind === 'citizen') {
    const c = people.citizens.find((p) => p.idNumber === id);
    return { kind: 'citizen', subject: `sub-${id}`, idNumber: id, fullName: c?.name ?? `Công dân ${id}` };
  }
  const o = people.officials.find((p) => p.username === id);
  if (!o) throw new Error(`no demo official ${id}`);
  return { kind: 'official', userId: o.username, fullName: o.name, roles: o.roles, unitCodes: o.unitCodes, via: 'session' };
}

export const as = (who: string) => ({ 'x-test-actor': who });

/**
 * The harness drops the test database right after pg's pool.end(), which resolves before its
 * connections have closed; with many pooled connections the forced drop then kills live ones and
 * the error surfaces as an uncaught exception. Closing the pool first and waiting until the
 * server shows no session on the database avoids the race.
 */
async function closeQuietly(t: TestContext): Promise<void> {
  await t.app.close();
  if (testEngine() === 'postgres') {
    await t.ctx.db.destroy();
    const name = (t.handle as { name?: string }).name;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    try {
      for (let i = 0; i < 200; i++) {
        const r = await admin.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (r.rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    } finally {
      await admin.end();
    }
  }
  await t.close();
}

export async function startDossierApp(clock: string, demo = false): Promise<TestContext> {
  const t = await startTestApp({ clock, demo, build: { resolveActor: headerActor } });
  return { ...t, close: () => closeQuietly(t) };
}

export const AN = '089095001234'; // Nguyễn Văn An, Phú Lâm
export const NGOC = '089190004567'; // Trần Thị Bích Ngọc, Phú Lâm
export const PHUC = '091201002345'; // Lê Hoàng Phúc, Hòa Điền

export function applicant(idNumber: string) {
  const c = people.citizens.find((p) => p.idNumber === idNumber)!;
  return {
    idNumber, fullName: c.name, birthDate: c.birthdate, sex: c.gender, phone: c.phoneNumber,
    unitCode: c.address.communeCode, hamlet: null, addressLine: c.address.streetAddress,
  };
}

/** Marital-status certificate: 3 working days, offered online. */
export function maritalStatusBody(idNumber = AN, extra: Record<string, unknown> = {}) {
  return {
    procedureCode: '1.004873', unitCode: applicant(idNumber).unitCode, channel: 'online', applicant: applicant(idNumber),
    form: { maritalStatus: 'chua_ket_hon', purpose: 'muc_dich_khac', purposeDetail: 'Vay vốn ngân hàng', copies: 1 },
    resultDelivery: 'counter', ...extra,
  };
}

/** Certified copies from originals: same day, at the counter only. */
export function certifyCopyBody(idNumber = AN, extra: Record<string, unknown> = {}) {
  return {
    procedureCode: '2.000815', unitCode: applicant(idNumber).unitCode, channel: 'counter', applicant: applicant(idNumber),
    form: { documents: [{ documentName: 'Bằng tốt nghiệp THPT', pages: 1, copies: 2 }] },
    resultDelivery: 'counter', consent: { method: 'signature' }, ...extra,
  };
}

export async function count(t: TestContext, table: 'dossier' | 'dossier_event' | 'audit_log' | 'outbox' | 'dossier_daily_sequence'): Promise<number> {
  const r = await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
