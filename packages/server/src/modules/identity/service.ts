import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { nfc } from '@motcua/core/text';
import type { AppContext } from '../../platform/context.ts';
import type { Actor, OfficialRole } from '../../platform/access.ts';
import { Problem, badRequest, forbidden } from '../../platform/errors.ts';
import { IdentityStore, type Official } from './store.ts';
import { Sessions, SESSION_COOKIE, randomSecret, sha256, type IssuedSession } from './sessions.ts';
import { demoPeople } from './demo-people.ts';
import { OfficialAdmin } from './officials.ts';
import { ApiTokens } from './tokens.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const CCCD = /^[0-9]{12}$/;

/** Claims from the provider's ID token and userinfo, merged. */
export type LoginClaims = Record<string, unknown> & { sub: string };

export interface CitizenProfile {
  subject: string;
  idNumber: string;
  fullName: string;
  birthdate: string | null;
  gender: string | null;
  phoneNumber: string | null;
  address: Record<string, unknown> | null;
  communeCode: string | null;
}

export class IdentityService {
  readonly store: IdentityStore;
  readonly sessions: Sessions;
  readonly officials: OfficialAdmin;
  readonly tokens: ApiTokens;

  constructor(private readonly ctx: AppContext) {
    this.store = new IdentityStore(ctx.db);
    this.sessions = new Sessions(ctx, this.store);
    this.officials = new OfficialAdmin(ctx, this.store);
    this.tokens = new ApiTokens(ctx, this.store);
  }

  /**
   * The one place that says who is calling. A Bearer token wins and needs no CSRF token; otherwise
   * the session cookie. Unknown, expired, revoked or tampered credentials give an anonymous actor,
   * so protected routes answer 401. A cookie-authenticated change without the matching CSRF token
   * is refused outright (403).
   */
  resolveActor = async (request: FastifyRequest): Promise<Actor> => {
    // The development provider has its own cookies; our session plays no part there.
    if (request.url.startsWith('/dev-idp')) return { kind: 'anonymous' };
    const auth = request.headers.authorization;
    if (auth && /^bearer\s/i.test(auth)) {
      return (await this.tokens.actorFor(auth.slice(7).trim())) ?? { kind: 'anonymous' };
    }
    const sessionId = request.cookies[SESSION_COOKIE];
    if (!sessionId) return { kind: 'anonymous' };
    const row = await this.sessions.resolve(sessionId);
    if (!row) return { kind: 'anonymous' };
    if (!SAFE_METHODS.has(request.method) && !Sessions.csrfOk(request, row)) {
      throw new Problem(
        403,
        'csrf_failed',
        'Thiếu hoặc sai mã chống giả mạo yêu cầu (CSRF). Hãy tải lại trang.',
        'Missing or wrong CSRF token; reload the page.',
      );
    }
    const sessionRef = sha256(sessionId).slice(0, 16);
    if (row.kind === 'citizen') {
      const p = row.claims as unknown as CitizenProfile;
      return { kind: 'citizen', subject: row.subject, idNumber: p.idNumber, fullName: p.fullName, sessionId: sessionRef };
    }
    const official = row.official_id ? await this.store.getOfficial(row.official_id) : undefined;
    // Roles and units are read on every request so that a change or deactivation applies at once.
    if (!official?.active) return { kind: 'anonymous' };
    return {
      kind: 'official',
      userId: official.id,
      fullName: official.fullName,
      roles: official.roles,
      unitCodes: official.unitCodes,
      via: 'session',
      sessionId: sessionRef,
    };
  };

  /** The citizen's profile kept in the session (for /api/me and prefilled forms). */
  async citizenProfile(sessionId: string): Promise<CitizenProfile | undefined> {
    const row = await this.store.getSession(sha256(sessionId));
    return row?.kind === 'citizen' ? (row.claims as unknown as CitizenProfile) : undefined;
  }

  /**
   * Turns a completed OIDC login into a session. Officials are recognised by the `motcua_official`
   * claim and matched by subject (or by username until the first login binds the subject);
   * everyone else is a citizen and must carry a 12-digit CCCD in `id_number`.
   */
  async startSession(claims: LoginClaims): Promise<IssuedSession> {
    const now = this.ctx.clock.now();
    if (claims.motcua_official === true) {
      const username = typeof claims.preferred_username === 'string' ? claims.preferred_username : undefined;
      const official = await this.store.findOfficialForLogin(claims.sub, username);
      if (!official?.active) {
        throw forbidden('Tài khoản này không phải cán bộ đang công tác tại xã nào.', 'This account is not an active official of any unit.');
      }
      if (!official.subject) await this.store.bindSubject(official.id, claims.sub, now);
      return this.sessions.create({ kind: 'official', subject: claims.sub, officialId: official.id, claims: {} });
    }
    const idNumber = String(claims.id_number ?? '');
    if (!CCCD.test(idNumber)) {
      throw badRequest('Nhà cung cấp định danh không trả về số CCCD hợp lệ (12 chữ số).', 'The identity provider gave no valid 12-digit CCCD (id_number).');
    }
    const str = (v: unknown) => (typeof v === 'string' && v ? nfc(v) : null);
    const profile: CitizenProfile = {
      subject: claims.sub,
      idNumber,
      fullName: str(claims.name) ?? idNumber,
      birthdate: str(claims.birthdate),
      gender: str(claims.gender),
      phoneNumber: str(claims.phone_number),
      address: claims.address && typeof claims.address === 'object' ? (claims.address as Record<string, unknown>) : null,
      communeCode: str(claims.commune_code),
    };
    return this.sessions.create({ kind: 'citizen', subject: claims.sub, officialId: null, claims: profile as unknown as Record<string, unknown> });
  }

  /**
   * What Motcua keeps of a citizen's logins: when each session began, was last used and ends,
   * and the claims the identity provider released (khoản 7 Điều 9 Nghị định 13/2023).
   */
  async citizenSessions(idNumber: string): Promise<{ createdAt: string; lastSeenAt: string; expiresAt: string; claims: Record<string, unknown> }[]> {
    const rows = await this.store.citizenSessions(idNumber);
    return rows.map((r) => ({
      createdAt: new Date(r.created_at).toISOString(),
      lastSeenAt: new Date(r.last_seen_at).toISOString(),
      expiresAt: new Date(r.expires_at).toISOString(),
      claims: r.claims,
    }));
  }

  /** Demo officials are loaded with the demo data; idempotent by username. */
  async seed(withDemo: boolean): Promise<void> {
    if (!withDemo) return;
    const rows = demoPeople().officials.map((o) => ({
      id: randomUUID(),
      username: o.username,
      subject: null,
      fullName: o.name,
      roles: o.roles,
      unitCodes: o.unitCodes,
      email: o.email ?? null,
      jobTitle: o.jobTitle ?? null,
    }));
    await this.store.insertOfficials(rows, this.ctx.clock.now());
  }

  findOfficialByUsername(username: string): Promise<Official | undefined> {
    return this.store.findOfficialByUsername(username);
  }
}

export { randomSecret };
export type { OfficialRole };
