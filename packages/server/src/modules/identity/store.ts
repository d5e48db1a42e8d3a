import { sql, type Selectable } from 'kysely';
import type { ApiToken, Official } from '@motcua/core/api';
import type { Db } from '../../db/database.ts';
import type { OfficialRole } from '../../platform/access.ts';
import type { ApiTokenTable, AuthSessionTable, OfficialTable } from './tables.ts';

/** An official and an API token as the API shows them (@motcua/core/api). */
export type { ApiToken, Official };

export type SessionRow = Selectable<AuthSessionTable>;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

const toOfficial = (r: Selectable<OfficialTable>): Official => ({
  id: r.id,
  username: r.username,
  subject: r.subject,
  fullName: r.full_name,
  roles: r.roles as OfficialRole[],
  unitCodes: r.unit_codes,
  email: r.email,
  active: r.active,
  createdAt: iso(r.created_at)!,
  updatedAt: iso(r.updated_at)!,
});

const toToken = (r: Selectable<ApiTokenTable>): ApiToken => ({
  id: r.id,
  label: r.label,
  role: r.role as OfficialRole,
  unitCode: r.unit_code,
  createdBy: r.created_by,
  createdAt: iso(r.created_at)!,
  expiresAt: iso(r.expires_at),
  revokedAt: iso(r.revoked_at),
  lastUsedAt: iso(r.last_used_at),
});

export class IdentityStore {
  constructor(private readonly db: Db) {}

  // Officials -------------------------------------------------------------------------------

  async getOfficial(id: string): Promise<Official | undefined> {
    const r = await this.db.selectFrom('official').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toOfficial(r) : undefined;
  }

  async findOfficialByUsername(username: string): Promise<Official | undefined> {
    const r = await this.db.selectFrom('official').selectAll().where('username', '=', username).executeTakeFirst();
    return r ? toOfficial(r) : undefined;
  }

  /** A bound subject wins; an unbound official with that username is bound on first login. */
  async findOfficialForLogin(subject: string, username: string | undefined): Promise<Official | undefined> {
    const bound = await this.db.selectFrom('official').selectAll().where('subject', '=', subject).executeTakeFirst();
    if (bound) return toOfficial(bound);
    if (!username) return undefined;
    const r = await this.db.selectFrom('official').selectAll().where('username', '=', username).where('subject', 'is', null).executeTakeFirst();
    return r ? toOfficial(r) : undefined;
  }

  async bindSubject(id: string, subject: string, now: Date): Promise<void> {
    await this.db.updateTable('official').set({ subject, updated_at: now }).where('id', '=', id).where('subject', 'is', null).execute();
  }

  async listOfficials(unitCode: string | null): Promise<Official[]> {
    let q = this.db.selectFrom('official').selectAll();
    if (unitCode) q = q.where(sql<boolean>`${unitCode} = any(unit_codes)`);
    return (await q.orderBy('username').execute()).map(toOfficial);
  }

  async insertOfficials(rows: (Omit<Official, 'active' | 'createdAt' | 'updatedAt'> & { jobTitle?: string | null })[], now: Date): Promise<void> {
    for (const o of rows) {
      await this.db
        .insertInto('official')
        .values({
          id: o.id,
          username: o.username,
          subject: o.subject,
          full_name: o.fullName,
          roles: o.roles,
          unit_codes: o.unitCodes,
          email: o.email,
          job_title: o.jobTitle ?? null,
          created_at: now,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('username').doNothing())
        .execute();
    }
  }

  async updateOfficial(id: string, patch: { fullName?: string; roles?: OfficialRole[]; active?: boolean; email?: string | null }, now: Date): Promise<void> {
    await this.db
      .updateTable('official')
      .set({
        ...(patch.fullName !== undefined ? { full_name: patch.fullName } : {}),
        ...(patch.roles !== undefined ? { roles: patch.roles } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        ...(patch.email !== undefined ? { email: patch.email } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
  }

  // Sessions --------------------------------------------------------------------------------

  async insertSession(row: Omit<SessionRow, 'claims'> & { claims: Record<string, unknown> }): Promise<void> {
    await this.db
      .insertInto('auth_session')
      .values({ ...row, claims: JSON.stringify(row.claims) })
      .execute();
  }

  async getSession(idHash: string): Promise<SessionRow | undefined> {
    return this.db.selectFrom('auth_session').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
  }

  async touchSession(idHash: string, now: Date): Promise<void> {
    await this.db.updateTable('auth_session').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom('auth_session').where('id_hash', '=', idHash).execute();
  }

  async deleteSessionsOfOfficial(officialId: string): Promise<void> {
    await this.db.deleteFrom('auth_session').where('official_id', '=', officialId).execute();
  }

  /** A citizen's sessions (newest first), for the data they may download about themselves. */
  async citizenSessions(idNumber: string): Promise<SessionRow[]> {
    return this.db
      .selectFrom('auth_session')
      .selectAll()
      .where('kind', '=', 'citizen')
      .where(sql<boolean>`claims->>'idNumber' = ${idNumber}`)
      .orderBy('created_at', 'desc')
      .execute();
  }

  async deleteExpiredSessions(now: Date, idleSince: Date): Promise<void> {
    await this.db
      .deleteFrom('auth_session')
      .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<', idleSince)]))
      .execute();
  }

  // Login attempts --------------------------------------------------------------------------

  async insertLoginAttempt(row: { id_hash: string; state: string; nonce: string; code_verifier: string; return_to: string; created_at: Date }): Promise<void> {
    await this.db.insertInto('login_attempt').values(row).execute();
  }

  /** Single use: the row is deleted as it is read, so a replayed callback finds nothing. */
  async takeLoginAttempt(idHash: string) {
    return this.db.deleteFrom('login_attempt').where('id_hash', '=', idHash).returningAll().executeTakeFirst();
  }

  async deleteLoginAttemptsBefore(cutoff: Date): Promise<void> {
    await this.db.deleteFrom('login_attempt').where('created_at', '<', cutoff).execute();
  }

  // API tokens ------------------------------------------------------------------------------

  async insertToken(row: {
    id: string;
    token_hash: string;
    label: string;
    role: string;
    unit_code: string;
    created_by: string;
    created_at: Date;
    expires_at: Date | null;
  }): Promise<ApiToken> {
    const r = await this.db.insertInto('api_token').values(row).returningAll().executeTakeFirstOrThrow();
    return toToken(r);
  }

  async findTokenByHash(hash: string): Promise<ApiToken | undefined> {
    const r = await this.db.selectFrom('api_token').selectAll().where('token_hash', '=', hash).executeTakeFirst();
    return r ? toToken(r) : undefined;
  }

  async getToken(id: string): Promise<ApiToken | undefined> {
    const r = await this.db.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toToken(r) : undefined;
  }

  async listTokens(unitCodes: string[] | null): Promise<ApiToken[]> {
    let q = this.db.selectFrom('api_token').selectAll();
    if (unitCodes) q = q.where('unit_code', 'in', unitCodes.length ? unitCodes : ['']);
    return (await q.orderBy('created_at', 'desc').execute()).map(toToken);
  }

  async revokeToken(id: string, now: Date): Promise<void> {
    await this.db.updateTable('api_token').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  }

  async markTokenUsed(id: string, now: Date): Promise<void> {
    await this.db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', id).execute();
  }
}
