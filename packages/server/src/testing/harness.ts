import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { loadConfig, type Config } from '../platform/config.ts';
import { contextFor, prepareDatabase } from '../services.ts';
import { fixedClock, systemClock, type Clock } from '../platform/clock.ts';
import type { AppContext } from '../platform/context.ts';
import { buildApp, type BuildOptions } from '../app.ts';

/**
 * Which engine this test run uses. `npm test` runs every *.db.test.ts file twice: once with
 * MOTCUA_TEST_DB=pglite, once with MOTCUA_TEST_DB=postgres against the server scripts/test.mjs
 * started. A missing server is a failure, never a skip.
 */
export function testEngine(): 'pglite' | 'postgres' {
  return process.env.MOTCUA_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

let counter = 0;

/** A fresh database on the engine under test (or the one given: drills choose theirs). */
export async function openTestDatabase(engine = testEngine(), adminUrl = process.env.TEST_DATABASE_URL): Promise<DatabaseHandle & { name: string }> {
  if (engine === 'pglite') {
    const handle = await openDatabase({ databaseUrl: null });
    return { ...handle, name: 'memory' };
  }
  if (!adminUrl) throw new Error('MOTCUA_TEST_DB=postgres needs TEST_DATABASE_URL (scripts/test.mjs sets it after starting PostgreSQL)');
  const name = `motcua_t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 20 });
  return {
    ...handle,
    name,
    async close() {
      await handle.close();
      // pool.end() resolves before its sockets have closed; dropping with FORCE at that moment
      // kills live connections, whose errors surface as uncaught exceptions. Wait until the
      // server shows no session on the database first.
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      try {
        for (let i = 0; i < 300; i++) {
          const r = await a.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
          if (r.rows[0].n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        await a.query(`drop database if exists ${name} with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}

export interface TestContext {
  ctx: AppContext;
  app: FastifyInstance;
  handle: DatabaseHandle;
  clock: Clock;
  config: Config;
  close(): Promise<void>;
}

// Every test data folder is removed when the test process ends, even if a test forgot to (or
// failed before its own clean-up): `npm test` fails a run that leaves folders behind.
const testDataDirs = new Set<string>();
process.once('exit', () => {
  for (const dir of testDataDirs) fs.rmSync(dir, { recursive: true, force: true });
});

export function testConfig(overrides: Partial<Config> = {}): Config {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-test-'));
  testDataDirs.add(dataDir);
  return { ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), ...overrides };
}

/** A fully migrated and seeded app on the engine under test. */
export async function startTestApp(
  options: {
    clock?: Clock | string;
    demo?: boolean;
    config?: Partial<Config>;
    build?: BuildOptions;
    engine?: 'pglite' | 'postgres';
    postgresUrl?: string;
  } = {},
): Promise<TestContext> {
  const handle = await openTestDatabase(options.engine, options.postgresUrl);
  const clock = typeof options.clock === 'string' ? fixedClock(options.clock) : (options.clock ?? systemClock);
  const config = testConfig(options.config);
  const ctx = contextFor(config, handle, clock);
  await prepareDatabase(ctx, { demo: options.demo ?? true });
  const app = await buildApp(ctx, options.build ?? {});
  await app.ready();
  return {
    ctx,
    app,
    handle,
    clock,
    config,
    async close() {
      await app.close();
      await handle.close();
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}
