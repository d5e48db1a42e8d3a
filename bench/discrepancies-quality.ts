import {
  DISCREPANCY_TYPES,
  findDiscrepancies,
  lineagePlaceKey,
  headerKey,
  parseCivilRow,
  parsePopulationRow,
  type CivilStatusRecord,
  type Discrepancy,
  type PopulationRecord,
  type RawRow,
} from '@motcua/core/discrepancies';
import type { UnitIndex } from '@motcua/core/units';
import { ELSEWHERE, generateExtracts, PHU_LAM_PLACE, type Extracts } from '../scripts/discrepancies/generate.ts';

export function parseExtracts(x: Extracts): { civil: CivilStatusRecord[]; population: PopulationRecord[] } {
  const rows = (header: string[], data: string[][]) => {
    const keys = header.map(headerKey);
    return data.map((row) => Object.fromEntries(keys.map((k, i) => [k, row[i] ?? ''])) as RawRow);
  };
  const civil = rows(x.civilHeader, x.civil).map((r, i) => parseCivilRow(r, i + 2));
  const population = rows(x.populationHeader, x.population).map((r, i) => parsePopulationRow(r, i + 2));
  const bad = [...civil, ...population].filter((r) => !r.ok);
  if (bad.length) throw new Error(`generated rows refused: ${JSON.stringify(bad.slice(0, 3))}`);
  return {
    civil: civil.map((r) => (r as { record: CivilStatusRecord }).record),
    population: population.map((r) => (r as { record: PopulationRecord }).record),
  };
}

export interface TypeQuality {
  type: string;
  planted: number;
  found: number;
  correct: number;
  precision: number;
  recall: number;
}

const keyOf = (type: string, civil: string | null, pop: string | null) =>
  type === 'duplicate_person' ? `${type}|${pop}` : `${type}|${civil ?? ''}|${pop ?? ''}`;

/** Precision and recall per type: a found discrepancy is right when a planted one has its type and records. */
export function quality(x: Extracts, found: readonly Discrepancy[]): TypeQuality[] {
  const truth = new Set(x.planted.map((p) => keyOf(p.type, p.civilKey, p.populationKey)));
  const got = new Set(found.map((d) => keyOf(d.type, d.civil?.key ?? null, d.type === 'duplicate_person' ? d.other!.key : (d.population?.key ?? null))));
  const rows: TypeQuality[] = [];
  for (const type of [...DISCREPANCY_TYPES, 'all']) {
    const t = [...truth].filter((k) => type === 'all' || k.startsWith(`${type}|`));
    const g = [...got].filter((k) => type === 'all' || k.startsWith(`${type}|`));
    const correct = g.filter((k) => truth.has(k)).length;
    rows.push({ type, planted: t.length, found: g.length, correct, precision: g.length ? correct / g.length : 1, recall: t.length ? correct / t.length : 1 });
  }
  return rows;
}

export function runQuality(index: UnitIndex, people: number, seed = 14) {
  const x = generateExtracts({
    people,
    seed,
    hamlets: ['Ấp Phú Lâm 1', 'Ấp Phú Lâm 2', 'Ấp Long Hoà 1', 'Ấp Phú Long 3'],
    place: PHU_LAM_PLACE,
    elsewhere: ELSEWHERE,
  });
  const { civil, population } = parseExtracts(x);
  const result = findDiscrepancies(civil, population, { placeKey: lineagePlaceKey(index) });
  return { extracts: x, result, quality: quality(x, result.discrepancies) };
}
