import { vietnamDate } from '../dossier/clock.ts';
import { deriveDossier, evolve } from '../dossier/derive.ts';
import { timeliness } from '../dossier/timeliness.ts';
import type { Channel, DossierEvent, DossierView } from '../dossier/types.ts';

/**
 * The insights rollup: counts per unit × Vietnam day × procedure × channel, kept by adding each
 * recorded event's contribution (`contribution`), so the table is a sum over the event log and can
 * be rebuilt from it. Every Decision 766 figure Motcua computes from dossiers is a sum of these
 * counters over a period (indicators.ts); dossiers still open at a date are derived from them too
 * (`openAt`), so "carried over" needs no scan of the dossiers either.
 */
export const COUNTERS = [
  'received', // dossiers submitted or received (tiếp nhận), by the unit that took them
  'digitised', // of those, intake with every component stored as a file (at least one file, no paper-only note)
  'early', // result ready on a day before the appointment day (trước hạn)
  'onTime', // result ready on the appointment day, not after it (đúng hạn)
  'late', // result ready after the appointment (quá hạn)
  'closedWithoutResult', // refused at intake, withdrawn or cancelled before a result
  'transferredIn',
  'transferredOut',
  'supplementRequests',
  'apologies',
  'returned', // results handed over
  'returnedElectronic', // of those, handed over as an electronic document
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counts = Record<Counter, number>;

export interface RollupKey {
  unitCode: string;
  /** Vietnam calendar day, YYYY-MM-DD. */
  day: string;
  procedureCode: string;
  channel: Channel;
}
export type RollupRow = RollupKey & Counts;
export type RollupDelta = RollupKey & Partial<Counts>;

export const zeroCounts = (): Counts => Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counts;

/** What the dossier's intake says about its files (the event log keeps the intake beside the first event). */
export interface IntakeFacts {
  files: number;
}

/**
 * What one event adds to the rollup, given the dossier's view before and after it. `unitOf` maps a
 * unit code to the unit the figures are kept for (the 2025 successor of a merged commune), so an
 * old commune's history counts for the commune that took over from it.
 */
export function contribution(
  before: DossierView | null,
  event: DossierEvent,
  after: DossierView,
  intake: IntakeFacts,
  unitOf: (code: string) => string = (c) => c,
): RollupDelta[] {
  const at = new Date(event.at);
  const base = { day: vietnamDate(at), procedureCode: after.procedureCode, channel: after.channel };
  const here = (unitCode: string, counts: Partial<Counts>): RollupDelta => ({ ...base, unitCode: unitOf(unitCode), ...counts });
  switch (event.type) {
    case 'submitted':
      return [here(after.unitCode, { received: 1, ...(intake.files > 0 ? { digitised: 1 } : {}) })];
    case 'mark_result_ready':
    case 'complete_on_spot': {
      if (before?.resultReadyAt) return [];
      // An apology with a new date (phiếu xin lỗi và hẹn lại, Decree 61/2018/NĐ-CP one-stop rules)
      // is written only for a dossier past its time limit, so it stays late (quá hạn) for the
      // indicators even when the new date is kept.
      const t = after.apologyCount > 0 ? 'late' : timeliness(after, at, NO_WORKING_DAYS);
      return [here(after.unitCode, t === 'early' ? { early: 1 } : t === 'late' ? { late: 1 } : { onTime: 1 })];
    }
    case 'refuse_intake':
    case 'withdraw':
    case 'cancel':
      return before && before.resultReadyAt === null && before.closure === null ? [here(before.unitCode, { closedWithoutResult: 1 })] : [];
    case 'transfer':
      if (!before || unitOf(before.unitCode) === unitOf(after.unitCode)) return [];
      return [here(before.unitCode, { transferredOut: 1 }), here(after.unitCode, { transferredIn: 1 })];
    case 'request_supplement':
      return [here(after.unitCode, { supplementRequests: 1 })];
    case 'record_apology':
      return [here(after.unitCode, { apologies: 1 })];
    case 'return_result':
      return [here(after.unitCode, { returned: 1, ...(event.data.method === 'electronic' ? { returnedElectronic: 1 } : {}) })];
    default:
      return [];
  }
}

/** timeliness only counts working days for a running dossier; a finished one never asks. */
const NO_WORKING_DAYS = { workingDaysBetween: () => Number.POSITIVE_INFINITY };

export const keyOf = (k: RollupKey) => `${k.unitCode}|${k.day}|${k.procedureCode}|${k.channel}`;

/** Adds deltas into rows keyed by unit × day × procedure × channel (the table's upsert, in memory). */
export function accumulate(rows: Map<string, RollupRow>, deltas: readonly RollupDelta[]): Map<string, RollupRow> {
  for (const d of deltas) {
    const k = keyOf(d);
    const row = rows.get(k) ?? { unitCode: d.unitCode, day: d.day, procedureCode: d.procedureCode, channel: d.channel, ...zeroCounts() };
    for (const c of COUNTERS) row[c] += d[c] ?? 0;
    rows.set(k, row);
  }
  return rows;
}

/** Sums rows into one set of counts. */
export function total(rows: Iterable<Counts>): Counts {
  const t = zeroCounts();
  for (const r of rows) for (const c of COUNTERS) t[c] += r[c];
  return t;
}

/** Dossiers the units held, not finished or closed, at the start of `day` (carried over into it). */
export function openAt(rows: Iterable<RollupRow>, day: string): number {
  let n = 0;
  for (const r of rows) {
    if (r.day >= day) continue;
    n += r.received + r.transferredIn - r.transferredOut - r.early - r.onTime - r.late - r.closedWithoutResult;
  }
  return n;
}

/** The whole log of one dossier folded into its contributions (the rebuild command's unit of work). */
export function contributionsOf(events: readonly DossierEvent[], intake: IntakeFacts, unitOf?: (code: string) => string): RollupDelta[] {
  const out: RollupDelta[] = [];
  let view: DossierView | null = null;
  for (const e of events) {
    const next: DossierView = view ? evolve(view, e) : deriveDossier([e]);
    out.push(...contribution(view, e, next, intake, unitOf));
    view = next;
  }
  return out;
}
