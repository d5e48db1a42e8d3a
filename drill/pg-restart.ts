/**
 * Drill (b), issue #10: PostgreSQL restarts under load. A throw-away cluster of the drill's own
 * (never the shared one) is restarted with `pg_ctl restart -m fast`, then `-m immediate`, while
 * submitters keep filing dossiers. Reported: seconds from the database accepting connections again
 * to the first acknowledged submission (≤ 5 s), 503s versus any other 5xx (0), lost or duplicated
 * acknowledged dossiers (0), and that the server process never exited (same boot id throughout).
 *
 * On the PGlite engine there is no server to restart; the drill runs PGlite's own faults through
 * the real server process instead: a second process on the same data folder, an unwritable data
 * folder and a full disk must each stop the start with a clear message and a non-zero exit,
 * leaving the running server and its data untouched.
 */
import pg from 'pg';
import { startTestPostgres } from '../scripts/test-postgres.mjs';
import type { Drill, DrillOptions, DrillReport } from './types.ts';
import { answerFailures } from './kill.ts';
import { countLedger, ledgerFailures } from './ledger.ts';
import { pgliteFaultChecks } from './pglite-faults.ts';
import { freePort, health, serverEnv, sleep, startServer, waitFor, type ServerProcess } from './server.ts';
import { prepareDrillDatabase, type DrillDatabase } from './setup.ts';
import { startSubmitters, type Submitters } from './submitters.ts';

const FULL = { submitters: 200, communes: 8, acksBetween: 200 };
const SHORT = { submitters: 20, communes: 4, acksBetween: 20 };
/** The issue's bound: submissions succeed again within this of the database accepting connections. */
export const RECOVERY_LIMIT_S = 5;

async function accepts(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  c.on('error', () => undefined);
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

export const run: Drill = async (o) => (o.engine === 'pglite' ? pgliteFaultChecks(o) : restarts(o));

async function restarts(o: DrillOptions): Promise<DrillReport> {
  const size = o.full ? FULL : SHORT;
  const log = o.log ?? (() => undefined);
  const report: DrillReport = { drill: 'pg-restart', engine: o.engine, figures: { submitters: size.submitters }, failures: [] };
  const failures = report.failures;
  let cluster: Awaited<ReturnType<typeof startTestPostgres>> | null = null;
  let db: DrillDatabase | null = null;
  let server: ServerProcess | null = null;
  let load: Submitters | null = null;
  try {
    // fsync on: what survives `-m immediate` must be what was really on disk. A port below the
    // ephemeral range, as the server's (see freePort): the pool reconnects while it is down.
    cluster = await startTestPostgres({ port: await freePort(), durable: true });
    db = await prepareDrillDatabase({ engine: 'postgres', adminUrl: cluster.url, label: 'pgrestart', communes: size.communes });
    const port = await freePort();
    server = await startServer({ port, env: serverEnv(port, db.dataDir, db.databaseUrl) });
    const bootId = server.bootId;
    load = startSubmitters({ url: server.url, counters: db.counters, submitters: size.submitters, runId: db.runId, finishMs: 60_000 });

    for (const mode of ['fast', 'immediate'] as const) {
      await load.acked(load.acks.length + size.acksBetween, 180_000);
      const started = Date.now();
      // Watch the database from outside while pg_ctl restarts it: the first connection that
      // works after one that did not is the moment it accepts again.
      let sawDown = false;
      let acceptedAt = 0;
      let restartedAt = 0;
      let restartError: unknown = null;
      const restarting = cluster.restart(mode).then(
        () => {
          restartedAt = Date.now();
        },
        (err: unknown) => {
          restartError = err;
        },
      );
      const deadline = Date.now() + 120_000;
      while (!acceptedAt) {
        if (restartError) throw restartError;
        if (Date.now() > deadline) throw new Error(`PostgreSQL did not accept connections within 120 s of restart -m ${mode}`);
        const ok = await accepts(db.databaseUrl);
        // Up after being seen down; or, if the restart was too quick to catch, up after pg_ctl said so.
        if (ok && (sawDown || restartedAt)) acceptedAt = Date.now();
        else {
          if (!ok) sawDown = true;
          await sleep(20);
        }
      }
      await restarting;
      const first = await waitFor(`a submission acknowledged after the ${mode} restart`, () => load!.acks.find((a) => a.at >= acceptedAt), 60_000, 20).catch(
        () => null,
      );
      const recovery = first ? (first.at - acceptedAt) / 1000 : Infinity;
      const unavailable = load.unavailable.filter((u) => u.at >= started && u.at <= (first?.at ?? Date.now()));
      report.figures[`${mode}: s to first submission`] = Number.isFinite(recovery) ? Number(recovery.toFixed(2)) : 'never';
      report.figures[`${mode}: answers 503`] = unavailable.length;
      log(
        `restart -m ${mode}: database back after ${((acceptedAt - started) / 1000).toFixed(2)} s, first submission ${Number.isFinite(recovery) ? recovery.toFixed(2) : 'never'} s later, ${unavailable.length} × 503`,
      );
      if (!(recovery <= RECOVERY_LIMIT_S))
        failures.push(
          `after restart -m ${mode}: first acknowledged submission ${Number.isFinite(recovery) ? `${recovery.toFixed(2)} s` : 'never'} after the database accepted connections (limit ${RECOVERY_LIMIT_S} s)`,
        );
      const bad = unavailable.filter((u) => !u.retryAfter || !u.problem);
      if (bad.length) failures.push(`${bad.length} 503 answer(s) without Retry-After or problem+json detailVi/detailEn`);
      if (server.exited()) failures.push(`the server exited (code ${server.exitCode()}) during restart -m ${mode}`);
    }
    await load.acked(load.acks.length + size.acksBetween, 180_000);
    const h = await health(server.url, 20_000);
    if (server.exited() || h?.bootId !== bootId)
      failures.push(`the server process did not survive: exited=${server.exited()}, boot id ${h?.bootId ?? 'none'} (was ${bootId})`);
    report.figures['server exited'] = server.exited() ? 'yes' : 'no';

    const { acks, errors, unavailable } = load;
    const summary = await load.stop();
    load = null;
    await server.stop();
    server = null;
    const ledger = await countLedger(db, acks);
    Object.assign(report.figures, {
      acknowledged: ledger.acknowledged,
      lost: ledger.lost,
      duplicated: ledger.duplicated,
      gaps: ledger.gaps,
      audit: ledger.audit.ok ? 'intact' : 'FAILED',
      'answers 503': unavailable.length,
      'other 5xx': errors.filter((e) => e.ev === '5xx').length,
    });
    failures.push(...ledgerFailures(ledger), ...answerFailures(errors, summary.unfinished));
  } catch (err) {
    failures.push(err instanceof Error ? err.message : String(err));
  } finally {
    load?.kill();
    await server?.stop().catch(() => undefined);
    await db?.dispose().catch((err: Error) => failures.push(`cleanup: ${err.message}`));
    cluster?.stop();
  }
  return report;
}
