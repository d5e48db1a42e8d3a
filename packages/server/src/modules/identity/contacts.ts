import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** Roles that lead a commune's work and receive its reports (the daily audit anchor). */
export const UNIT_LEADER_ROLES = ['approver', 'commune_admin'] as const;

/**
 * Work e-mail addresses of a unit's active approvers and commune administrators; with no unit
 * (the platform's own chains), of the system administrators. Officials without an address are
 * skipped: a commune administrator sets it through PATCH /api/office/officials/{id}.
 */
export function leaderEmails(db: Db, unitCode: string | null): Promise<string[]> {
  return unitCode ? unitOfficialEmails(db, unitCode, UNIT_LEADER_ROLES) : activeEmails(db, sql<boolean>`'system_admin' = any(roles)`);
}

/** Work e-mail addresses of a unit's active officials holding any of these roles (who handles an item there). */
export async function unitOfficialEmails(db: Db, unitCode: string, roles: readonly string[]): Promise<string[]> {
  if (roles.length === 0) return [];
  return activeEmails(db, sql<boolean>`${unitCode} = any(unit_codes) and roles && array[${sql.join(roles)}]::text[]`);
}

async function activeEmails(db: Db, who: ReturnType<typeof sql<boolean>>): Promise<string[]> {
  const rows = await db.selectFrom('official').select('email').where('active', '=', true).where('email', 'is not', null).where(who).orderBy('email').execute();
  return [...new Set(rows.map((r) => r.email!))];
}
