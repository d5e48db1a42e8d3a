// `npm run drill`: every drill in full, on PostgreSQL and on PGlite, one table at the end.
// `npm run drill -- <name>` runs the drills whose name contains <name>.
import type { Drill, DrillReport } from './types.ts';
import { startDrillPostgres } from './postgres.ts';

const drills: Record<string, () => Promise<Drill>> = {
  'access-matrix': async () => (await import('./access-matrix.ts')).run,
  fuzz: async () => (await import('./fuzz.ts')).run,
  kill: async () => (await import('./kill.ts')).run,
  'pg-restart': async () => (await import('./pg-restart.ts')).run,
};

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const pg = await startDrillPostgres();
const reports: DrillReport[] = [];
try {
  for (const [name, load] of Object.entries(drills)) {
    if (only.length && !only.some((o) => name.includes(o))) continue;
    const drill = await load();
    for (const engine of ['postgres', 'pglite'] as const) {
      console.log(`\n== ${name} on ${engine} ==`);
      const started = Date.now();
      const report = await drill({ engine, full: true, postgresUrl: pg.url, log: (l) => console.log(`  ${l}`) });
      report.figures.seconds = Math.round((Date.now() - started) / 1000);
      reports.push(report);
    }
  }
} finally {
  pg.stop();
}
for (const r of reports) {
  console.log(`\n${r.drill} (${r.engine})`);
  console.table(r.figures);
  for (const f of r.failures) console.log(`  FAILED: ${f}`);
}
const failed = reports.filter((r) => r.failures.length);
console.log(failed.length ? `\n${failed.length} drill run(s) failed` : `\nall ${reports.length} drill runs passed`);
process.exit(failed.length ? 1 : 0);
