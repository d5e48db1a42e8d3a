import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export interface OutreachFigures {
  received: number;
  completedOnSpot: number;
  peopleGuided: number;
  surveys: number;
  satisfied: number;
  averageRating: number | null;
}

/**
 * The outreach tally of the sessions held in `unitCodes` over a period, for insights' leader
 * figures: aggregates only, no name, CCCD or phone number.
 */
export async function outreachFigures(db: Db, unitCodes: readonly string[], period: { from: Date; to: Date }): Promise<OutreachFigures> {
  const units = unitCodes.length ? sql`s.unit_code in (${sql.join(unitCodes)})` : sql`false`;
  const sessions = sql`select s.id from outreach_session s where ${units}`;
  const dossiers = await sql<{ received: number; completedOnSpot: number }>`
    select count(*)::int as received, count(completed_on_spot_at)::int as "completedOnSpot"
    from outreach_dossier where session_id in (${sessions}) and received_at >= ${period.from} and received_at < ${period.to}`.execute(db);
  const guided = await sql<{ people: number }>`
    select coalesce(sum(people), 0)::int as people from outreach_consultation
    where session_id in (${sessions}) and at >= ${period.from} and at < ${period.to}`.execute(db);
  const surveys = await sql<{ n: number; satisfied: number; average: number | null }>`
    select count(*)::int as n, count(*) filter (where overall >= 4)::int as satisfied, avg(overall)::float8 as average
    from outreach_survey where session_id in (${sessions}) and at >= ${period.from} and at < ${period.to}`.execute(db);
  const s = surveys.rows[0]!;
  return {
    received: dossiers.rows[0]!.received,
    completedOnSpot: dossiers.rows[0]!.completedOnSpot,
    peopleGuided: guided.rows[0]!.people,
    surveys: s.n,
    satisfied: s.satisfied,
    averageRating: s.average === null ? null : Math.round(Number(s.average) * 100) / 100,
  };
}
