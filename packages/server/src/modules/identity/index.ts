import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { OfficialRole } from '../../platform/access.ts';

/**
 * The identity module's port: who the officials are, for modules that check a team or an
 * assignment. The `official` table is read only here.
 */
export { IdentityService, randomSecret, type CitizenProfile, type LoginClaims } from './service.ts';
export { leaderEmails, unitOfficialEmails, UNIT_LEADER_ROLES } from './contacts.ts';
export { demoPeople, type DemoCitizen, type DemoOfficial, type DemoPeople } from './demo-people.ts';
export type { Official } from './store.ts';

export interface OfficialSummary {
  userId: string;
  fullName: string;
  roles: OfficialRole[];
  unitCodes: string[];
  active: boolean;
  /** Position (chức vụ) as recorded, e.g. "Phó Chủ tịch Ủy ban nhân dân"; null when not recorded. */
  jobTitle: string | null;
}

/** Officials by id (unknown ids are left out). Pass the transaction when inside one. */
export async function officialsById(db: Db, ids: readonly string[]): Promise<OfficialSummary[]> {
  if (ids.length === 0) return [];
  const r = await sql<{ id: string; full_name: string; roles: OfficialRole[]; unit_codes: string[]; active: boolean; job_title: string | null }>`
    select id, full_name, roles, unit_codes, active, job_title from official where id in (${sql.join(ids)})`.execute(db);
  return r.rows.map((o) => ({ userId: o.id, fullName: o.full_name, roles: o.roles, unitCodes: o.unit_codes, active: o.active, jobTitle: o.job_title }));
}

/** Ids of the officials with these usernames, by username (unknown usernames are left out). */
export async function officialIdsByUsername(db: Db, usernames?: readonly string[]): Promise<Map<string, string>> {
  let q = db.selectFrom('official').select(['username', 'id']);
  if (usernames) {
    if (usernames.length === 0) return new Map();
    q = q.where('username', 'in', [...usernames]);
  }
  return new Map((await q.execute()).map((r) => [r.username, r.id]));
}

/** Whether this id is an active specialist working in the unit (a dossier can be assigned to them). */
export async function isSpecialistOf(db: Db, userId: string, unitCode: string): Promise<boolean> {
  const r = await sql<{ ok: number }>`
    select 1 as ok from official
    where id::text = ${userId} and active and ${unitCode} = any(unit_codes) and 'specialist' = any(roles)`.execute(db);
  return r.rows.length > 0;
}
