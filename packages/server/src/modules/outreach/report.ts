import type { HamletTally, RoundReport, SessionReport, Tally } from '@motcua/core/api';
import { sql } from 'kysely';
import type { Actor } from '../../platform/access.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { assertSees } from './access.ts';
import { PlanningStore, type Session } from './store.ts';
import { hamletsOf, unitOf } from '../units/index.ts';

export type { HamletTally, RoundReport, SessionReport, Tally } from '@motcua/core/api';

interface Row {
  session_id: string;
  hamlet_code: string | null;
  received: number;
  completed: number;
  consulted: number;
  surveys: number;
  overall: number;
  staff: number;
  convenience: number;
}

const avg = (sum: number, n: number) => (n === 0 ? null : Math.round((sum / n) * 100) / 100);

function tally(rows: Row[]): Tally {
  const s = rows.reduce(
    (a, r) => ({
      received: a.received + r.received,
      completed: a.completed + r.completed,
      consulted: a.consulted + r.consulted,
      surveys: a.surveys + r.surveys,
      overall: a.overall + r.overall,
      staff: a.staff + r.staff,
      convenience: a.convenience + r.convenience,
    }),
    { received: 0, completed: 0, consulted: 0, surveys: 0, overall: 0, staff: 0, convenience: 0 },
  );
  return {
    received: s.received,
    completedOnSpot: s.completed,
    scheduledForReturn: s.received - s.completed,
    consulted: s.consulted,
    surveys: s.surveys,
    averages: { overall: avg(s.overall, s.surveys), staff: avg(s.staff, s.surveys), convenience: avg(s.convenience, s.surveys) },
  };
}

function byHamlet(rows: Row[], names: Map<string, string>): HamletTally[] {
  const groups = new Map<string | null, Row[]>();
  for (const r of rows) groups.set(r.hamlet_code, [...(groups.get(r.hamlet_code) ?? []), r]);
  return [...groups.entries()]
    .map(([code, rs]) => ({ hamletCode: code, hamletName: code === null ? 'Không rõ thôn, ấp' : (names.get(code) ?? code), ...tally(rs) }))
    .sort((a, b) => (a.hamletCode ?? '~').localeCompare(b.hamletCode ?? '~'));
}

/** Counts from the outreach tables alone: what the teams recorded, per session and hamlet. */
export class OutreachReports {
  private readonly store: PlanningStore;
  constructor(private readonly ctx: AppContext) {
    this.store = new PlanningStore(ctx.db);
  }

  private async rows(sessionIds: string[]): Promise<Row[]> {
    if (sessionIds.length === 0) return [];
    const ids = sql.join(sessionIds);
    const r = await sql<Row>`
      select session_id, hamlet_code, sum(received)::int as received, sum(completed)::int as completed, sum(consulted)::int as consulted,
             sum(surveys)::int as surveys, sum(overall)::int as overall, sum(staff)::int as staff, sum(convenience)::int as convenience
      from (
        select session_id, hamlet_code, 1 as received, (completed_on_spot_at is not null)::int as completed, 0 as consulted, 0 as surveys, 0 as overall, 0 as staff, 0 as convenience
          from outreach_dossier where session_id in (${ids})
        union all
        select session_id, hamlet_code, 0, 0, people, 0, 0, 0, 0 from outreach_consultation where session_id in (${ids})
        union all
        select session_id, hamlet_code, 0, 0, 0, 1, overall, staff, convenience from outreach_survey where session_id in (${ids})
      ) x group by session_id, hamlet_code`.execute(this.ctx.db);
    return r.rows.map((x) => ({
      ...x,
      received: Number(x.received),
      completed: Number(x.completed),
      consulted: Number(x.consulted),
      surveys: Number(x.surveys),
      overall: Number(x.overall),
      staff: Number(x.staff),
      convenience: Number(x.convenience),
    }));
  }

  private sessionReport(s: Session, rows: Row[], names: Map<string, string>): SessionReport {
    const mine = rows.filter((r) => r.session_id === s.id);
    return { sessionId: s.id, day: s.day, part: s.part, status: s.status, ...tally(mine), byHamlet: byHamlet(mine, names) };
  }

  private async names(unitCode: string) {
    return new Map((await hamletsOf(this.ctx.db, unitCode)).map((h) => [h.code, h.name]));
  }

  async forSession(actor: Actor, sessionId: string): Promise<SessionReport> {
    const session = await this.store.session(sessionId);
    if (!session) throw notFound('buổi lưu động', 'Outreach session', sessionId);
    assertSees(actor, 'figures', session.unitCode);
    return this.sessionReport(session, await this.rows([session.id]), await this.names(session.unitCode));
  }

  async forRound(actor: Actor, roundId: string): Promise<RoundReport> {
    const round = await this.store.round(roundId);
    if (!round) throw notFound('đợt lưu động', 'Outreach round', roundId);
    assertSees(actor, 'figures', round.unitCode);
    const sessions = await this.store.sessionsOfRound(roundId);
    const rows = await this.rows(sessions.map((s) => s.id));
    const names = await this.names(round.unitCode);
    const unit = unitOf(round.unitCode);
    if (!unit) throw new Error(`No unit ${round.unitCode}`);
    // Per hamlet across sessions: merge the session rows by hamlet before tallying.
    const merged = [...rows.reduce((m, r) => m.set(r.hamlet_code, [...(m.get(r.hamlet_code) ?? []), r]), new Map<string | null, Row[]>()).values()].flat();
    return {
      roundId,
      title: round.title,
      unitCode: round.unitCode,
      unitName: unit.fullName,
      ...tally(rows),
      sessions: sessions.map((s) => this.sessionReport(s, rows, names)),
      byHamlet: byHamlet(merged, names),
    };
  }
}
