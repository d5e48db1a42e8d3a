import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { unitIndex } from '../packages/server/src/modules/units/lookup.ts';
import { ELSEWHERE, generateExtracts, PHU_LAM_PLACE, toCsv } from '../scripts/discrepancies/generate.ts';
import { runQuality } from './discrepancies-quality.ts';

/**
 * Civil status against population data (issue #14):
 * 1. precision and recall per discrepancy type on 20,000 generated people with planted
 *    discrepancies and traps (tone-mark placement, swapped day/month, year-only dates, missing IDs,
 *    old addresses);
 * 2. a large pair of extracts streamed from CSV and matched, time and peak memory, beside a plain
 *    join on so_dinh_danh over the same files — each in its own process, so peak memory is its own.
 *    Rows: BENCH_DISCREPANCY_ROWS (default 200,000 each side; the 1,000,000 runs with
 *    BENCH_DISCREPANCY_ROWS=1000000 and takes several minutes on the 2-core machine).
 */
export async function run() {
  const out: { benchmark: string; motcua: string; baseline: string; ratio: string }[] = [];
  const q = runQuality(unitIndex(), 20_000);
  for (const r of q.quality) {
    out.push({
      benchmark: `${r.type}: precision / recall (${r.planted} planted, ${r.found} found)`,
      motcua: `${r.precision.toFixed(3)} / ${r.recall.toFixed(3)}`,
      baseline: 'goal ≥ 0.98 / ≥ 0.95 overall, ≥ 0.9 each',
      ratio: '',
    });
  }
  const rows = Number(process.env.BENCH_DISCREPANCY_ROWS ?? 200_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'motcua-disc-'));
  try {
    const x = generateExtracts({
      people: rows,
      seed: 7,
      hamlets: ['Ấp Phú Lâm 1', 'Ấp Phú Lâm 2', 'Ấp Long Hoà 1'],
      place: PHU_LAM_PLACE,
      elsewhere: ELSEWHERE,
    });
    writeFileSync(path.join(dir, 'civil.csv'), toCsv(x.civilHeader, x.civil, ';'));
    writeFileSync(path.join(dir, 'population.csv'), toCsv(x.populationHeader, x.population, ','));
    const worker = path.join(path.dirname(fileURLToPath(import.meta.url)), 'discrepancies-worker.ts');
    const measure = (mode: string) =>
      JSON.parse(
        execFileSync(process.execPath, ['--import', 'tsx', worker, mode, dir], { encoding: 'utf8', maxBuffer: 1 << 20 })
          .trim()
          .split('\n')
          .at(-1)!,
      ) as {
        ms: number;
        peakMb: number;
        found: number;
      };
    const match = measure('match');
    const join = measure('join');
    const label = `${x.civil.length.toLocaleString('en')} civil-status × ${x.population.length.toLocaleString('en')} population rows`;
    out.push({
      benchmark: `${label}: stream + match, time`,
      motcua: `${(match.ms / 1000).toFixed(1)} s`,
      baseline: `${(join.ms / 1000).toFixed(1)} s (plain join on so_dinh_danh)`,
      ratio: `${(match.ms / join.ms).toFixed(2)}×`,
    });
    out.push({
      benchmark: `${label}: peak memory (RSS)`,
      motcua: `${match.peakMb} MB`,
      baseline: `${join.peakMb} MB`,
      ratio: `${(match.peakMb / join.peakMb).toFixed(2)}×`,
    });
    out.push({ benchmark: `${label}: found`, motcua: `${match.found} discrepancies`, baseline: `${join.found} pairs joined by ID`, ratio: '' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
