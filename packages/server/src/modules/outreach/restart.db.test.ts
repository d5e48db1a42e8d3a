import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../db/database.ts';
import { buildApp } from '../../app.ts';
import { contextFor, prepareDatabase } from '../../services.ts';
import { fixedClock } from '../../platform/clock.ts';
import { testConfig, testEngine } from '../../testing/harness.ts';
import { loginAs } from '../../testing/auth.ts';
import { CatalogService } from '../catalog/index.ts';
import { DossierService } from '../dossiers/index.ts';
import { officialIdsByUsername, officialsById } from '../identity/index.ts';
import { createBlobStore, UploadsService } from '../uploads/index.ts';
import type { Official } from './access.ts';
import type { SyncBody } from '@motcua/core/api';
import { OutreachService } from './service.ts';
import { completeOp, consultOp, createRound, kit, receiveOp, roundBody, SESSION_DAY, surveyOp } from './testkit.ts';

/**
 * The same database opened twice, as a server restart does: a PGlite data folder, or one named
 * PostgreSQL database that outlives the first connection pool.
 */
async function sameDatabase(): Promise<{ open(): Promise<DatabaseHandle>; dispose(): Promise<void> }> {
  if (testEngine() === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-outreach-restart-'));
    return {
      open: () => openDatabase({ databaseUrl: null, pgliteDir: path.join(dir, 'pglite') }),
      dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `motcua_restart_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { open: () => openDatabase({ databaseUrl: url.toString(), poolSize: 5 }), dispose: () => admin(`drop database if exists ${name} with (force)`) };
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

describe('a sync interrupted by a server stop', () => {
  it('ends, after a restart and a retry of the whole batch, with every op applied exactly once', async () => {
    const db = await sameDatabase();
    cleanups.push(db.dispose);
    const config = testConfig();
    cleanups.push(async () => fs.rmSync(config.dataDir, { recursive: true, force: true }));
    const clock = fixedClock(`${SESSION_DAY}T04:00:00Z`);

    // First life of the server: plan, hand out the kit, start syncing.
    const first = await db.open();
    const ctx = contextFor(config, first, clock);
    await prepareDatabase(ctx, { demo: true });
    const app = await buildApp(ctx);
    await app.ready();
    const admin = (await loginAs({ ctx }, 'official:phulam.quantri')).headers;
    const field = (await loginAs({ ctx }, 'official:phulam.luudong')).headers;
    const ids = Object.fromEntries(await officialIdsByUsername(ctx.db));
    const t1 = { app, ctx } as Parameters<typeof createRound>[0];
    const round = await createRound(t1, admin, roundBody(ids));
    const sessionId = round.sessions.find((s) => s.day === SESSION_DAY)!.id;
    const k = await kit(t1, field, sessionId);
    const ops = [
      receiveOp(k.codeBlock, 0, { hamlet: '30421-09' }),
      consultOp('30421-09', 3),
      receiveOp(k.codeBlock, 1, { hamlet: '30421-08', procedure: 'marital' }),
      completeOp(`${k.codeBlock.agencyCode}-261126-${k.codeBlock.firstSeq}`, 1),
      receiveOp(k.codeBlock, 2, { hamlet: '30421-07' }),
      surveyOp('30421-07', 5, 5, 4),
    ] as SyncBody['ops'];

    // The app sent the first two ops and got its answer…
    const part = await app.inject({ method: 'POST', url: '/api/office/outreach/sync', headers: field, payload: { sessionId, ops: ops.slice(0, 2) } });
    expect(part.json().results.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);

    // …then resent everything (it never saw that answer), and the server stopped after the third op.
    const [member] = await officialsById(ctx.db, [ids['phulam.luudong']!]);
    const actor: Official = {
      kind: 'official',
      userId: member!.userId,
      fullName: member!.fullName,
      roles: member!.roles,
      unitCodes: member!.unitCodes,
      via: 'session',
    };
    const uploads = new UploadsService(ctx, { blobs: createBlobStore(config) });
    const crashing = new OutreachService(ctx, {
      dossiers: new DossierService(ctx, new CatalogService(ctx), { attachments: uploads }),
      uploads,
      hooks: {
        afterOp: async (i) => {
          if (i === 2) {
            await app.close();
            await first.close();
          }
        },
      },
    });
    const interrupted = await crashing.sync.apply(actor, { sessionId, ops });
    expect(interrupted.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'applied', 'rejected', 'rejected', 'rejected']);
    expect(interrupted.results.slice(3).every((r) => r.error?.retryable === true)).toBe(true);

    // Second life: same database, new process state. The phone retries with its offline credential.
    const second = await db.open();
    cleanups.push(() => second.close());
    const ctx2 = contextFor(config, second, clock);
    await prepareDatabase(ctx2, { demo: true });
    const app2 = await buildApp(ctx2);
    cleanups.push(() => app2.close());
    const cred = { 'x-outreach-credential': k.credential.token };
    const retry = await app2.inject({ method: 'POST', url: '/api/office/outreach/sync', headers: cred, payload: { sessionId, ops } });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'applied', 'applied', 'applied']);
    const again = await app2.inject({ method: 'POST', url: '/api/office/outreach/sync', headers: cred, payload: { sessionId, ops } });
    expect(again.json().summary).toEqual({ applied: 0, duplicate: 6, rejected: 0, conflict: 0 });

    // Exactly once, counted in the tables themselves.
    const opIds = ops.map((o) => o.id);
    const applied = await ctx2.db.selectFrom('outreach_op').select(['client_op_id', 'status']).where('client_op_id', 'in', opIds).execute();
    expect(applied).toHaveLength(6);
    expect(applied.every((r) => r.status === 'applied')).toBe(true);
    const codes = [0, 1, 2].map((i) => `${k.codeBlock.agencyCode}-261126-${k.codeBlock.firstSeq + i}`);
    expect(await ctx2.db.selectFrom('dossier').select('code').where('code', 'in', codes).execute()).toHaveLength(3);
    const events = await ctx2.db
      .selectFrom('dossier_event')
      .select(['dossier_code', 'type'])
      .where('dossier_code', 'in', codes)
      .orderBy('dossier_code')
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['submitted', 'complete_on_spot', 'submitted', 'submitted']);
    expect(await ctx2.db.selectFrom('outreach_consultation').select('client_op_id').where('client_op_id', 'in', opIds).execute()).toHaveLength(1);
    expect(await ctx2.db.selectFrom('outreach_survey').select('client_op_id').where('client_op_id', 'in', opIds).execute()).toHaveLength(1);
    const report = (
      await app2.inject({
        method: 'GET',
        url: `/api/office/outreach/sessions/${sessionId}/report`,
        headers: (await loginAs({ ctx: ctx2 }, 'official:phulam.quantri')).headers,
      })
    ).json();
    expect(report).toMatchObject({ received: 3, completedOnSpot: 1, consulted: 3, surveys: 1 });
  }, 240_000); // two server lives on a file-backed database: a busy machine takes minutes, not seconds
});
