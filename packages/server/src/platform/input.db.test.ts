import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, type TestContext } from '../testing/harness.ts';
import { loginAs } from '../testing/auth.ts';
import { rowCounts, rowCountChanges } from '../testing/row-counts.ts';
import { maritalStatusBody, AN } from '../modules/dossiers/testkit.ts';

// The cases found by testing in issue #10, each refused with a 400 problem+json that changes nothing.
let t: TestContext;
let admin: Record<string, string>;
let receptionist: Record<string, string>;
let citizen: Record<string, string>;
const UNIT = '30421';

beforeAll(async () => {
  t = await startTestApp();
  admin = (await loginAs(t, 'official:phulam.quantri')).headers;
  receptionist = (await loginAs(t, 'official:phulam.tiepnhan')).headers;
  citizen = (await loginAs(t, `citizen:${AN}`)).headers;
});
afterAll(async () => {
  await t?.close();
});

interface Req {
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  headers?: Record<string, string>;
  payload?: string | object;
}

/** Sends the request, expects a 400 validation problem, and checks no table gained or lost a row. */
async function refused(req: Req, status = 400): Promise<LightMyRequestResponse> {
  const before = await rowCounts(t.ctx.db);
  const payload = typeof req.payload === 'object' ? JSON.stringify(req.payload) : req.payload;
  const headers = { ...(req.headers ?? {}), ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) };
  const r = await t.app.inject({ method: req.method, url: req.url, headers, ...(payload !== undefined ? { payload } : {}) });
  expect(r.statusCode, `${req.method} ${req.url}: ${r.body}`).toBe(status);
  expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = r.json() as { detailVi?: string; detailEn?: string };
  expect(body.detailVi).toBeTruthy();
  expect(body.detailEn).toBeTruthy();
  expect(rowCountChanges(before, await rowCounts(t.ctx.db))).toEqual([]);
  return r;
}

describe('NUL bytes and lone surrogates', () => {
  it('are refused in query strings, path parameters and bodies on the routes that gave 500', async () => {
    await refused({ method: 'GET', url: '/api/office/dossiers?q=%00', headers: receptionist });
    await refused({ method: 'GET', url: '/api/procedures/1.004873%00' });
    await refused({ method: 'GET', url: '/api/dossiers/X%00/documents', headers: citizen });
    await refused({ method: 'GET', url: '/api/dossiers/X%00/shipments', headers: citizen });
    await refused({ method: 'POST', url: '/api/dossiers', headers: citizen, payload: maritalStatusBody(AN, { procedureCode: '1.004873\u0000' }) });
    await refused({ method: 'POST', url: '/api/office/tokens', headers: admin, payload: { role: 'receptionist', unitCode: UNIT, label: 'a\u0000b' } });
    await refused({ method: 'POST', url: `/api/units/${UNIT}/hamlets`, headers: admin, payload: { name: 'Ấp\u0000 Mới', kind: 'ap' } });
    await refused({ method: 'PATCH', url: `/api/units/${UNIT}/hamlets/${UNIT}-04`, headers: admin, payload: { name: 'Ấp\u0000 Mới' } });
  });

  it('says which field and why, in Vietnamese and English', async () => {
    const r = await refused({ method: 'POST', url: `/api/units/${UNIT}/hamlets`, headers: admin, payload: '{"name":"\\ud800 Ấp","kind":"ap"}' });
    expect(r.json()).toMatchObject({
      code: 'validation_failed',
      detailVi: expect.stringContaining('body/name') as string,
      detailEn: expect.stringContaining('lone UTF-16 surrogate') as string,
    });
    // Inside free-form objects and in keys too (JSONB refuses \u0000 as well).
    await refused({ method: 'POST', url: '/api/dossiers', headers: citizen, payload: maritalStatusBody(AN, { form: { 'purpose\u0000': 'x' } }) });
  });

  it('keeps well-formed Vietnamese and emoji (surrogate pairs) intact', async () => {
    const r = await t.app.inject({ method: 'POST', url: `/api/units/${UNIT}/hamlets`, headers: admin, payload: { name: 'Ấp Hoà Bình 🌾', kind: 'ap' } });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ name: 'Ấp Hoà Bình 🌾' });
  });

  it('refuses JSON nested too deep to walk safely', async () => {
    await refused({
      method: 'POST',
      url: '/api/dossiers',
      headers: citizen,
      payload: maritalStatusBody(AN, { form: JSON.parse('['.repeat(200) + ']'.repeat(200)) }),
    });
  });
});

