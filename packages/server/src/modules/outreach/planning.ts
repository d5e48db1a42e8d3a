import { randomUUID } from 'node:crypto';
import type { RoundInput, RoundView, Schedule, Suggestions } from '@motcua/core/api';
import { vnDate } from '@motcua/core/calendar';
import { nfc } from '@motcua/core/text';
import { inTransaction } from '../../db/database.ts';
import type { Actor } from '../../platform/access.ts';
import type { AppContext } from '../../platform/context.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { assertSees, assertUnitRole, FIELD_ROLES, PLAN_ROLES, READ_ROLES } from './access.ts';
import { auditRead } from '../audit/index.ts';
import { addDaysIso } from './dates.ts';
import { announcement, expandRules, PART_HOURS, ruleProblems, type SkippedDay } from './schedule.ts';
import { PlanningStore, type Assistance, type Round, type Session } from './store.ts';
import { suggestHamlets } from './suggestions.ts';
import type { AssistanceReason } from './tables.ts';
import { proceduresOf } from '../catalog/index.ts';
import { dossiersByHamlet } from '../dossiers/index.ts';
import { officialsById } from '../identity/index.ts';
import { hamletsOf, unitOf } from '../units/index.ts';

export type { RoundInput, RoundView } from '@motcua/core/api';

const roundNotFound = (id: string) => notFound('đợt lưu động', 'Outreach round', id);
export const sessionNotFound = (id: string) => notFound('buổi lưu động', 'Outreach session', id);

/** Planning: rounds and their sessions, residents needing help, suggestions and the public schedule. */
export class OutreachPlanning {
  readonly store: PlanningStore;

  constructor(private readonly ctx: AppContext) {
    this.store = new PlanningStore(ctx.db);
  }

  private async checkInput(input: RoundInput): Promise<void> {
    for (const rule of input.rules) {
      const problems = ruleProblems(rule);
      if (problems.length > 0) throw badRequest(problems.map((p) => p.vi).join(' '), problems.map((p) => p.en).join(' '), { field: 'rules' });
    }
    const hamlets = new Map((await hamletsOf(this.ctx.db, input.unitCode)).map((h) => [h.code, h]));
    const badHamlet = input.hamletCodes.find((c) => !hamlets.get(c)?.active);
    if (badHamlet) throw badRequest(`Thôn, ấp "${badHamlet}" không thuộc xã này.`, `Hamlet "${badHamlet}" is not in this commune.`, { field: 'hamletCodes' });
    const members = new Map((await officialsById(this.ctx.db, input.teamUserIds)).map((m) => [m.userId, m]));
    for (const id of input.teamUserIds) {
      const m = members.get(id);
      if (!m?.active || !m.unitCodes.includes(input.unitCode) || !FIELD_ROLES.some((r) => m.roles.includes(r))) {
        throw badRequest(
          `Cán bộ "${id}" không phải cán bộ tiếp nhận hoặc lưu động đang công tác tại xã.`,
          `Official "${id}" is not an active receptionist or outreach officer of this commune.`,
          { field: 'teamUserIds' },
        );
      }
    }
    const procedures = new Set((await proceduresOf(this.ctx.db, input.procedureCodes)).map((p) => p.code));
    const badProcedure = input.procedureCodes.find((c) => !procedures.has(c));
    if (badProcedure) throw badRequest(`Không có thủ tục "${badProcedure}".`, `No such procedure "${badProcedure}".`, { field: 'procedureCodes' });
  }

  private clean(input: RoundInput): RoundInput {
    return {
      ...input,
      title: nfc(input.title).trim(),
      meetingPoint: nfc(input.meetingPoint).trim(),
      note: input.note ? nfc(input.note).trim() : null,
      hamletCodes: [...new Set(input.hamletCodes)],
      teamUserIds: [...new Set(input.teamUserIds)],
      procedureCodes: [...new Set(input.procedureCodes)],
    };
  }

  private planned(round: Round): { sessions: Session[]; skipped: SkippedDay[] } {
    const { sessions, skipped } = expandRules(round.rules);
    return {
      skipped,
      sessions: sessions.map((s) => ({
        id: randomUUID(),
        roundId: round.id,
        unitCode: round.unitCode,
        day: s.day,
        part: s.part,
        ...PART_HOURS[s.part],
        hamletCodes: round.hamletCodes,
        meetingPoint: round.meetingPoint,
        status: 'planned' as const,
      })),
    };
  }

