import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/**
 * Read functions over the dossier projection for other modules' figures (insights' leader
 * figures, outreach's hamlet suggestions). Aggregates only: nothing here returns a name, a CCCD
 * or a phone number. They stay in SQL, beside the table, because counting in the database is
 * the point (docs/decisions.md, "Modules own their tables").
 */

export interface Period {
  from: Date;
  to: Date;
}

export interface DossierFigures {
  received: number;
  online: number;
  counter: number;
  outreach: number;
  postal: number;
  finished: number;
  finishedOnTime: number;
  lateNow: number;
  inProgress: number;
  apologies: number;
}

/** One row per unit of `unitCodes` that has dossiers, in code order; the caller adds them up. */
export async function dossierFiguresByUnit(
  db: Db,
  unitCodes: readonly string[],
  period: Period,
  now: Date,
): Promise<(DossierFigures & { unitCode: string })[]> {
  if (unitCodes.length === 0) return [];
  const r = await sql<DossierFigures & { unitCode: string }>`
    select
      d.unit_code as "unitCode",
      count(*) filter (where coalesce(d.received_at, d.submitted_at) >= ${period.from} and coalesce(d.received_at, d.submitted_at) < ${period.to})::int as received,
      count(*) filter (where d.channel = 'online' and d.submitted_at >= ${period.from} and d.submitted_at < ${period.to})::int as online,
      count(*) filter (where d.channel = 'counter' and coalesce(d.received_at, d.submitted_at) >= ${period.from} and coalesce(d.received_at, d.submitted_at) < ${period.to})::int as counter,
      count(*) filter (where d.channel = 'outreach' and coalesce(d.received_at, d.submitted_at) >= ${period.from} and coalesce(d.received_at, d.submitted_at) < ${period.to})::int as outreach,
      count(*) filter (where d.channel = 'postal' and coalesce(d.received_at, d.submitted_at) >= ${period.from} and coalesce(d.received_at, d.submitted_at) < ${period.to})::int as postal,
      count(*) filter (where d.result_ready_at >= ${period.from} and d.result_ready_at < ${period.to})::int as finished,
      count(*) filter (where d.result_ready_at >= ${period.from} and d.result_ready_at < ${period.to} and d.due_at is not null and d.result_ready_at <= d.due_at)::int as "finishedOnTime",
      count(*) filter (where d.result_ready_at is null and d.closed_at is null and d.paused_at is null and d.due_at < ${now})::int as "lateNow",
      count(*) filter (where d.result_ready_at is null and d.closed_at is null and d.received_at is not null)::int as "inProgress",
      coalesce(sum((select count(*) from dossier_event e where e.dossier_code = d.code and e.type = 'record_apology' and e.at >= ${period.from} and e.at < ${period.to})), 0)::int as apologies
    from dossier d
    where d.unit_code in (${sql.join(unitCodes)})
    group by d.unit_code
    order by d.unit_code`.execute(db);
  return r.rows;
}

/** Dossiers filed from each hamlet of the unit (the applicant's hamlet) since a date. */
export async function dossiersByHamlet(db: Db, unitCode: string, since: Date): Promise<Map<string, number>> {
  const r = await sql<{ hamlet: string; n: number }>`
    select hamlet, count(*)::int as n from dossier
    where hamlet like ${unitCode + '-%'} and submitted_at >= ${since} group by hamlet`.execute(db);
  return new Map(r.rows.map((x) => [x.hamlet, Number(x.n)]));
}

/** Dossiers of the units past their appointment now, still running (not paused, closed or finished). */
export async function dossiersLateNow(db: Db, unitCodes: readonly string[], now: Date): Promise<number> {
  if (unitCodes.length === 0) return 0;
  const r = await sql<{ n: number }>`
    select count(*)::int as n from dossier
    where unit_code in (${sql.join(unitCodes)}) and coalesce(due_at, 'infinity'::timestamptz) < ${now}
      and result_ready_at is null and closed_at is null and paused_at is null`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}
