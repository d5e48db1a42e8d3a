import { AGENCY_NAMES, groupByCode as catalogGroup, PROCEDURE_GROUPS, requestedMembers, type ProcedureGroup } from '@motcua/core/groups';
import type { DossierGroup, GroupSubmission, ProcedureGroupJson } from '@motcua/core/api';
import type { AppContext } from '../../platform/context.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import type { DossierActor, DossierEventHook, DossierJson, DossierService } from '../dossiers/index.ts';
import type { PartnerAdapter } from './partners.ts';
import { eventsOf, groupByCode, groupByLead, insertEvents, insertGroup, membersOf, setState, waitingOn, type GroupRow, type MemberRow } from './store.ts';

/** A lead dossier in one of these has its result: the members waiting on it go to their agency. */
const RESULT_STATES = new Set(['result_ready', 'returned']);
/** A lead dossier that ends here gives its dependants nothing to work on. */
const FAILED_STATES = new Set(['rejected', 'refused_intake', 'withdrawn', 'cancelled']);
const FINAL_STATES = new Set([...FAILED_STATES, 'returned', 'done', 'refused']);

export function groupJson(g: ProcedureGroup): ProcedureGroupJson {
  return {
    ...g,
    members: g.members.map((m) => ({ ...m, agencyName: AGENCY_NAMES[m.agency].vi, agencyNameEn: AGENCY_NAMES[m.agency].en })),
  };
}

export const groupCodeFor = (leadDossierCode: string) => `LT-${leadDossierCode}`;

/**
 * Group applications: the lead member is a dossier of the dossiers module (its own code, state,
 * deadline and workflow), filed through DossierService.submit with the group's rows written in
 * the same transaction; the partner members wait on it and go out through the partner adapter.
 */
export class DossierGroupService {
  constructor(
    private readonly ctx: AppContext,
    private readonly dossiers: DossierService,
  ) {}

  list(): ProcedureGroupJson[] {
    return PROCEDURE_GROUPS.map(groupJson);
  }

  async submit(actor: DossierActor, body: GroupSubmission, idempotencyKey?: string): Promise<{ group: DossierGroup; created: boolean }> {
    const group = catalogGroup(body.groupCode);
    if (!group) throw badRequest('Nhóm thủ tục liên thông không tồn tại.', 'Unknown linked procedure group.', { field: 'groupCode' });
    const wanted = requestedMembers(group, body.form);
    if (!wanted.some((m) => m.handledBy === 'partner')) {
      throw badRequest(
        'Hãy chọn ít nhất một thủ tục liên thông (đánh dấu ô đề nghị liên thông).',
        'Ask for at least one linked procedure (tick the linked-procedure box).',
        { field: 'form' },
      );
    }
    const { groupCode: _g, ...rest } = body;
    const { dossier, created } = await this.dossiers.submit(
      actor,
      { ...rest, procedureCode: group.leadProcedureCode },
      // Its own key space: the same key sent to POST /api/dossiers is another request.
      idempotencyKey ? `group:${idempotencyKey}` : undefined,
      {
        within: async (trx, view) => {
          const at = this.ctx.clock.now();
          const code = groupCodeFor(view.code);
          await insertGroup(
            trx,
            { code, group_code: group.code, unit_code: view.unitCode, lead_dossier_code: view.code, submitted_at: at },
            wanted.map((m, i) => ({
              code: m.handledBy === 'motcua' ? view.code : `${view.code}-${m.key}`,
              key: m.key,
              position: i,
              procedureCode: m.procedureCode,
              agency: m.agency,
              handledBy: m.handledBy,
              dossierCode: m.handledBy === 'motcua' ? view.code : null,
              state: m.handledBy === 'motcua' ? view.state : 'waiting',
              dependsOn: m.dependsOn.filter((d) => wanted.some((w) => w.key === d)),
            })),
            at,
          );
        },
      },
    );
    const row = await groupByLead(this.ctx.db, dossier.code);
    if (!row) throw notFound('hồ sơ liên thông', 'Dossier group', dossier.code);
    return { group: await this.compose(row, dossier), created };
  }

