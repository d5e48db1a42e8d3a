import { sql } from 'kysely';
import { COUNTERS, zeroCounts, type Counts } from '@motcua/core/insights';
import type { Db } from '../../db/database.ts';
import { ROLLUP_COLUMN } from './rollup-store.ts';

/** Sums of the rollup for a period, one line per (group, procedure, channel). */
export interface SumLine extends Counts {
  group: string;
  procedureCode: string;
  channel: string;
}

const sums = () => sql.join(COUNTERS.map((c) => sql.raw(`coalesce(sum(${ROLLUP_COLUMN[c]}), 0)::int as "${c}"`)));

/**
 * The rollup summed over [fromDay, toDay] for the units, by `group` (the unit, the month, or one
 * line) × procedure × channel: the index's (unit_code, day) prefix keeps this to the period's rows.
 */
export async function sumLines(db: Db, units: readonly string[], fromDay: string, toDay: string, group: 'unit' | 'month' | 'all'): Promise<SumLine[]> {
  if (units.length === 0) return [];
  const g = group === 'unit' ? sql`unit_code` : group === 'month' ? sql`to_char(day, 'YYYY-MM')` : sql`''`;
  const r = await sql<SumLine>`
    select ${g} as "group", procedure_code as "procedureCode", channel, ${sums()}
    from insight_rollup
    where unit_code in (${sql.join(units)}) and day >= ${fromDay}::date and day <= ${toDay}::date
    group by 1, 2, 3`.execute(db);
  return r.rows.map((x) => ({ ...x, ...Object.fromEntries(COUNTERS.map((c) => [c, Number(x[c])])) }));
}

/** Dossiers each unit held open at the start of `day` (core/insights openAt, summed in SQL). */
export async function openAtByUnit(db: Db, units: readonly string[], day: string): Promise<Map<string, number>> {
  if (units.length === 0) return new Map();
  const r = await sql<{ unit: string; n: number }>`
    select unit_code as unit, coalesce(sum(received + transferred_in - transferred_out - early - on_time - late - closed_without_result), 0)::int as n
    from insight_rollup where unit_code in (${sql.join(units)}) and day < ${day}::date group by unit_code`.execute(db);
  return new Map(r.rows.map((x) => [x.unit, Number(x.n)]));
}

export function addCounts(into: Counts, from: Counts): Counts {
  for (const c of COUNTERS) into[c] += from[c];
  return into;
}
export { zeroCounts };
