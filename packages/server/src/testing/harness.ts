import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { openPglite } from '../db/pglite-pool.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig, type Config } from '../platform/config.ts';
import { buildServices, contextFor, prepareDatabase, type Services } from '../services.ts';
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

/**
 * A fresh database on the engine under test (or the one given: drills choose theirs). `migrated`
 * asks for one the migrations have run on: a copy of the run's template where there is one
 * (testing/db-template.global.ts), else empty — the caller migrates either way (a no-op on a copy).
 */
export async function openTestDatabase(
  engine = testEngine(),
  adminUrl = process.env.TEST_DATABASE_URL,
  options: { migrated?: boolean } = {},
): Promise<DatabaseHandle & { name: string }> {
  const template = options.migrated ? process.env.MOTCUA_TEST_TEMPLATE : undefined;
  if (engine === 'pglite') {
    const dump = template?.endsWith('.tar') && fs.existsSync(template) ? template : undefined;
    const pglite = dump ? await openPglite(undefined, new Blob([fs.readFileSync(dump)])) : undefined;
    const handle = await openDatabase({ databaseUrl: null, ...(pglite ? { pglite } : {}) });
    return { ...handle, name: 'memory' };
  }
  if (!adminUrl) throw new Error('MOTCUA_TEST_DB=postgres needs TEST_DATABASE_URL (scripts/test.mjs sets it after starting PostgreSQL)');
  const name = `motcua_t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // The template lives on the run's server; a drill's own server has none.
  const copy = template && !template.endsWith('.tar') && adminUrl === process.env.TEST_DATABASE_URL;
  await admin.query(copy ? `create database ${name} template ${template}` : `create database ${name}`);
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

/** A fresh database with every migration run (from the run's template where there is one). */
export async function openMigratedTestDatabase(engine = testEngine(), adminUrl = process.env.TEST_DATABASE_URL): Promise<DatabaseHandle & { name: string }> {
  const handle = await openTestDatabase(engine, adminUrl, { migrated: true });
  await migrateToLatest(handle.db);
  return handle;
}

export interface TestContext {
  ctx: AppContext;
  app: FastifyInstance;
  handle: DatabaseHandle;
  clock: Clock;
  config: Config;
  /** The services the app was built on, for tests that run the workers as the process would. */
  services: Services;
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
  const handle = await openTestDatabase(options.engine, options.postgresUrl, { migrated: true });
  const clock = typeof options.clock === 'string' ? fixedClock(options.clock) : (options.clock ?? systemClock);
  const config = testConfig(options.config);
  const ctx = contextFor(config, handle, clock);
  await prepareDatabase(ctx, { demo: options.demo ?? true });
  const services = buildServices(ctx);
  const app = await buildApp(ctx, { ...options.build, services });
  await app.ready();
  return {
    ctx,
    app,
    handle,
    clock,
    config,
    services,
    async close() {
      await app.close();
      await handle.close();
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}
