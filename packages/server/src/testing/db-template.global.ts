/**
 * Vitest global set-up for the storage projects: migrates one database per run and lets every test
 * app start from a copy of it, instead of creating and migrating its own (a fresh PGlite runs initdb,
 * ~5 s; the migrations take ~1 s more on each engine). Copies are exact — PostgreSQL's `CREATE
 * DATABASE … TEMPLATE`, PGlite's data-folder dump — so a test sees what a migrated database holds.
 * The harness finds the template through MOTCUA_TEST_TEMPLATE (the workers inherit this process's
 * environment); without it (bench, a script) it migrates as before.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (project.name === 'postgres') return postgresTemplate();
  return pgliteTemplate();
}

async function pgliteTemplate(): Promise<() => Promise<void>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-template-'));
  const handle = await openDatabase({ databaseUrl: null });
  try {
    await migrateToLatest(handle.db);
    const dump = await handle.pglite!.dumpDataDir('none');
    fs.writeFileSync(path.join(dir, 'migrated.tar'), Buffer.from(await dump.arrayBuffer()));
  } finally {
    await handle.close();
  }
  process.env.MOTCUA_TEST_TEMPLATE = path.join(dir, 'migrated.tar');
  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

async function postgresTemplate(): Promise<() => Promise<void>> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('MOTCUA_TEST_DB=postgres needs TEST_DATABASE_URL (scripts/test.mjs sets it after starting PostgreSQL)');
  const name = `motcua_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
  try {
    await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
  // pool.end() resolves before its sockets have closed, and a template with a session cannot be copied.
  await admin(async (c) => {
    for (let i = 0; i < 500; i++) {
      const r = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
      if (r.rows[0].n === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`the template database ${name} still has sessions`);
  });
  process.env.MOTCUA_TEST_TEMPLATE = name;
  return async () => {
    // A copy is being made only while a test runs; by now none is.
    await admin((c) => c.query(`drop database if exists ${name} with (force)`));
  };
}