  async createRound(actor: Actor, raw: RoundInput): Promise<RoundView> {
    const official = assertUnitRole(actor, raw.unitCode, PLAN_ROLES);
    const input = this.clean(raw);
    await this.checkInput(input);
    const round: Round = { id: randomUUID(), ...input, note: input.note ?? null, version: 1 };
    const { sessions, skipped } = this.planned(round);
    await inTransaction(this.ctx.db, async (trx) => {
      await this.store.insertRound(trx, round, official.userId, this.ctx.clock.now());
      await this.store.insertSessions(trx, sessions);
    });
    return { ...round, sessions: await this.store.sessionsOfRound(round.id), skipped };
  }

  /**
   * Replaces the plan. Sessions that have seen field work (a kit, an operation, an upload) stay as
   * they are, whatever the new rules say: they are the record of what happened.
   */
  async updateRound(actor: Actor, id: string, raw: RoundInput & { version: number }): Promise<RoundView> {
    const existing = await this.getRoundRow(actor, id, PLAN_ROLES);
    if (raw.unitCode !== existing.unitCode)
      throw badRequest('Không thể chuyển đợt lưu động sang đơn vị khác.', 'A round cannot move to another unit.', { field: 'unitCode' });
    const input = this.clean(raw);
    await this.checkInput(input);
    const round: Round = { ...existing, ...input, note: input.note ?? null };
    const { sessions, skipped } = this.planned(round);
    await inTransaction(this.ctx.db, async (trx) => {
      if (!(await this.store.updateRound(trx, round, raw.version, this.ctx.clock.now()))) {
        throw conflict('Đợt lưu động vừa được người khác sửa; hãy tải lại.', 'The round was changed by someone else; reload it.', {
          version: (await this.store.round(id, trx))?.version,
        });
      }
      const busy = await this.store.sessionsWithActivity(trx, id);
      const old = await this.store.sessionsOfRound(id, trx);
      await this.store.deleteSessions(
        trx,
        old.filter((s) => !busy.has(s.id)).map((s) => s.id),
      );
      await this.store.insertSessions(trx, sessions);
    });
    return { ...round, version: raw.version + 1, sessions: await this.store.sessionsOfRound(id), skipped };
  }

  /** A round to read (`roles` absent: whoever may see the unit's team) or to change (roles given). */
  private async getRoundRow(actor: Actor, id: string, roles?: typeof PLAN_ROLES): Promise<Round> {
    const round = await this.store.round(id);
    if (!round) throw roundNotFound(id);
    if (roles) assertUnitRole(actor, round.unitCode, roles);
    else assertSees(actor, 'staff', round.unitCode);
    return round;
  }

  async getRound(actor: Actor, id: string): Promise<RoundView> {
    const round = await this.getRoundRow(actor, id);
    return { ...round, sessions: await this.store.sessionsOfRound(id), skipped: expandRules(round.rules).skipped };
  }

  async listRounds(actor: Actor, unitCode: string): Promise<Round[]> {
    assertSees(actor, 'staff', unitCode);
    return this.store.rounds(unitCode);
  }

  async getSession(actor: Actor, id: string, roles?: typeof PLAN_ROLES): Promise<Session> {
    const session = await this.store.session(id);
    if (!session) throw sessionNotFound(id);
    if (roles) assertUnitRole(actor, session.unitCode, roles);
    else assertSees(actor, 'staff', session.unitCode);
    return session;
  }

  /** Moves one session's hamlets or meeting point, or cancels it (rain, a funeral in the hamlet). */
  async patchSession(actor: Actor, id: string, patch: { hamletCodes?: string[]; meetingPoint?: string; status?: 'planned' | 'cancelled' }): Promise<Session> {
    const session = await this.getSession(actor, id, PLAN_ROLES);
    if (patch.hamletCodes) {
      const hamlets = new Set((await hamletsOf(this.ctx.db, session.unitCode)).filter((h) => h.active).map((h) => h.code));
      const bad = patch.hamletCodes.find((c) => !hamlets.has(c));
      if (bad) throw badRequest(`Thôn, ấp "${bad}" không thuộc xã này.`, `Hamlet "${bad}" is not in this commune.`, { field: 'hamletCodes' });
    }
    const meetingPoint = patch.meetingPoint ? nfc(patch.meetingPoint).trim() : undefined;
    await inTransaction(this.ctx.db, (trx) => this.store.updateSession(trx, id, { ...patch, ...(meetingPoint ? { meetingPoint } : {}) }));
    return (await this.store.session(id))!;
  }

