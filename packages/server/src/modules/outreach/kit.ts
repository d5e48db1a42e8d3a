import type { FieldKit } from '@motcua/core/api';
import { PROBLEM } from '@motcua/core/problems';
import { defaultCalendar } from '@motcua/core/calendar';
import { reservedCodeBlock, RESERVED_BLOCK_SIZE, type ReservedCodeBlock } from '@motcua/core/dossier';
import { sql } from 'kysely';
import { inTransaction, type Db } from '../../db/database.ts';
import type { Actor } from '../../platform/access.ts';
import type { AppContext } from '../../platform/context.ts';
import { forbidden, Problem } from '../../platform/errors.ts';
import { sees } from '../../platform/privacy.ts';
import { auditRead } from '../audit/index.ts';
import { assertUnitRole, FIELD_ROLES } from './access.ts';
import { CREDENTIAL_HEADER, CREDENTIAL_SCOPE, type OutreachCredentials } from './credential.ts';
import { sessionNotFound } from './planning.ts';
import { PlanningStore } from './store.ts';
import { CHUNK_SIZE } from './chunks.ts';
import { MAX_OPS_PER_BATCH } from '@motcua/core/api';
import { proceduresOf } from '../catalog/index.ts';
import { officialsById } from '../identity/index.ts';
import { hamletsOf, unitOf } from '../units/index.ts';

const knownUnit = (code: string) => {
  const unit = unitOf(code);
  if (!unit) throw new Error(`No unit ${code}`);
  return unit;
};

/** Whether a unique constraint refused a row (the loser of a race). */
export const isUniqueViolation = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505';

/**
 * Hands out a reserved block for (session, official, device): the same block again when that
 * device asks twice (a re-downloaded kit must not burn numbers), a new block otherwise. The
 * counter's upsert takes a row lock, so concurrent kits of one unit get distinct indices.
 */
export async function blockFor(trx: Db, unitCode: string, sessionId: string, userId: string, deviceId: string, now: Date): Promise<ReservedCodeBlock> {
  const existing = await trx
    .selectFrom('outreach_code_block')
    .select('block_index')
    .where('session_id', '=', sessionId)
    .where('user_id', '=', userId)
    .where('device_id', '=', deviceId)
    .executeTakeFirst();
  if (existing) return reservedCodeBlock(unitCode, existing.block_index);
  const r = await sql<{ next_index: number }>`
    insert into outreach_block_counter (unit_code, next_index) values (${unitCode}, 1)
    on conflict (unit_code) do update set next_index = outreach_block_counter.next_index + 1
    returning next_index`.execute(trx);
  const index = Number(r.rows[0]!.next_index) - 1;
  await trx
    .insertInto('outreach_code_block')
    .values({ unit_code: unitCode, block_index: index, session_id: sessionId, user_id: userId, device_id: deviceId, issued_at: now })
    .execute();
  return reservedCodeBlock(unitCode, index);
}

/** The blocks issued to an official for a session: a reserved code is valid only inside one of them. */
export async function blocksOf(db: Db, sessionId: string, userId: string): Promise<ReservedCodeBlock[]> {
  const rows = await db
    .selectFrom('outreach_code_block')
    .select(['unit_code', 'block_index'])
    .where('session_id', '=', sessionId)
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => reservedCodeBlock(r.unit_code, r.block_index));
}

export type { FieldKit } from '@motcua/core/api';

/** Everything the field app needs to work a session offline. */
export async function fieldKit(ctx: AppContext, credentials: OutreachCredentials, actor: Actor, sessionId: string, deviceId: string): Promise<FieldKit> {
  const store = new PlanningStore(ctx.db);
  const session = await store.session(sessionId);
  if (!session) throw sessionNotFound(sessionId);
  const official = assertUnitRole(actor, session.unitCode, FIELD_ROLES);
  const round = (await store.round(session.roundId))!;
  if (!round.teamUserIds.includes(official.userId)) {
    throw forbidden('Bạn không có tên trong tổ lưu động của buổi này.', 'You are not on the team for this session.');
  }
  if (session.status === 'cancelled') throw new Problem(409, PROBLEM.session_cancelled, 'Buổi lưu động này đã bị hủy.', 'This session was cancelled.');
  const now = ctx.clock.now();

  let issued: { block: ReservedCodeBlock; credential: { id: string; token: string; expiresAt: Date } };
  try {
    issued = await inTransaction(ctx.db, async (trx) => ({
      block: await blockFor(trx, session.unitCode, session.id, official.userId, deviceId, now),
      credential: await credentials.issue(trx, official, session, deviceId),
    }));
  } catch (e) {
    // The same device asked twice at once: the first request's block stands; issue again.
    if (!isUniqueViolation(e)) throw e;
    issued = await inTransaction(ctx.db, async (trx) => ({
      block: await blockFor(trx, session.unitCode, session.id, official.userId, deviceId, now),
      credential: await credentials.issue(trx, official, session, deviceId),
    }));
  }

  const [unit, hamlets, team, residents, procedures] = await Promise.all([
    knownUnit(session.unitCode),
    hamletsOf(ctx.db, session.unitCode),
    officialsById(ctx.db, round.teamUserIds),
    store.listAssistance(session.unitCode),
    proceduresOf(ctx.db, round.procedureCodes),
  ]);
  // Names and health reasons go to the phone only if the policy lets this official see them; audited.
  const visitable = sees(official, 'residents', { unitCode: session.unitCode }) ? residents.filter((r) => session.hamletCodes.includes(r.hamletCode)) : [];
  if (visitable.length > 0) {
    await auditRead(ctx.db, ctx.clock, official, {
      action: 'outreach.residents.read',
      dossierCode: null,
      kinds: ['residents'],
      detail: { unitCode: session.unitCode, sessionId: session.id, count: visitable.length },
    });
  }
  return {
    issuedAt: now.toISOString(),
    serverClock: { receivedAt: now.toISOString(), sentAt: ctx.clock.now().toISOString() },
    session: {
      id: session.id,
      roundId: round.id,
      roundTitle: round.title,
      unitCode: session.unitCode,
      unitName: unit.fullName,
      day: session.day,
      part: session.part,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      meetingPoint: session.meetingPoint,
      hamletCodes: session.hamletCodes,
    },
    procedures,
    calendar: defaultCalendar,
    hamlets: hamlets
      .filter((h) => h.active)
      .map((h) => ({
        code: h.code,
        name: h.name,
        kind: h.kind,
        distanceKm: h.distanceKm,
        travelMinutes: h.travelMinutes,
      })),
    team: team.map((m) => ({ userId: m.userId, fullName: m.fullName, roles: m.roles })),
    residentsNeedingHelp: visitable.map((r) => ({ id: r.id, hamletCode: r.hamletCode, fullName: r.fullName, reason: r.reason, note: r.note })),
    codeBlock: { ...issued.block, size: RESERVED_BLOCK_SIZE, format: `${session.unitCode}-YYMMDD-NNNN (NNNN = firstSeq + offset, YYMMDD = ngày tiếp nhận)` },
    credential: {
      id: issued.credential.id,
      token: issued.credential.token,
      expiresAt: issued.credential.expiresAt.toISOString(),
      scope: CREDENTIAL_SCOPE,
      header: CREDENTIAL_HEADER,
    },
    sync: { opsUrl: '/api/office/outreach/sync', uploadsUrl: '/api/office/outreach/uploads', maxOpsPerBatch: MAX_OPS_PER_BATCH, chunkSize: CHUNK_SIZE },
  };
}
