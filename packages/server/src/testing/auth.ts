import type { OfficialRole } from '../platform/access.ts';
import type { TestContext } from './harness.ts';
import { IdentityService } from '../modules/identity/service.ts';
import { demoPeople, citizenClaims } from '../modules/identity/demo-people.ts';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '../modules/identity/sessions.ts';

export interface AuthHeaders {
  /** Pass to app.inject: cookie (session + CSRF) and the x-csrf-token header. */
  headers: Record<string, string>;
}

/**
 * A signed-in client for API tests without the OIDC redirect dance: creates the session in the
 * store exactly as /auth/callback would. `who` is 'citizen:<CCCD>' (a demo citizen, or any
 * 12-digit number for a synthetic citizen) or 'official:<username>' (an official in the database,
 * e.g. a demo official from packages/server/data/demo-people.json).
 */
export async function loginAs(
  t: Pick<TestContext, 'ctx'>,
  who: `citizen:${string}` | `official:${string}`,
): Promise<AuthHeaders & { sessionId: string; csrfToken: string }> {
  const identity = new IdentityService(t.ctx);
  const [kind, id = ''] = who.split(/:(.*)/s) as [string, string];
  let issued: Awaited<ReturnType<IdentityService['startSession']>>;
  if (kind === 'citizen') {
    const demo = demoPeople().citizens.find((c) => c.idNumber === id);
    const claims = demo ? citizenClaims(demo) : { sub: `test-${id}`, id_number: id, name: `Công dân ${id}` };
    issued = await identity.startSession(claims as { sub: string });
  } else if (kind === 'official') {
    const official = await identity.findOfficialByUsername(id);
    if (!official) throw new Error(`loginAs: no official "${id}" (seed demo data or create one first)`);
    issued = await identity.startSession({ sub: official.subject ?? official.username, preferred_username: official.username, motcua_official: true });
  } else {
    throw new Error(`loginAs: expected 'citizen:<cccd>' or 'official:<username>', got "${who}"`);
  }
  return {
    sessionId: issued.sessionId,
    csrfToken: issued.csrfToken,
    headers: { cookie: `${SESSION_COOKIE}=${issued.sessionId}; ${CSRF_COOKIE}=${issued.csrfToken}`, [CSRF_HEADER]: issued.csrfToken },
  };
}

/** An API token for a role in a unit, as `npm run token` makes; headers carry `Authorization: Bearer …`. */
export async function bearerFor(t: Pick<TestContext, 'ctx'>, role: OfficialRole, unitCode: string): Promise<AuthHeaders & { token: string; id: string }> {
  const created = await new IdentityService(t.ctx).tokens.create('cli', { role, unitCode });
  return { token: created.token, id: created.id, headers: { authorization: `Bearer ${created.token}` } };
}
