import { sql, type Selectable } from 'kysely';
import type { Assistance, OutreachSession as Session, Round } from '@motcua/core/api';
import type { Db } from '../../db/database.ts';
import type { AssistanceReason, OutreachRoundTable, OutreachSessionTable, ResidentAssistanceTable } from './tables.ts';

/** Rounds, sessions and flagged residents are stored as the API shows them (@motcua/core/api). */
export type { Assistance, Round, OutreachSession as Session } from '@motcua/core/api';

const toRound = (r: Selectable<OutreachRoundTable>): Round => ({
  id: r.id,
  unitCode: r.unit_code,
  title: r.title,
  meetingPoint: r.meeting_point,
  rules: r.rules,
  hamletCodes: r.hamlet_codes,
  teamUserIds: r.team_user_ids,
  procedureCodes: r.procedure_codes,
  note: r.note,
  version: r.version,
});

export const toSession = (r: Selectable<OutreachSessionTable>): Session => ({
  id: r.id,
  roundId: r.round_id,
  unitCode: r.unit_code,
  day: r.day,
  part: r.part,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  hamletCodes: r.hamlet_codes,
  meetingPoint: r.meeting_point,
  status: r.status,
});

const toAssistance = (r: Selectable<ResidentAssistanceTable>): Assistance => ({
  id: r.id,
  unitCode: r.unit_code,
  hamletCode: r.hamlet_code,
  fullName: r.full_name,
  reason: r.reason,
  note: r.note,
  active: r.active,
});

/** Planning SQL: rounds, their sessions, residents needing help and the facts behind suggestions. */
export class PlanningStore {
  constructor(private readonly db: Db) {}

