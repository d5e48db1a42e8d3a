import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import type { IdentityStore, SessionRow } from './store.ts';

export const SESSION_COOKIE = 'motcua_session';
export const CSRF_COOKIE = 'motcua_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
export const randomSecret = (bytes = 32) => randomBytes(bytes).toString('base64url');

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(sha256(a));
  const y = Buffer.from(sha256(b));
  return timingSafeEqual(x, y);
}

export interface NewSession {
  kind: 'citizen' | 'official';
  subject: string;
  officialId: string | null;
  claims: Record<string, unknown>;
}

/** The cookie values of a fresh session; only their hashes reach the database. */
export interface IssuedSession {
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Sessions expire after `sessionIdleMinutes` without a request (sliding) and in any case
 * `sessionAbsoluteHours` after login, whichever comes first.
 */
export class Sessions {
  constructor(
    private readonly ctx: AppContext,
    private readonly store: IdentityStore,
  ) {}

  private get idleMs() {
    return this.ctx.config.identity.sessionIdleMinutes * 60_000;
  }

  async create(s: NewSession): Promise<IssuedSession> {
    const now = this.ctx.clock.now();
    // Abandoned sessions are cleared here rather than by a timer: logins are rare enough to afford it.
    await this.sweep();
    const sessionId = randomSecret();
    const csrfToken = randomSecret();
    const expiresAt = new Date(now.getTime() + this.ctx.config.identity.sessionAbsoluteHours * 3_600_000);
    await this.store.insertSession({
      id_hash: sha256(sessionId),
      csrf_hash: sha256(csrfToken),
      kind: s.kind,
      subject: s.subject,
      official_id: s.officialId,
      claims: s.claims,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
    });
    return { sessionId, csrfToken, expiresAt };
  }

  /** The live session for a cookie value, slid forward; expired or unknown sessions give undefined. */
  async resolve(sessionId: string): Promise<SessionRow | undefined> {
    const hash = sha256(sessionId);
    const row = await this.store.getSession(hash);
    if (!row) return undefined;
    const now = this.ctx.clock.now();
    if (new Date(row.expires_at) <= now || now.getTime() - new Date(row.last_seen_at).getTime() >= this.idleMs) {
      await this.store.deleteSession(hash);
      return undefined;
    }
    // Writing on every request would serialise all reads on the embedded database; a minute is
    // far below the idle limit.
    if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) await this.store.touchSession(hash, now);
    return row;
  }

  destroy(sessionId: string): Promise<void> {
    return this.store.deleteSession(sha256(sessionId));
  }

  async sweep(): Promise<void> {
    const now = this.ctx.clock.now();
    await this.store.deleteExpiredSessions(now, new Date(now.getTime() - this.idleMs));
  }

  private cookieBase() {
    return { path: '/', sameSite: 'lax' as const, secure: this.ctx.config.publicUrl.startsWith('https:') };
  }

  setCookies(reply: FastifyReply, issued: IssuedSession): void {
    const maxAge = Math.max(1, Math.floor((issued.expiresAt.getTime() - this.ctx.clock.now().getTime()) / 1000));
    reply.setCookie(SESSION_COOKIE, issued.sessionId, { ...this.cookieBase(), httpOnly: true, maxAge });
    // Readable by the web app, which echoes it in x-csrf-token (double submit).
    reply.setCookie(CSRF_COOKIE, issued.csrfToken, { ...this.cookieBase(), httpOnly: false, maxAge });
  }

  clearCookies(reply: FastifyReply): void {
    reply.clearCookie(SESSION_COOKIE, this.cookieBase());
    reply.clearCookie(CSRF_COOKIE, this.cookieBase());
  }

  /**
   * Double-submit check for cookie-authenticated changes: the header must equal the cookie, and
   * both must be the token issued with this session (so a cookie planted by a sibling site fails).
   */
  static csrfOk(request: FastifyRequest, row: SessionRow): boolean {
    const header = request.headers[CSRF_HEADER];
    const cookie = request.cookies[CSRF_COOKIE];
    if (typeof header !== 'string' || !header || !cookie) return false;
    return sameSecret(header, cookie) && sha256(header) === row.csrf_hash;
  }
}
