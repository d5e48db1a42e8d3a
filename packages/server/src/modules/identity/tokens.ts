import { randomUUID } from 'node:crypto';
import type { CreatedApiToken } from '@motcua/core/api';
import type { AppContext } from '../../platform/context.ts';
import type { Actor, OfficialRole } from '../../platform/access.ts';
import { badRequest, notFound } from '../../platform/errors.ts';
import type { ApiToken, IdentityStore } from './store.ts';
import { randomSecret, sha256 } from './sessions.ts';
import { administeredUnits, assertAdministers, assertGrantable } from './officials.ts';
import { unitOf } from '../units/index.ts';

const PREFIX = 'mct_';

/** API tokens act as an official with one role in one unit, for integrations and scripts. */
export class ApiTokens {
  constructor(
    private readonly ctx: AppContext,
    private readonly store: IdentityStore,
  ) {}

  /** Without an acting official (the CLI on the server itself), no scope check applies. */
  async create(actor: Actor | 'cli', input: { role: OfficialRole; unitCode: string; label?: string; expiresInDays?: number }): Promise<CreatedApiToken> {
    if (actor !== 'cli') {
      assertAdministers(actor, input.unitCode);
      assertGrantable(actor, [input.role]);
    }
    if (!unitOf(input.unitCode)) throw badRequest(`Không có đơn vị ${input.unitCode}.`, `No unit ${input.unitCode}.`);
    const now = this.ctx.clock.now();
    const token = PREFIX + randomSecret();
    const created = await this.store.insertToken({
      id: randomUUID(),
      token_hash: sha256(token),
      label: input.label?.trim() || `${input.role}@${input.unitCode}`,
      role: input.role,
      unit_code: input.unitCode,
      created_by: actor === 'cli' ? 'cli' : actor.kind === 'official' ? actor.userId : 'unknown',
      created_at: now,
      expires_at: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
    });
    return { ...created, token };
  }

  list(actor: Actor): Promise<ApiToken[]> {
    return this.store.listTokens(administeredUnits(actor));
  }

  async revoke(actor: Actor, id: string): Promise<void> {
    const token = await this.store.getToken(id);
    if (!token) throw notFound('mã truy cập API', 'API token', id);
    assertAdministers(actor, token.unitCode);
    await this.store.revokeToken(id, this.ctx.clock.now());
  }

  /** Checked on every request, so a revocation takes effect on the very next call. */
  async actorFor(bearer: string): Promise<Actor | undefined> {
    if (!bearer.startsWith(PREFIX)) return undefined;
    const t = await this.store.findTokenByHash(sha256(bearer));
    const now = this.ctx.clock.now();
    if (!t || t.revokedAt || (t.expiresAt && new Date(t.expiresAt) <= now)) return undefined;
    if (!t.lastUsedAt || now.getTime() - new Date(t.lastUsedAt).getTime() > 60_000) await this.store.markTokenUsed(t.id, now);
    return { kind: 'official', userId: `token:${t.id}`, fullName: t.label, roles: [t.role], unitCodes: [t.unitCode], via: 'token' };
  }
}
