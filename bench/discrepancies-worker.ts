import { createReadStream } from 'node:fs';
import path from 'node:path';
import {
  findDiscrepancies,
  lineagePlaceKey,
  parseCivilRow,
  parsePopulationRow,
  readHeaders,
  type CivilStatusRecord,
  type PopulationRecord,
  type RawRow,
} from '@motcua/core/discrepancies';
import { unitIndex } from '../packages/server/src/modules/units/lookup.ts';
import { readRows } from '../packages/server/src/modules/discrepancies/reader.ts';

/** One measurement in its own process (bench/discrepancies.bench.ts): `match` or `join`, over the files in a folder. */
const [mode, dir] = process.argv.slice(2) as ['match' | 'join', string];

async function read<T>(file: string, kind: 'civil_status' | 'population', parse: (raw: RawRow, row: number) => { ok: boolean; record?: T }): Promise<T[]> {
  const out: T[] = [];
  let keys: string[] | null = null;
  for await (const { row, cells } of readRows(createReadStream(file))) {
    if (!keys) {
      const h = readHeaders(kind, cells);
      if (!h.ok) throw new Error(`bad header ${h.missing}`);
      keys = h.keys;
      continue;
    }
    const raw: RawRow = {};
    keys.forEach((k, i) => {
      raw[k] = cells[i] ?? '';
    });
    const r = parse(raw, row);
    if (r.ok) out.push(r.record as T);
  }
  return out;
}

const t0 = performance.now();
let found = 0;
if (mode === 'match') {
  const civil = await read<CivilStatusRecord>(path.join(dir, 'civil.csv'), 'civil_status', parseCivilRow);
  const population = await read<PopulationRecord>(path.join(dir, 'population.csv'), 'population', parsePopulationRow);
  found = findDiscrepancies(civil, population, { placeKey: lineagePlaceKey(unitIndex()) }).discrepancies.length;
} else {
  // The baseline: the same streamed rows, kept as raw cells, joined on so_dinh_danh alone.
  const byId = new Map<string, string[]>();
  let header: string[] | null = null;
  for await (const { cells } of readRows(createReadStream(path.join(dir, 'population.csv')))) {
    if (!header) header = cells;
    else byId.set(cells[0]!, cells);
  }
  header = null;
  let idAt = -1;
  for await (const { cells } of readRows(createReadStream(path.join(dir, 'civil.csv')))) {
    if (!header) {
      header = cells;
      idAt = header.findIndex((h) => h.toLowerCase().includes('định danh') || h === 'so_dinh_danh');
      continue;
    }
    if (byId.has(cells[idAt] ?? '')) found++;
  }
}
const ms = Math.round(performance.now() - t0);
process.stdout.write(`${JSON.stringify({ ms, peakMb: Math.round(process.resourceUsage().maxRSS / 1024), found })}\n`);
