import { sql } from 'kysely';
import { accumulate, COUNTERS, contribution, contributionsOf, type Counter, type Counts, type RollupDelta, type RollupRow } from '@motcua/core/insights';
import { inTransaction, type Db } from '../../db/database.ts';
import type { DossierEventHook } from '../dossiers/index.ts';
import { forEachDossierLog } from '../dossiers/index.ts';
import { unitIndex } from '../units/index.ts';

/** Column of each counter (core names in camelCase, the table's in snake_case). */
const COLUMN: Record<Counter, string> = {
  received: 'received',
  digitised: 'digitised',
  early: 'early',
  onTime: 'on_time',
  late: 'late',
  closedWithoutResult: 'closed_without_result',
  transferredIn: 'transferred_in',
  transferredOut: 'transferred_out',
  supplementRequests: 'supplement_requests',
  apologies: 'apologies',
  returned: 'returned',
  returnedElectronic: 'returned_electronic',
};

/** The unit a code's figures are kept for: itself when current, else its main 2025 successor (lineage). */
export function figuresUnitOf(code: string): string {
  const index = unitIndex();
  if (index.current.has(code)) return code;
  return index.successors.get(code)?.[0] ?? code;
}

/** Adds deltas to the rollup in one statement (rows merged first: one upsert may not touch a key twice). */
export async function addToRollup(db: Db, deltas: readonly RollupDelta[]): Promise<void> {
  const rows = [...accumulate(new Map(), deltas).values()];
  for (let i = 0; i < rows.length; i += 1000) await upsert(db, rows.slice(i, i + 1000));
}

async function upsert(db: Db, rows: RollupRow[]): Promise<void> {
  if (rows.length === 0) return;
  const cols = COUNTERS.map((c) => sql.raw(COLUMN[c]));
  const values = rows.map((r) => sql`(${r.unitCode}, ${r.day}::date, ${r.procedureCode}, ${r.channel}, ${sql.join(COUNTERS.map((c) => r[c]))})`);
  const sets = COUNTERS.map((c) => sql.raw(`${COLUMN[c]} = insight_rollup.${COLUMN[c]} + excluded.${COLUMN[c]}`));
  await sql`insert into insight_rollup (unit_code, day, procedure_code, channel, ${sql.join(cols)})
    values ${sql.join(values)}
    on conflict (unit_code, day, procedure_code, channel) do update set ${sql.join(sets)}`.execute(db);
}

/**
 * The dossiers module's event hook: each event's contribution lands in the same transaction as
 * the event, so the figures never lag or drift from the log (an outbox job could be lost to a
 * crash between two jobs' effects only if it were not idempotent; adding counts is not, and the
 * same transaction needs no de-duplication at all).
 */
export const insightsDossierHook: DossierEventHook = async (trx, { event, before, after, intake }) => {
  await addToRollup(trx, contribution(before, event, after, { files: intake.attachments.length }, figuresUnitOf));
};

/** Rebuilds the whole rollup from the event log in one transaction; returns the dossiers folded. */
export async function rebuildRollup(db: Db): Promise<number> {
  return inTransaction(db, async (trx) => {
    await sql`delete from insight_rollup`.execute(trx);
    let pending: RollupDelta[] = [];
    const n = await forEachDossierLog(trx, async (events, intake) => {
      pending.push(...contributionsOf(events, intake, figuresUnitOf));
      if (pending.length >= 5000) {
        await addToRollup(trx, pending);
        pending = [];
      }
    });
    await addToRollup(trx, pending);
    return n;
  });
}

export type RollupSums = Counts & { online: number; counter: number; outreach: number; postal: number };

/** Rows of the rollup for these units and days, as core's RollupRow (for tests and exports). */
export async function rollupRows(db: Db, unitCodes: readonly string[]): Promise<RollupRow[]> {
  if (unitCodes.length === 0) return [];
  const r = await sql<Record<string, unknown>>`select *, day::text as day_text from insight_rollup where unit_code in (${sql.join(unitCodes)})`.execute(db);
  return r.rows.map((x) => {
    const day = String(x.day_text);
    return {
      unitCode: String(x.unit_code),
      day,
      procedureCode: String(x.procedure_code),
      channel: x.channel as RollupRow['channel'],
      ...(Object.fromEntries(COUNTERS.map((c) => [c, Number(x[COLUMN[c]])])) as Counts),
    };
  });
}

export { COLUMN as ROLLUP_COLUMN };
