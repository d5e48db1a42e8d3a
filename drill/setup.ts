/**
 * A database and data folder of the drill's own: a new PostgreSQL database (or a PGlite folder),
 * migrated and seeded as the server would, with one receptionist API token per commune for the
 * submitters (what `npm run token` makes). Removed again by dispose(), also after a failure.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../packages/server/src/platform/config.ts';
import { contextFor, openConfiguredDatabase, prepareDatabase } from '../packages/server/src/services.ts';
import type { DatabaseHandle } from '../packages/server/src/db/database.ts';
import { IdentityService } from '../packages/server/src/modules/identity/service.ts';
import type { DrillOptions } from './types.ts';

export interface DrillDatabase {
  engine: DrillOptions['engine'];
  runId: string;
  dataDir: string;
  /** '' for PGlite (in dataDir). */
  databaseUrl: string;
  counters: { unitCode: string; token: string }[];
  /** Opens the database in this process (the server must be stopped on PGlite). */
  open(): Promise<{ handle: DatabaseHandle; config: Config }>;
  dispose(): Promise<void>;
}

async function admin(adminUrl: string, statement: string): Promise<void> {
  const c = new pg.Client({ connectionString: adminUrl });
  c.on('error', () => undefined);
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

export async function prepareDrillDatabase(o: {
  engine: DrillOptions['engine'];
  adminUrl?: string | undefined;
  label: string;
  communes: number;
}): Promise<DrillDatabase> {
  const runId = `${o.label}${Date.now().toString(36)}${randomUUID().slice(0, 4)}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `motcua-drill-${o.label}-`));
  let databaseUrl = '';
  let dbName: string | null = null;
  if (o.engine === 'postgres') {
    if (!o.adminUrl) throw new Error('the postgres engine needs postgresUrl (TEST_DATABASE_URL or a cluster of the drill runner)');
    dbName = `motcua_drill_${runId}`.toLowerCase();
    await admin(o.adminUrl, `create database ${dbName}`);
    const url = new URL(o.adminUrl);
    url.pathname = `/${dbName}`;
    databaseUrl = url.toString();
  }
  const open = async () => {
    const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl, DEMO_DATA: 'false', DEMO_DOSSIERS: 'false', LOG_LEVEL: 'silent' });
    return { handle: await openConfiguredDatabase(config, { onConnectionError: () => undefined }), config };
  };
  const dispose = async () => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    if (dbName && o.adminUrl) await admin(o.adminUrl, `drop database if exists ${dbName} with (force)`);
  };
  try {
    const { handle, config } = await open();
    try {
      const ctx = contextFor(config, handle);
      await prepareDatabase(ctx, { demo: false });
      // Communes of An Giang; each takes its own daily numbers, so submitters spread over them.
      const units = await ctx.db
        .selectFrom('unit')
        .select('code')
        .where('province_code', '=', '91')
        .where('type', 'in', ['commune', 'ward'])
        .orderBy('code')
        .limit(o.communes)
        .execute();
      const identity = new IdentityService(ctx);
      const counters = [];
      for (const u of units)
        counters.push({
          unitCode: u.code,
          token: (await identity.tokens.create('cli', { role: 'receptionist', unitCode: u.code, label: `drill ${runId}` })).token,
        });
      return { engine: o.engine, runId, dataDir, databaseUrl, counters, open, dispose };
    } finally {
      await handle.close();
    }
  } catch (err) {
    await dispose().catch(() => undefined);
    throw err;
  }
}