  async insertRound(trx: Db, round: Round, by: string, now: Date): Promise<void> {
    await trx
      .insertInto('outreach_round')
      .values({
        id: round.id,
        unit_code: round.unitCode,
        title: round.title,
        meeting_point: round.meetingPoint,
        rules: JSON.stringify(round.rules),
        hamlet_codes: JSON.stringify(round.hamletCodes),
        team_user_ids: JSON.stringify(round.teamUserIds),
        procedure_codes: JSON.stringify(round.procedureCodes),
        note: round.note,
        created_by: by,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }

  /** Optimistic update: false when someone else saved the round first. */
  async updateRound(trx: Db, round: Round, previousVersion: number, now: Date): Promise<boolean> {
    const r = await trx
      .updateTable('outreach_round')
      .set({
        title: round.title,
        meeting_point: round.meetingPoint,
        rules: JSON.stringify(round.rules),
        hamlet_codes: JSON.stringify(round.hamletCodes),
        team_user_ids: JSON.stringify(round.teamUserIds),
        procedure_codes: JSON.stringify(round.procedureCodes),
        note: round.note,
        version: previousVersion + 1,
        updated_at: now,
      })
      .where('id', '=', round.id)
      .where('version', '=', previousVersion)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async round(id: string, db: Db = this.db): Promise<Round | undefined> {
    const r = await db.selectFrom('outreach_round').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toRound(r) : undefined;
  }

  async rounds(unitCode: string): Promise<Round[]> {
    const rows = await this.db.selectFrom('outreach_round').selectAll().where('unit_code', '=', unitCode).orderBy('created_at', 'desc').execute();
    return rows.map(toRound);
  }

  async sessionsOfRound(roundId: string, db: Db = this.db): Promise<Session[]> {
    const rows = await db.selectFrom('outreach_session').selectAll().where('round_id', '=', roundId).orderBy('day').orderBy('part', 'desc').execute();
    return rows.map(toSession);
  }

  async session(id: string, db: Db = this.db): Promise<Session | undefined> {
    const r = await db.selectFrom('outreach_session').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toSession(r) : undefined;
  }

  /** Planned sessions of a unit from a day on, for the public schedule. */
  async upcoming(unitCode: string, fromDay: string, limit: number): Promise<(Session & { roundTitle: string })[]> {
    const rows = await this.db
      .selectFrom('outreach_session as s')
      .innerJoin('outreach_round as r', 'r.id', 's.round_id')
      .selectAll('s')
      .select('r.title as round_title')
      .where('s.unit_code', '=', unitCode)
      .where('s.status', '=', 'planned')
      .where('s.day', '>=', fromDay)
      .orderBy('s.day')
      .orderBy('s.part', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ ...toSession(r), roundTitle: r.round_title }));
  }

  async insertSessions(trx: Db, sessions: Session[]): Promise<void> {
    if (sessions.length === 0) return;
    await trx
      .insertInto('outreach_session')
      .values(
        sessions.map((s) => ({
          id: s.id,
          round_id: s.roundId,
          unit_code: s.unitCode,
          day: s.day,
          part: s.part,
          starts_at: s.startsAt,
          ends_at: s.endsAt,
          hamlet_codes: JSON.stringify(s.hamletCodes),
          meeting_point: s.meetingPoint,
          status: s.status,
        })),
      )
      .onConflict((oc) => oc.columns(['round_id', 'day', 'part']).doNothing())
      .execute();
  }

  /** Sessions that already have field activity (a kit, an operation or an upload) are history. */
  async sessionsWithActivity(trx: Db, roundId: string): Promise<Set<string>> {
    const r = await sql<{ id: string }>`
      select s.id from outreach_session s where s.round_id = ${roundId} and (
        exists (select 1 from outreach_code_block b where b.session_id = s.id)
        or exists (select 1 from outreach_op o where o.session_id = s.id)
        or exists (select 1 from outreach_upload u where u.session_id = s.id))`.execute(trx);
    return new Set(r.rows.map((x) => x.id));
  }

  async deleteSessions(trx: Db, ids: string[]): Promise<void> {
    if (ids.length > 0) await trx.deleteFrom('outreach_session').where('id', 'in', ids).execute();
  }

  async updateSession(trx: Db, id: string, patch: { hamletCodes?: string[]; meetingPoint?: string; status?: 'planned' | 'cancelled' }): Promise<void> {
    await trx
      .updateTable('outreach_session')
      .set({
        ...(patch.hamletCodes ? { hamlet_codes: JSON.stringify(patch.hamletCodes) } : {}),
        ...(patch.meetingPoint ? { meeting_point: patch.meetingPoint } : {}),
        ...(patch.status ? { status: patch.status } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  // Residents needing help (người cần hỗ trợ)
  async insertAssistance(a: Assistance, by: string, now: Date): Promise<void> {
    await this.db
      .insertInto('resident_assistance')
      .values({
        id: a.id,
        unit_code: a.unitCode,
        hamlet_code: a.hamletCode,
        full_name: a.fullName,
        reason: a.reason,
        note: a.note,
        active: a.active,
        created_by: by,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }

  async assistance(id: string): Promise<Assistance | undefined> {
    const r = await this.db.selectFrom('resident_assistance').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toAssistance(r) : undefined;
  }

  async listAssistance(unitCode: string, hamletCode?: string): Promise<Assistance[]> {
    let q = this.db.selectFrom('resident_assistance').selectAll().where('unit_code', '=', unitCode).where('active', '=', true);
    if (hamletCode) q = q.where('hamlet_code', '=', hamletCode);
    return (await q.orderBy('hamlet_code').orderBy('full_name').execute()).map(toAssistance);
  }

  async updateAssistance(id: string, patch: Partial<Pick<Assistance, 'hamletCode' | 'fullName' | 'reason' | 'note' | 'active'>>, now: Date): Promise<void> {
    await this.db
      .updateTable('resident_assistance')
      .set({
        ...(patch.hamletCode !== undefined ? { hamlet_code: patch.hamletCode } : {}),
        ...(patch.fullName !== undefined ? { full_name: patch.fullName } : {}),
        ...(patch.reason !== undefined ? { reason: patch.reason } : {}),
        ...(patch.note !== undefined ? { note: patch.note } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
  }

  /** Per hamlet: flagged residents by reason. */
  async assistanceCounts(unitCode: string): Promise<Map<string, Record<AssistanceReason, number>>> {
    const rows = await this.db
      .selectFrom('resident_assistance')
      .select(['hamlet_code', 'reason'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('unit_code', '=', unitCode)
      .where('active', '=', true)
      .groupBy(['hamlet_code', 'reason'])
      .execute();
    const out = new Map<string, Record<AssistanceReason, number>>();
    for (const r of rows) {
      const c = out.get(r.hamlet_code) ?? { elderly: 0, disabled: 0, ill: 0, other: 0 };
      c[r.reason] = Number(r.n);
      out.set(r.hamlet_code, c);
    }
    return out;
  }

  /** People consulted by outreach teams in each hamlet since a day. */
  async enquiriesByHamlet(unitCode: string, since: Date): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('outreach_consultation as c')
      .innerJoin('outreach_session as s', 's.id', 'c.session_id')
      .select('c.hamlet_code')
      .select((eb) => eb.fn.sum<number>('c.people').as('n'))
      .where('s.unit_code', '=', unitCode)
      .where('c.at', '>=', since)
      .where('c.hamlet_code', 'is not', null)
      .groupBy('c.hamlet_code')
      .execute();
    return new Map(rows.map((r) => [r.hamlet_code!, Number(r.n)]));
  }

  /** The last day (up to and including `until`) each hamlet had a planned session. */
  async lastVisits(unitCode: string, until: string): Promise<Map<string, string>> {
    const r = await sql<{ hamlet: string; day: string }>`
      select h.value as hamlet, max(s.day)::text as day
      from outreach_session s, jsonb_array_elements_text(s.hamlet_codes) h
      where s.unit_code = ${unitCode} and s.status = 'planned' and s.day <= ${until}
      group by h.value`.execute(this.db);
    return new Map(r.rows.map((x) => [x.hamlet, x.day]));
  }
}
