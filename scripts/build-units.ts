/**
 * Builds the administrative map data in packages/server/data/units from the shared upstream
 * files: current units, pre-2025 units, old→new lineage, and demo hamlets for pilot communes.
 * Usage: npx tsx scripts/build-units.ts [sourceDir]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HistoricUnit } from '@motcua/core/units';
import { loadSource, withMergerSpelling } from './units/source.ts';
import { buildLineage } from './units/lineage.ts';
import { demoHamlets } from './units/hamlets.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = resolve(root, process.argv[2] ?? '../shared/data/admin-units');
const outDir = join(root, 'packages/server/data/units');

/** Pilot communes that get demo hamlets. */
const DEMO_HAMLET_UNITS = ['30421', '30790'];

/** One record per line: compact, yet diffs stay readable. */
function writeRecords(file: string, records: unknown[]): void {
  writeFileSync(join(outDir, file), `[\n${records.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`);
}

const source = loadSource(sourceDir);
const { history, merger } = source;
const current = withMergerSpelling(source.current, merger);
const report = buildLineage(current, history, merger);
const oldByCode = new Map(history.map((u) => [u.code, u]));
const lineageByCode = new Map(report.lineage.map((e) => [e.code, e]));

const hamlets = DEMO_HAMLET_UNITS.flatMap((code) => {
  const unit = current.find((u) => u.code === code);
  const entry = lineageByCode.get(code);
  if (!unit || !entry) throw new Error(`Demo unit ${code} missing`);
  return demoHamlets(
    unit,
    entry.predecessors.map((c) => oldByCode.get(c)).filter((u): u is HistoricUnit => !!u),
  );
});

mkdirSync(outDir, { recursive: true });
writeRecords('current.json', current);
writeRecords('history.json', history);
writeRecords('lineage.json', report.lineage);
writeRecords('demo-hamlets.json', hamlets);

const count = (pred: (code: string) => boolean, list: { code: string }[]) => list.filter((u) => pred(u.code)).length;
console.log(
  `current: ${count((c) => c.length === 2, current)} provinces, ${count((c) => c.length === 5, current)} communes; ` +
    `history: ${count((c) => c.length === 2, history)} provinces, ${count((c) => c.length === 3, history)} districts, ` +
    `${count((c) => c.length === 5, history)} communes; demo hamlets: ${hamlets.length}`,
);
for (const p of report.problems) console.log(`note: ${p}`);
for (const n of report.nearSpelling) console.log(`near spelling: ${n}`);
for (const u of report.unmatched) console.log(`unmatched: ${u.code} ${u.unit}: "${u.name}"`);
console.log(
  `unmatched names: ${report.unmatched.length} of ${report.mentions}; ` +
    `near spelling: ${report.nearSpelling.length}; settled by tie-break: ${report.tieBroken}`,
);
