import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** Roles that lead a commune's work and receive its reports (the daily audit anchor). */
export const UNIT_LEADER_ROLES = ['approver', 'commune_admin'] as const;

/**
 * Work e-mail addresses of a unit's active approvers and commune administrators; with no unit
 * (the platform's own chains), of the system administrators. Officials without an address are
 * skipped: a commune administrator sets it through PATCH /api/office/officials/{id}.
 */
export async function leaderEmails(db: Db, unitCode: string | null): Promise<string[]> {
  let q = db.selectFrom('official').select('email').where('active', '=', true).where('email', 'is not', null);
  q = unitCode
    ? q.where(sql<boolean>`${unitCode} = any(unit_codes)`).where(sql<boolean>`roles && ${sql.raw(`array['${UNIT_LEADER_ROLES.join("','")}']`)}::text[]`)
    : q.where(sql<boolean>`'system_admin' = any(roles)`);
  const rows = await q.orderBy('email').execute();
  return [...new Set(rows.map((r) => r.email!))];
}

/** Work e-mail addresses of a unit's active officials holding any of these roles (who handles an item there). */
export async function unitOfficialEmails(db: Db, unitCode: string, roles: readonly string[]): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await db
    .selectFrom('official')
    .select('email')
    .where('active', '=', true)
    .where('email', 'is not', null)
    .where(sql<boolean>`${unitCode} = any(unit_codes)`)
    .where(sql<boolean>`roles && array[${sql.join(roles)}]::text[]`)
    .orderBy('email')
    .execute();
  return [...new Set(rows.map((r) => r.email!))];
}
