import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import { PROBLEM } from '@motcua/core/problems';
import { FIELD_GRACE_DAYS, fieldWindow } from '@motcua/core/field';

import type { Db } from '../../db/database.ts';
import type { Actor } from '../../platform/access.ts';
import type { AppContext } from '../../platform/context.ts';
import { Problem } from '../../platform/errors.ts';
import { FIELD_ROLES, type Official } from './access.ts';
import { officialsById } from '../identity/index.ts';

/** The header the field app sends its offline credential in (Authorization stays the identity module's). */
export const CREDENTIAL_HEADER = 'x-outreach-credential';
export const CREDENTIAL_SCOPE = 'outreach:sync';
/** Days after the session day during which the team may still sync (no signal in the hamlet, a weekend). */
export const GRACE_DAYS = FIELD_GRACE_DAYS;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const invalid = () =>
  new Problem(
    401,
    PROBLEM.outreach_credential_invalid,
    'Mã truy cập lưu động không hợp lệ, đã hết hạn hoặc đã bị thu hồi. Hãy đăng nhập để đồng bộ.',
    'The outreach credential is invalid, expired or revoked. Log in to sync.',
  );

/**
 * Offline credentials: an HS256 JWT naming the official, the session and the sync scope, valid
 * until the end of the session day plus GRACE_DAYS. Its SHA-256 is stored, and every use checks
 * the row, so a lost phone's credential is revoked at once. The signing key lives in the
 * database so that every server of a deployment accepts what another issued.
 */
export class OutreachCredentials {
  constructor(private readonly ctx: AppContext) {}

  private async key(db: Db = this.ctx.db): Promise<Uint8Array> {
    const fresh = randomBytes(32).toString('base64url');
    await db
      .insertInto('outreach_signing_key')
      .values({ id: 1, secret: fresh })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const row = await db.selectFrom('outreach_signing_key').select('secret').where('id', '=', 1).executeTakeFirstOrThrow();
    return Buffer.from(row.secret, 'base64url');
  }

  /** Issues a credential for one device; earlier ones of the same device for this session are revoked. */
  async issue(trx: Db, official: Official, session: { id: string; day: string }, deviceId: string): Promise<{ id: string; token: string; expiresAt: Date }> {
    const now = this.ctx.clock.now();
    // The field window's close (@motcua/core/field): work of this session is dated no later either.
    const expiresAt = fieldWindow(session.day).closesAt;
    const id = randomUUID();
    const token = await new SignJWT({ sid: session.id, scope: CREDENTIAL_SCOPE, dev: deviceId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(official.userId)
      .setJti(id)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(await this.key(trx));
    await trx
      .updateTable('outreach_credential')
      .set({ revoked_at: now })
      .where('session_id', '=', session.id)
      .where('user_id', '=', official.userId)
      .where('device_id', '=', deviceId)
      .where('revoked_at', 'is', null)
      .execute();
    await trx
      .insertInto('outreach_credential')
      .values({
        id,
        session_id: session.id,
        user_id: official.userId,
        device_id: deviceId,
        token_hash: sha256(token),
        issued_at: now,
        expires_at: expiresAt,
      })
      .execute();
    return { id, token, expiresAt };
  }

  /** The official a credential speaks for, and the one session it may sync; 401 otherwise. */
  async verify(token: string): Promise<{ actor: Official; sessionId: string; credentialId: string }> {
    const now = this.ctx.clock.now();
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await this.key(), { algorithms: ['HS256'], currentDate: now }));
    } catch {
      throw invalid();
    }
    if (payload.scope !== CREDENTIAL_SCOPE || typeof payload.sid !== 'string' || typeof payload.sub !== 'string') throw invalid();
    const row = await this.ctx.db.selectFrom('outreach_credential').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst();
    if (!row || row.revoked_at || new Date(row.expires_at) <= now || row.session_id !== payload.sid) throw invalid();
    // Roles and units are read now: a transferred or deactivated official's phone stops syncing.
    const [member] = await officialsById(this.ctx.db, [row.user_id]);
    const session = await this.ctx.db.selectFrom('outreach_session').select('unit_code').where('id', '=', row.session_id).executeTakeFirst();
    if (!member?.active || !session || !member.unitCodes.includes(session.unit_code)) throw invalid();
    const roles = member.roles.filter((r): r is Official['roles'][number] => (FIELD_ROLES as string[]).includes(r));
    if (roles.length === 0) throw invalid();
    return {
      actor: {
        kind: 'official',
        userId: member.userId,
        fullName: member.fullName,
        roles: member.roles as Official['roles'],
        unitCodes: member.unitCodes,
        via: 'token',
      },
      sessionId: row.session_id,
      credentialId: row.id,
    };
  }

  /** Revokes one credential (a lost phone). Returns false when there was nothing to revoke. */
  async revoke(id: string): Promise<boolean> {
    const r = await this.ctx.db
      .updateTable('outreach_credential')
      .set({ revoked_at: this.ctx.clock.now() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async sessionOf(id: string): Promise<{ sessionId: string; userId: string } | undefined> {
    const r = await this.ctx.db.selectFrom('outreach_credential').select(['session_id', 'user_id']).where('id', '=', id).executeTakeFirst();
    return r ? { sessionId: r.session_id, userId: r.user_id } : undefined;
  }
}

/**
 * Who is syncing: a signed-in official, or (the usual case back from the field, session cookie
 * long expired) the offline credential in CREDENTIAL_HEADER. The credential is bound to one session.
 */
export async function fieldCaller(
  credentials: OutreachCredentials,
  actor: Actor,
  header: string | string[] | undefined,
): Promise<{ actor: Official; sessionId: string | null }> {
  if (typeof header === 'string' && header.length > 0) {
    const v = await credentials.verify(header);
    return { actor: v.actor, sessionId: v.sessionId };
  }
  if (actor.kind === 'official') return { actor, sessionId: null };
  throw new Problem(401, PROBLEM.unauthorized, 'Bạn cần đăng nhập hoặc dùng mã truy cập lưu động.', 'Log in or send the outreach credential.');
}
