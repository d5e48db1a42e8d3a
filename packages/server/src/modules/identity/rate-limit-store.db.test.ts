import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/database.ts';
import { buildApp } from '../../app.ts';
import { contextFor, prepareDatabase } from '../../services.ts';
import { loadConfig, type Config } from '../../platform/config.ts';
import { fixedClock } from '../../platform/clock.ts';
import { openTestDatabase, testConfig, testEngine } from '../../testing/harness.ts';
import { databaseRateLimitCounter } from './rate-limit-store.ts';

/**
 * Rate limits mean the same with one process or several: two app instances on one database share
 * one count per client address. On PostgreSQL the two instances have their own connection pools,
 * as two processes would; PGlite serves one process, so there they share the one handle.
 */
const LIMIT = 5;
const clock = fixedClock('2026-03-02T09:00:00+07:00');
let handle: DatabaseHandle & { name: string };
let second: DatabaseHandle | null = null;
let config: Config;
const apps: FastifyInstance[] = [];

async function instance(overrides: Partial<Config> = {}): Promise<FastifyInstance> {
  const h = testEngine() === 'postgres' ? (second ??= await openSecondHandle()) : handle;
  const app = await buildApp(contextFor({ ...config, ...overrides }, h, clock));
  await app.ready();
  apps.push(app);
  return app;
}

/** A second pool on the same database, as a second server process would have. */
function openSecondHandle(): Promise<DatabaseHandle> {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${handle.name}`;
  return openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
}

beforeAll(async () => {
  handle = await openTestDatabase();
  config = testConfig({ identity: { ...loadConfig({}).identity, rateLimitLoginPerMinute: LIMIT } });
  await prepareDatabase(contextFor(config, handle, clock), { demo: false });
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await second?.close();
  await handle?.close();
  fs.rmSync(config.dataDir, { recursive: true, force: true });
});

const logout = (app: FastifyInstance, remoteAddress: string, forwardedFor?: string) =>
  app
    .inject({ method: 'POST', url: '/auth/logout', remoteAddress, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} })
    .then((r) => r.statusCode);

describe('rate limits shared through the database', () => {
  it('two instances on one database count one limit, not one each', async () => {
    const [a, b] = [await instance(), await instance()];
    const statuses: number[] = [];
    for (let i = 0; i < 2 * LIMIT; i++) statuses.push(await logout(i % 2 ? b : a, '203.0.113.10'));
    expect(statuses.filter((s) => s === 204)).toHaveLength(LIMIT);
    expect(statuses.slice(LIMIT)).toEqual(Array(LIMIT).fill(429));
  });

  it('counts concurrent requests exactly (one atomic upsert per request)', async () => {
    const [a, b] = [await instance(), await instance()];
    const statuses = await Promise.all(Array.from({ length: 4 * LIMIT }, (_, i) => logout(i % 2 ? b : a, '203.0.113.11')));
    expect(statuses.filter((s) => s === 204)).toHaveLength(LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(3 * LIMIT);
  });

  it('opens a new window once the old one has ended', async () => {
    let now = new Date('2026-03-02T09:00:00Z');
    const counter = databaseRateLimitCounter({ db: handle.db, clock: { now: () => now } });
    expect((await counter.hit('test-window', 60_000)).current).toBe(1);
    expect(await counter.hit('test-window', 60_000)).toEqual({ current: 2, ttl: 60_000 });
    now = new Date(now.getTime() + 30_000);
    expect(await counter.hit('test-window', 60_000)).toEqual({ current: 3, ttl: 30_000 });
    now = new Date(now.getTime() + 30_000);
    expect(await counter.hit('test-window', 60_000)).toEqual({ current: 1, ttl: 60_000 });
  });
});

describe('TRUST_PROXY decides whose address is counted', () => {
  it('by default, a made-up X-Forwarded-For gets no fresh limit (70 tries, 5 pass)', async () => {
    const app = await instance();
    let passed = 0;
    for (let i = 0; i < 70; i++) if ((await logout(app, '198.51.100.20', `10.9.${i}.1`)) === 204) passed++;
    expect(passed).toBe(LIMIT);
  });

  it('behind one trusted proxy (hop count), the address the proxy appended is the client', async () => {
    const app = await instance({ trustProxy: 1 });
    const statuses: number[] = [];
    // The client forges the left part; the proxy appends the real address on the right.
    for (let i = 0; i < 2 * LIMIT; i++) statuses.push(await logout(app, '127.0.0.1', `6.6.6.${i}, 198.51.100.30`));
    expect(statuses.slice(LIMIT)).toEqual(Array(LIMIT).fill(429));
    expect(await logout(app, '127.0.0.1', '198.51.100.31')).toBe(204);
  });

  it('with proxy addresses, only those proxies are believed', async () => {
    const app = await instance({ trustProxy: ['10.0.0.5'] });
    for (let i = 0; i < LIMIT; i++) expect(await logout(app, '10.0.0.5', '198.51.100.40')).toBe(204);
    expect(await logout(app, '10.0.0.5', '198.51.100.40')).toBe(429);
    expect(await logout(app, '10.0.0.5', '198.51.100.41')).toBe(204);
    // Not a trusted proxy: its header is ignored and the caller itself is counted.
    for (let i = 0; i < LIMIT; i++) expect(await logout(app, '192.0.2.50', `198.51.100.${60 + i}`)).toBe(204);
    expect(await logout(app, '192.0.2.50', '198.51.100.99')).toBe(429);
  });
});