  async suggestions(actor: Actor, unitCode: string): Promise<Suggestions> {
    assertSees(actor, 'figures', unitCode);
    const now = this.ctx.clock.now();
    const today = vnDate(now);
    const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
    const [hamlets, dossiers, enquiries, assistance, visits] = await Promise.all([
      hamletsOf(this.ctx.db, unitCode),
      dossiersByHamlet(this.ctx.db, unitCode, yearAgo),
      this.store.enquiriesByHamlet(unitCode, yearAgo),
      this.store.assistanceCounts(unitCode),
      this.store.lastVisits(unitCode, today),
    ]);
    const items = suggestHamlets(
      hamlets
        .filter((h) => h.active)
        .map((h) => ({
          code: h.code,
          name: h.name,
          distanceKm: h.distanceKm,
          travelMinutes: h.travelMinutes,
          dossiers: dossiers.get(h.code) ?? 0,
          enquiries: enquiries.get(h.code) ?? 0,
          assistance: assistance.get(h.code) ?? { elderly: 0, disabled: 0, ill: 0, other: 0 },
          lastVisit: visits.get(h.code) ?? null,
        })),
      today,
    );
    return { unitCode, asOf: today, items };
  }

  // Residents needing help
  async listAssistance(actor: Actor, unitCode: string, hamletCode?: string): Promise<Assistance[]> {
    assertSees(actor, 'residents', unitCode);
    const items = await this.store.listAssistance(unitCode, hamletCode);
    await auditRead(this.ctx.db, this.ctx.clock, actor, {
      action: 'outreach.residents.read',
      dossierCode: null,
      kinds: ['residents'],
      detail: { unitCode, hamletCode: hamletCode ?? null, count: items.length },
    });
    return items;
  }

  private async checkHamlet(unitCode: string, hamletCode: string) {
    const ok = (await hamletsOf(this.ctx.db, unitCode)).some((h) => h.code === hamletCode && h.active);
    if (!ok) throw badRequest(`Thôn, ấp "${hamletCode}" không thuộc xã này.`, `Hamlet "${hamletCode}" is not in this commune.`, { field: 'hamletCode' });
  }

  async addAssistance(
    actor: Actor,
    input: { unitCode: string; hamletCode: string; fullName: string; reason: AssistanceReason; note?: string | null },
  ): Promise<Assistance> {
    const official = assertUnitRole(actor, input.unitCode, READ_ROLES);
    await this.checkHamlet(input.unitCode, input.hamletCode);
    const row: Assistance = {
      id: randomUUID(),
      unitCode: input.unitCode,
      hamletCode: input.hamletCode,
      fullName: nfc(input.fullName).trim(),
      reason: input.reason,
      note: input.note ? nfc(input.note).trim() : null,
      active: true,
    };
    await this.store.insertAssistance(row, official.userId, this.ctx.clock.now());
    return row;
  }

  async updateAssistance(
    actor: Actor,
    id: string,
    patch: Partial<Pick<Assistance, 'hamletCode' | 'fullName' | 'reason' | 'note' | 'active'>>,
  ): Promise<Assistance> {
    const row = await this.store.assistance(id);
    if (!row) throw notFound('người cần hỗ trợ', 'Resident', id);
    assertUnitRole(actor, row.unitCode, READ_ROLES);
    if (patch.hamletCode) await this.checkHamlet(row.unitCode, patch.hamletCode);
    await this.store.updateAssistance(id, { ...patch, ...(patch.fullName ? { fullName: nfc(patch.fullName).trim() } : {}) }, this.ctx.clock.now());
    return (await this.store.assistance(id))!;
  }

  /** The public schedule: upcoming planned sessions with the sentence read out at the hamlet. */
  async schedule(unitCode: string, days = 60): Promise<Schedule> {
    const unit = unitOf(unitCode);
    if (!unit) throw notFound('đơn vị hành chính', 'Administrative unit', unitCode);
    const today = vnDate(this.ctx.clock.now());
    const names = new Map((await hamletsOf(this.ctx.db, unitCode)).map((h) => [h.code, h.name]));
    const sessions = (await this.store.upcoming(unitCode, today, 200)).filter((s) => s.day <= addDaysIso(today, days));
    return {
      unitCode,
      unitName: unit.fullName,
      from: today,
      items: sessions.map((s) => {
        const hamlets = s.hamletCodes.map((c) => ({ code: c, name: names.get(c) ?? c }));
        const text = announcement(
          s.day,
          s.part,
          hamlets.map((h) => h.name),
        );
        return {
          sessionId: s.id,
          roundTitle: s.roundTitle,
          day: s.day,
          part: s.part,
          startsAt: s.startsAt,
          endsAt: s.endsAt,
          meetingPoint: s.meetingPoint,
          hamlets,
          announcementVi: `${text.vi}, tại ${s.meetingPoint}, từ ${s.startsAt.replace(':', 'g')} đến ${s.endsAt.replace(':', 'g')}.`,
          announcementEn: `${text.en}, at ${s.meetingPoint}, ${s.startsAt}–${s.endsAt}.`,
        };
      }),
    };
  }
}
