// PostgreSQL only (the `postgres` vitest project): a server that restarts and connections that die.
import fs from 'node:fs';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { contextFor, prepareDatabase } from '../services.ts';
import { systemClock } from '../platform/clock.ts';
import type { AppContext } from '../platform/context.ts';
import { bearerFor } from '../testing/auth.ts';
import { testConfig } from '../testing/harness.ts';
import { startTcpProxy } from '../testing/tcp-proxy.ts';
import { openDatabase } from './database.ts';
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

async function adminQuery(sql: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  c.on('error', () => undefined);
  await c.connect();
  try {
    return (await c.query(sql, params)).rows;
  } finally {
    await c.end();
  }
}

describe('PostgreSQL faults', () => {
  /** An app whose pool reaches its own database through a relay the test can cut. */
  async function appBehindRelay() {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('the postgres project needs TEST_DATABASE_URL');
    const name = `motcua_faults_${process.pid}_${Date.now().toString(36)}`;
    await adminQuery(`create database ${name}`);
    cleanups.push(() => adminQuery(`drop database if exists ${name} with (force)`));
    const direct = new URL(adminUrl);
    direct.pathname = `/${name}`;
    const proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    cleanups.push(() => proxy.close());
    const relayed = new URL(direct);
    relayed.hostname = '127.0.0.1';
    relayed.port = String(proxy.port);
    const lost: string[] = [];
    const handle = await openDatabase({ databaseUrl: relayed.toString(), poolSize: 4, onConnectionError: (e) => lost.push(e.message) });
    cleanups.push(() => handle.close());
    const config = testConfig({ databaseUrl: relayed.toString() });
    cleanups.push(async () => fs.rmSync(config.dataDir, { recursive: true, force: true }));
    const ctx: AppContext = contextFor(config, handle, systemClock);
    await prepareDatabase(ctx, { demo: true });
    const app = await buildApp(ctx);
    await app.ready();
    cleanups.push(() => app.close());
    const headers = (await bearerFor({ ctx }, 'receptionist', UNIT)).headers;
    return { app, proxy, name, headers, lost };
  }

  it('answers 503 with Retry-After while the database is unreachable, and serves again once it is back', async () => {
    const { app, proxy, headers } = await appBehindRelay();
    const submit = (key: string) =>
      app.inject({ method: 'POST', url: '/api/dossiers', headers: { ...headers, 'idempotency-key': key }, payload: certifyCopyBody() });
    expect((await submit('before')).statusCode).toBe(201);
    const healthy = await app.inject({ method: 'GET', url: '/health' });
    expect(healthy.statusCode).toBe(200);
    expect(healthy.json()).toMatchObject({ status: 'ok', database: 'up', engine: 'postgres' });

    await proxy.cut();
    const down = await app.inject({ method: 'GET', url: '/health' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ status: 'unavailable', database: 'down', engine: 'postgres', bootId: healthy.json().bootId });
    expectUnavailable(await submit('during'));

    await proxy.restore();
    const again = await submit('during');
    expect(again.statusCode).toBe(201);
    expect((await app.inject({ method: 'GET', url: '/health' })).json()).toMatchObject({ database: 'up' });
    expect((await submit('during')).headers['idempotent-replayed']).toBe('true');
  });

  it('survives its idle connections being terminated (57P01, as pg_ctl restart -m fast does) and reconnects', async () => {
    const { app, name, headers, lost } = await appBehindRelay();
    expect((await app.inject({ method: 'POST', url: '/api/dossiers', headers, payload: certifyCopyBody() })).statusCode).toBe(201);
    const terminated = await adminQuery('select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name]);
    expect(terminated.length).toBeGreaterThan(0);
    // Before issue #10 this 'error' event on an idle pooled client ended the process.
    // Each terminated idle client reports once; the pool has dropped them all after that.
    for (let i = 0; i < 500 && lost.length < terminated.length; i++) await new Promise((r) => setTimeout(r, 20));
    expect(lost).toHaveLength(terminated.length);
    expect(lost.join('\n')).toMatch(/terminating connection due to administrator command/);
    expect((await app.inject({ method: 'POST', url: '/api/dossiers', headers, payload: certifyCopyBody() })).statusCode).toBe(201);
  });

  it('fails a submission whose connection is terminated mid-transaction (57P01) with 503; its retry files it once', async () => {
    const { app, name, headers } = await appBehindRelay();
    const submit = () =>
      app.inject({ method: 'POST', url: '/api/dossiers', headers: { ...headers, 'idempotency-key': 'terminated' }, payload: certifyCopyBody() });
    expect((await app.inject({ method: 'POST', url: '/api/dossiers', headers, payload: certifyCopyBody() })).statusCode).toBe(201);
    // Hold the daily number's row so the next intake waits inside its transaction.
    const holder = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL!.replace(/\/[^/]*$/, `/${name}`) });
    holder.on('error', () => undefined);
    await holder.connect();
    cleanups.push(() => holder.end());
    await holder.query('begin');
    await holder.query('select * from dossier_daily_sequence where unit_code = $1 for update', [UNIT]);
    const pending = submit();
    const waiting = async () =>
      (await adminQuery(`select pid from pg_stat_activity where datname = $1 and wait_event_type = 'Lock'`, [name])).map((r) => r.pid as number);
    let pids: number[] = [];
    for (let i = 0; i < 500 && pids.length === 0; i++) {
      pids = await waiting();
      if (!pids.length) await new Promise((r) => setTimeout(r, 20));
    }
    expect(pids.length).toBe(1);
    await adminQuery('select pg_terminate_backend($1)', [pids[0]]);
    expectUnavailable(await pending);
    await holder.query('rollback');
    const retried = await submit();
    expect(retried.statusCode).toBe(201);
    const [count] = (await holder.query('select count(*)::int as n from dossier')).rows;
    expect(count.n).toBe(2); // the first intake and the retried one: the terminated attempt left nothing
  });
});
