import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** Which communes a figure covers: one commune, or every commune of a province. */
export type Scope = { unitCode: string } | { provinceCode: string };

export interface Period {
  from: Date;
  to: Date;
}

const scoped = (scope: Scope, column = 'd.unit_code') =>
  'unitCode' in scope
    ? sql`${sql.ref(column)} = ${scope.unitCode}`
    : sql`${sql.ref(column)} in (select code from unit where province_code = ${scope.provinceCode})`;

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

export interface OutreachFigures {
  received: number;
  completedOnSpot: number;
  peopleGuided: number;
  surveys: number;
  satisfied: number;
  averageRating: number | null;
}

/** Aggregates only: nothing here returns a name, a CCCD or a phone number. */
export class InsightsStore {
  constructor(private readonly db: Db) {}

  /** One row per commune that has dossiers; the caller adds them up for the totals. */
  async dossierFiguresByUnit(scope: Scope, period: Period, now: Date): Promise<(DossierFigures & { unitCode: string })[]> {
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
      where ${scoped(scope)}
      group by d.unit_code
      order by d.unit_code`.execute(this.db);
    return r.rows;
  }

  async outreachFigures(scope: Scope, period: Period): Promise<OutreachFigures> {
    const sessions = sql`select s.id from outreach_session s where ${scoped(scope, 's.unit_code')}`;
    const dossiers = await sql<{ received: number; completedOnSpot: number }>`
      select count(*)::int as received, count(completed_on_spot_at)::int as "completedOnSpot"
      from outreach_dossier where session_id in (${sessions}) and received_at >= ${period.from} and received_at < ${period.to}`.execute(this.db);
    const guided = await sql<{ people: number }>`
      select coalesce(sum(people), 0)::int as people from outreach_consultation
      where session_id in (${sessions}) and at >= ${period.from} and at < ${period.to}`.execute(this.db);
    const surveys = await sql<{ n: number; satisfied: number; average: number | null }>`
      select count(*)::int as n, count(*) filter (where overall >= 4)::int as satisfied, avg(overall)::float8 as average
      from outreach_survey where session_id in (${sessions}) and at >= ${period.from} and at < ${period.to}`.execute(this.db);
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

  async communesOf(provinceCode: string): Promise<{ code: string; fullName: string }[]> {
    const rows = await this.db.selectFrom('unit').select(['code', 'full_name']).where('province_code', '=', provinceCode).orderBy('code').execute();
    return rows.map((r) => ({ code: r.code, fullName: r.full_name }));
  }
}