  /** For the applicant and the officials who may open the lead dossier (that read is audited there). */
  async get(actor: DossierActor, code: string): Promise<DossierGroup> {
    const row = await groupByCode(this.ctx.db, code);
    if (!row) throw notFound('hồ sơ liên thông', 'Dossier group', code);
    // The same 404 as for a code that does not exist when the caller may not see the lead dossier.
    const lead = await this.dossiers.get(actor, row.lead_dossier_code).catch((e: unknown) => {
      throw (e as { status?: number }).status === 404 ? notFound('hồ sơ liên thông', 'Dossier group', code) : e;
    });
    return this.compose(row, lead);
  }

  async byDossier(actor: DossierActor, dossierCode: string): Promise<DossierGroup> {
    const row = await groupByLead(this.ctx.db, dossierCode);
    if (!row) throw notFound('hồ sơ liên thông', 'Dossier group', dossierCode);
    return this.get(actor, row.code);
  }

  private async compose(row: GroupRow, lead: DossierJson): Promise<DossierGroup> {
    const members = await membersOf(this.ctx.db, row.code);
    const events = await eventsOf(
      this.ctx.db,
      members.filter((m) => m.handled_by === 'partner').map((m) => m.code),
    );
    const def = catalogGroup(row.group_code);
    const nameOf = (m: MemberRow) => def?.members.find((d) => d.key === m.member_key)?.name ?? m.procedure_code;
    const leadMember = members.find((m) => m.dossier_code === lead.code);
    const shown = members.map((m) => ({
      code: m.code,
      key: m.member_key,
      procedureCode: m.procedure_code,
      name: nameOf(m),
      agency: m.agency as DossierGroup['members'][number]['agency'],
      handledBy: m.handled_by,
      state: (m.dossier_code === lead.code ? lead.state : m.state) as DossierGroup['members'][number]['state'],
      dependsOn: m.depends_on as unknown as string[],
      dueAt: m.dossier_code === lead.code ? lead.dueAt : m.due_at ? new Date(m.due_at).toISOString() : null,
    }));
    const byCode = new Map(members.map((m) => [m.code, m.member_key]));
    const timeline = [
      ...lead.history.map((h) => ({ at: h.at, memberKey: leadMember?.member_key ?? '', memberCode: lead.code, action: h.action, note: h.note })),
      ...events.map((e) => ({
        at: new Date(e.at).toISOString(),
        memberKey: byCode.get(e.member_code) ?? '',
        memberCode: e.member_code,
        action: e.action,
        note: e.note,
      })),
    ].sort((a, b) => a.at.localeCompare(b.at));
    return {
      code: row.code,
      groupCode: row.group_code,
      groupName: def?.name ?? row.group_code,
      unitCode: row.unit_code,
      state: shown.every((m) => FINAL_STATES.has(m.state)) ? 'finished' : 'in_progress',
      submittedAt: new Date(row.submitted_at).toISOString(),
      members: shown,
      timeline,
    };
  }
}

/**
 * Follows the lead dossiers (a dossiers-module event hook, in the event's transaction): when the
 * lead has its result, the members waiting on it are sent to their agency; when it ends without
 * one, they are refused with the reason. Submissions (no `before`) never concern it.
 */
export function dossierGroupsHook(ctx: Pick<AppContext, 'clock'>, adapter: PartnerAdapter): DossierEventHook {
  return async (trx, { before, after }) => {
    if (!before || before.state === after.state) return;
    const ready = RESULT_STATES.has(after.state) && !RESULT_STATES.has(before.state);
    const failed = FAILED_STATES.has(after.state);
    if (!ready && !failed) return;
    const group = await groupByLead(trx, after.code);
    if (!group) return;
    const lead = (await membersOf(trx, group.code)).find((m) => m.dossier_code === after.code);
    if (!lead) return;
    const at = ctx.clock.now();
    for (const m of await waitingOn(trx, group.code, lead.member_key)) {
      if (ready) {
        await adapter.send(trx, {
          memberCode: m.code,
          groupCode: group.code,
          agency: m.agency,
          procedureCode: m.procedure_code,
          leadDossierCode: after.code,
          unitCode: group.unit_code,
          sentAt: at,
        });
        await setState(trx, m.code, 'sent');
        await insertEvents(trx, [{ member_code: m.code, at, action: 'sent', note: adapter.name }]);
      } else {
        await setState(trx, m.code, 'refused');
        await insertEvents(trx, [{ member_code: m.code, at, action: 'refused', note: `lead:${after.state}` }]);
      }
    }
  };
}
