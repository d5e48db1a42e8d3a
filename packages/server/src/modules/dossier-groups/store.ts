import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { DossierGroupEventTable, DossierGroupMemberTable, DossierGroupTable } from './tables.ts';

export type GroupRow = Selectable<DossierGroupTable>;
export type MemberRow = Selectable<DossierGroupMemberTable>;
export type EventRow = Selectable<DossierGroupEventTable>;

export interface NewMember {
  code: string;
  key: string;
  position: number;
  procedureCode: string;
  agency: string;
  handledBy: 'motcua' | 'partner';
  dossierCode: string | null;
  state: string;
  dependsOn: string[];
}

/** The dossier-groups module's tables; everything here runs in the caller's transaction. */
export async function insertGroup(trx: Db, group: GroupRow, members: readonly NewMember[], at: Date): Promise<void> {
  await trx.insertInto('dossier_group').values(group).execute();
  await trx
    .insertInto('dossier_group_member')
    .values(
      members.map((m) => ({
        code: m.code,
        group_code: group.code,
        member_key: m.key,
        position: m.position,
        procedure_code: m.procedureCode,
        agency: m.agency,
        handled_by: m.handledBy,
        dossier_code: m.dossierCode,
        state: m.state,
        depends_on: JSON.stringify(m.dependsOn),
        due_at: null,
      })),
    )
    .execute();
  const partners = members.filter((m) => m.handledBy === 'partner');
  if (partners.length > 0)
    await insertEvents(
      trx,
      partners.map((m) => ({ member_code: m.code, at, action: 'waiting', note: m.dependsOn.join(', ') })),
    );
}

export async function insertEvents(trx: Db, events: { member_code: string; at: Date; action: string; note: string | null }[]): Promise<void> {
  if (events.length > 0) await trx.insertInto('dossier_group_event').values(events).execute();
}

export function groupByCode(db: Db, code: string): Promise<GroupRow | undefined> {
  return db.selectFrom('dossier_group').selectAll().where('code', '=', code).executeTakeFirst();
}

export function groupByLead(db: Db, dossierCode: string): Promise<GroupRow | undefined> {
  return db.selectFrom('dossier_group').selectAll().where('lead_dossier_code', '=', dossierCode).executeTakeFirst();
}

export function membersOf(db: Db, groupCode: string): Promise<MemberRow[]> {
  return db.selectFrom('dossier_group_member').selectAll().where('group_code', '=', groupCode).orderBy('position').execute();
}

export function eventsOf(db: Db, memberCodes: readonly string[]): Promise<EventRow[]> {
  if (memberCodes.length === 0) return Promise.resolve([]);
  return db.selectFrom('dossier_group_event').selectAll().where('member_code', 'in', memberCodes).orderBy('id').execute();
}

/** Partner members waiting on the given member, locked for the update that follows. */
export async function waitingOn(trx: Db, groupCode: string, key: string): Promise<MemberRow[]> {
  const rows = await trx
    .selectFrom('dossier_group_member')
    .selectAll()
    .where('group_code', '=', groupCode)
    .where('handled_by', '=', 'partner')
    .where('state', '=', 'waiting')
    .orderBy('position')
    .forUpdate()
    .execute();
  return rows.filter((r) => (r.depends_on as unknown as string[]).includes(key));
}

export async function setState(trx: Db, memberCode: string, state: string): Promise<void> {
  await trx.updateTable('dossier_group_member').set({ state }).where('code', '=', memberCode).execute();
}
