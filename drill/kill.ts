/**
 * Drill (a), issue #10: `kill -9` the server N times under M concurrent submitters that retry with
 * the same Idempotency-Key until acknowledged. Each kill takes the server's whole process group
 * and is proven (no process of the group left, the port refusing connections, a new boot id once
 * it is back). After the last restart the drill counts acknowledged dossiers lost or duplicated,
 * gaps in the daily numbers, and verifies the audit chain.
 */
import type { Drill, DrillReport } from './types.ts';
import { countLedger, ledgerFailures } from './ledger.ts';
import { freePort, serverEnv, sleep, startServer, type ServerProcess } from './server.ts';
import { prepareDrillDatabase, type DrillDatabase } from './setup.ts';
import { startSubmitters, type Submitters } from './submitters.ts';
import type { ErrorEvent } from './load.ts';

/** Answers that break the contract: a 5xx other than 503, a 4xx to a valid body, a submission never acknowledged. */
export function answerFailures(errors: ErrorEvent[], unfinished: string[]): string[] {
  const f: string[] = [];
  const fivexx = errors.filter((e) => e.ev === '5xx');
  const refused = errors.filter((e) => e.ev === 'refused');
  if (fivexx.length) f.push(`${fivexx.length} answer(s) 5xx other than 503, e.g. ${fivexx[0]!.status} ${fivexx[0]!.body.slice(0, 200)}`);
  if (refused.length) f.push(`${refused.length} valid submission(s) refused, e.g. ${refused[0]!.status} ${refused[0]!.body.slice(0, 200)}`);
  if (unfinished.length) f.push(`${unfinished.length} submission(s) never acknowledged, e.g. ${unfinished[0]}`);
  return f;
}

const FULL = { kills: 20, submitters: 200, communes: 8, acksPerLife: 200 };
const SHORT = { kills: 3, submitters: 20, communes: 4, acksPerLife: 20 };

export const run: Drill = async (o) => {
  const size = o.full ? FULL : SHORT;
  const log = o.log ?? (() => undefined);
  const report: DrillReport = { drill: 'kill', engine: o.engine, figures: { kills: 0, submitters: size.submitters }, failures: [] };
  const failures = report.failures;
  let db: DrillDatabase | null = null;
  let server: ServerProcess | null = null;
  let load: Submitters | null = null;
  try {
    db = await prepareDrillDatabase({ engine: o.engine, adminUrl: o.postgresUrl, label: 'kill', communes: size.communes });
    const port = await freePort();
    const env = serverEnv(port, db.dataDir, db.databaseUrl);
    server = await startServer({ port, env });
    const boots = new Set([server.bootId]);
    load = startSubmitters({ url: server.url, counters: db.counters, submitters: size.submitters, runId: db.runId, finishMs: 60_000 });
    const restarts: number[] = [];
    for (let k = 1; k <= size.kills; k++) {
      // Each life of the server serves submissions before it dies (a condition, not a delay);
      // the random pause spreads the kill over every point of a request's life.
      await load.acked(load.acks.length + size.acksPerLife, 180_000);
      await sleep(Math.random() * 200);
      await server.kill9();
      report.figures.kills = k;
      const down = Date.now();
      server = await startServer({ port, env });
      restarts.push(Date.now() - down);
      if (boots.has(server.bootId)) failures.push(`kill ${k}: the server came back with a boot id seen before (${server.bootId}): the kill did not restart it`);
      boots.add(server.bootId);
      log(
        `kill ${k}/${size.kills}: proven dead, back in ${((Date.now() - down) / 1000).toFixed(1)} s (boot ${server.bootId.slice(0, 8)}), ${load.acks.length} acknowledged so far`,
      );
    }
    await load.acked(load.acks.length + size.acksPerLife, 180_000);
    const { acks, errors } = load;
    const summary = await load.stop();
    load = null;
    await server.stop();
    server = null;

    const ledger = await countLedger(db, acks);
    Object.assign(report.figures, {
      acknowledged: ledger.acknowledged,
      'retried until acknowledged': acks.filter((a) => a.attempts > 1).length,
      replayed: summary.replays,
      lost: ledger.lost,
      duplicated: ledger.duplicated,
      gaps: ledger.gaps,
      audit: ledger.audit.ok ? 'intact' : 'FAILED',
      'answers 503': summary.statuses['503'] ?? 0,
      'other 5xx': errors.filter((e) => e.ev === '5xx').length,
      'refused (4xx)': errors.filter((e) => e.ev === 'refused').length,
      'restart s (mean)': Number((restarts.reduce((a, b) => a + b, 0) / restarts.length / 1000).toFixed(1)),
    });
    failures.push(...ledgerFailures(ledger), ...answerFailures(errors, summary.unfinished));
  } catch (err) {
    failures.push(err instanceof Error ? err.message : String(err));
  } finally {
    load?.kill();
    await server?.stop().catch(() => undefined);
    await db?.dispose().catch((err: Error) => failures.push(`cleanup: ${err.message}`));
  }
  return report;
};