describe('numbers', () => {
  it('"1e309" as distance is refused and stores no Infinity; the public list keeps working', async () => {
    await refused({ method: 'POST', url: `/api/units/${UNIT}/hamlets`, headers: admin, payload: '{"name":"Ấp Vô Cực","kind":"ap","distanceKm":"1e309"}' });
    await refused({ method: 'POST', url: `/api/units/${UNIT}/hamlets`, headers: admin, payload: '{"name":"Ấp Vô Cực","kind":"ap","distanceKm":1e309}' });
    await refused({ method: 'PATCH', url: `/api/units/${UNIT}/hamlets/${UNIT}-04`, headers: admin, payload: '{"distanceKm":1e309}' });
    const list = await t.app.inject({ method: 'GET', url: `/api/units/${UNIT}/hamlets` });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toMatch(/Vô Cực/);
  });

  it('expiresInDays "1e309" (string or number) on tokens is a 400', async () => {
    await refused({ method: 'POST', url: '/api/office/tokens', headers: admin, payload: '{"role":"receptionist","unitCode":"30421","expiresInDays":"1e309"}' });
    await refused({ method: 'POST', url: '/api/office/tokens', headers: admin, payload: '{"role":"receptionist","unitCode":"30421","expiresInDays":1e309}' });
  });

  it('an integer without a declared maximum is still bounded (PostgreSQL integer)', async () => {
    // Before: 1e300 passed "integer" and reached PostgreSQL as a version number.
    const r = await refused({
      method: 'POST',
      url: '/api/dossiers/H91.30421-260302-0001/actions',
      headers: receptionist,
      payload: { action: 'accept', version: 1e300 },
    });
    expect(r.json()).toMatchObject({ code: 'validation_failed', detailVi: expect.stringContaining('body/version') as string });
  });

  it('query strings still convert to the declared type, and only to it', async () => {
    const ok = await t.app.inject({ method: 'GET', url: '/api/units?q=phu%20lam&limit=2' });
    expect(ok.statusCode).toBe(200);
    expect((ok.json() as { items: unknown[] }).items.length).toBeLessThanOrEqual(2);
    await refused({ method: 'GET', url: '/api/units?q=phu&limit=1e309' });
    await refused({ method: 'GET', url: '/api/units?q=phu&limit=abc' });
    await refused({ method: 'GET', url: '/api/procedures?limit=99999999999' });
  });
});

describe('types are not coerced in JSON bodies', () => {
  it('a number or a boolean never becomes a name', async () => {
    await refused({ method: 'POST', url: `/api/units/${UNIT}/hamlets`, headers: admin, payload: { name: 12345, kind: 'ap' } });
    await refused({
      method: 'POST',
      url: '/api/office/officials',
      headers: admin,
      payload: { username: 'nguoi.moi', fullName: true, roles: ['receptionist'], unitCode: UNIT },
    });
    await refused({ method: 'PATCH', url: `/api/units/${UNIT}/hamlets/${UNIT}-04`, headers: admin, payload: { active: 'false' } });
  });
});

describe('every constraint holds for what is stored', () => {
  it('a blank hamlet name is refused: text is trimmed before minLength is checked', async () => {
    await refused({ method: 'POST', url: `/api/units/${UNIT}/hamlets`, headers: admin, payload: { name: '   ', kind: 'ap' } });
    await refused({ method: 'POST', url: `/api/units/${UNIT}/hamlets`, headers: admin, payload: { name: ' x ', kind: 'ap' } });
    await refused({ method: 'PATCH', url: `/api/units/${UNIT}/hamlets/${UNIT}-04`, headers: admin, payload: { name: '\t \n' } });
  });

  it('stores text as NFC without surrounding spaces', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/units/${UNIT}/hamlets`,
      headers: admin,
      payload: { name: '  Ấp Tân Hoà  '.normalize('NFD'), kind: 'ap' },
    });
    expect(r.statusCode, r.body).toBe(201);
    expect((r.json() as { name: string }).name).toBe('Ấp Tân Hoà');
  });
});
