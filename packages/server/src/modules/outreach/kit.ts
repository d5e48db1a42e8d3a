import type { FieldKit, ReturnedCodes } from '@motcua/core/api';
import { PROBLEM } from '@motcua/core/problems';
import { defaultCalendar } from '@motcua/core/calendar';
import { MAX_DAILY_SEQ, parseDossierCode, RESERVED_BLOCK_SIZE, type ReservedCodeBlock } from '@motcua/core/dossier';
import { inTransaction, type Db } from '../../db/database.ts';
import type { Actor } from '../../platform/access.ts';
import type { AppContext } from '../../platform/context.ts';
import { forbidden, notFound, Problem } from '../../platform/errors.ts';
import { sees } from '../../platform/privacy.ts';
import { appendAudit, auditActor, auditRead } from '../audit/index.ts';
import { assertUnitRole, FIELD_ROLES } from './access.ts';
import { CREDENTIAL_HEADER, CREDENTIAL_SCOPE, type OutreachCredentials } from './credential.ts';
import { sessionNotFound } from './planning.ts';
import { PlanningStore } from './store.ts';
import { CHUNK_SIZE } from './chunks.ts';
import { MAX_OPS_PER_BATCH } from '@motcua/core/api';
import { proceduresOf } from '../catalog/index.ts';
import { officialsById } from '../identity/index.ts';
import { agencyCodeOf, hamletsOf, unitOf } from '../units/index.ts';
import { reserveDayNumbers, returnDayNumbers } from '../dossiers/index.ts';

const knownUnit = (code: string) => {
  const unit = unitOf(code);
  if (!unit) throw new Error(`No unit ${code}`);
  return unit;
};

/** Whether a unique constraint refused a row (the loser of a race). */
export const isUniqueViolation = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505';

const blockOf = (r: { agency_code: string; block_index: number; first_seq: number; last_seq: number }): ReservedCodeBlock => ({
  agencyCode: r.agency_code,
  blockIndex: r.block_index,
  firstSeq: r.first_seq,
  lastSeq: r.last_seq,
});

/** Who holds a block's numbers in the dossiers module's day ledger. */
export const blockHolder = (sessionId: string, userId: string, deviceId: string) => `outreach:${sessionId}:${userId}:${deviceId}`;

/**
 * Hands out a reserved block for (session, official, device): the same block again when that
 * device asks twice (a re-downloaded kit must not burn numbers), a new block otherwise, carved
 * from the session day's numbers by the dossiers module under the day's lock. None left that
 * day: a clear refusal rather than a code of five digits.
 */
export async function blockFor(
  trx: Db,
  session: { id: string; unitCode: string; day: string },
  userId: string,
  deviceId: string,
  now: Date,
): Promise<ReservedCodeBlock> {
  const existing = await trx
    .selectFrom('outreach_code_block')
    .select(['agency_code', 'block_index', 'first_seq', 'last_seq'])
    .where('session_id', '=', session.id)
    .where('user_id', '=', userId)
    .where('device_id', '=', deviceId)
    .executeTakeFirst();
  if (existing) return blockOf(existing);
  const agencyCode = await agencyCodeOf(trx, session.unitCode);
  const range = agencyCode ? await reserveDayNumbers(trx, session.unitCode, session.day, blockHolder(session.id, userId, deviceId)) : null;
  if (!agencyCode || !range) {
    throw new Problem(
      503,
      PROBLEM.daily_capacity,
      `Ngày ${session.day} không còn đủ ${RESERVED_BLOCK_SIZE} số hồ sơ để dành cho tiếp nhận lưu động (mã hồ sơ có 4 chữ số, tối đa 9.999 số mỗi ngày — Điều 19 Thông tư 01/2018/TT-VPCP).`,
      `${session.day} has no ${RESERVED_BLOCK_SIZE} dossier numbers left to hold for mobile outreach (codes have 4 digits, at most 9,999 a day — Circular 01/2018/TT-VPCP art. 19).`,
    );
  }
  const row = {
    agency_code: agencyCode,
    block_index: (MAX_DAILY_SEQ - range.lastSeq) / RESERVED_BLOCK_SIZE,
    first_seq: range.firstSeq,
    last_seq: range.lastSeq,
  };
  await trx
    .insertInto('outreach_code_block')
    .values({ ...row, unit_code: session.unitCode, day: session.day, session_id: session.id, user_id: userId, device_id: deviceId, issued_at: now })
    .execute();
  return blockOf(row);
}

/** The blocks issued to an official for a session: a reserved code is valid only inside one of them. */
export async function blocksOf(db: Db, sessionId: string, userId: string): Promise<ReservedCodeBlock[]> {
  const rows = await db
    .selectFrom('outreach_code_block')
    .select(['agency_code', 'block_index', 'first_seq', 'last_seq'])
    .where('session_id', '=', sessionId)
    .where('user_id', '=', userId)
    .execute();
  return rows.map(blockOf);
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
      block: await blockFor(trx, session, official.userId, deviceId, now),
      credential: await credentials.issue(trx, official, session, deviceId),
    }));
  } catch (e) {
    // The same device asked twice at once: the first request's block stands; issue again.
    if (!isUniqueViolation(e)) throw e;
    issued = await inTransaction(ctx.db, async (trx) => ({
      block: await blockFor(trx, session, official.userId, deviceId, now),
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
    codeBlock: {
      ...issued.block,
      size: issued.block.lastSeq - issued.block.firstSeq + 1,
      format: `${issued.block.agencyCode}-YYMMDD-XXXX (XXXX = firstSeq + offset, YYMMDD = ngày tiếp nhận; Điều 19 Thông tư 01/2018/TT-VPCP)`,
    },
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

/**
 * The field app gives back the numbers of its block it did not use (offsets `used` onwards),
 * once it has synced every dossier it numbered and stops numbering from the block. Numbers a
 * synced dossier carries cannot be given back; giving back twice is refused.
 */
export async function returnUnusedCodes(ctx: AppContext, actor: Actor, sessionId: string, deviceId: string, used: number): Promise<ReturnedCodes> {
  const store = new PlanningStore(ctx.db);
  const session = await store.session(sessionId);
  if (!session) throw sessionNotFound(sessionId);
  const official = assertUnitRole(actor, session.unitCode, FIELD_ROLES);
  return inTransaction(ctx.db, async (trx) => {
    const block = await trx
      .selectFrom('outreach_code_block')
      .select(['agency_code', 'first_seq', 'last_seq', 'returned_at'])
      .where('session_id', '=', sessionId)
      .where('user_id', '=', official.userId)
      .where('device_id', '=', deviceId)
      .forUpdate()
      .executeTakeFirst();
    if (!block) throw notFound('khối mã dự trữ', 'Reserved code block', deviceId);
    if (block.returned_at) {
      throw new Problem(409, PROBLEM.invalid_input, 'Số chưa dùng của khối mã này đã được trả lại.', "This block's unused numbers were already given back.", {
        field: 'deviceId',
      });
    }
    const synced = await trx.selectFrom('outreach_dossier').select('dossier_code').where('session_id', '=', sessionId).execute();
    const highest = synced
      .map((r) => parseDossierCode(r.dossier_code))
      .filter((p) => p !== null && p.agencyCode === block.agency_code && p.seq >= block.first_seq && p.seq <= block.last_seq)
      .reduce((hi, p) => Math.max(hi, p!.seq), block.first_seq - 1);
    const keepThrough = Math.min(block.first_seq + used - 1, block.last_seq);
    if (keepThrough < highest) {
      throw new Problem(
        409,
        PROBLEM.invalid_input,
        `Đã có hồ sơ mang số ${highest} của khối này; không thể trả lại số đã dùng.`,
        `A dossier already carries number ${highest} of this block; numbers in use cannot be given back.`,
        { field: 'used' },
      );
    }
    await returnDayNumbers(trx, blockHolder(sessionId, official.userId, deviceId), keepThrough);
    await trx
      .updateTable('outreach_code_block')
      .set({ last_seq: keepThrough, returned_at: ctx.clock.now() })
      .where('session_id', '=', sessionId)
      .where('user_id', '=', official.userId)
      .where('device_id', '=', deviceId)
      .execute();
    await appendAudit(trx, {
      at: ctx.clock.now(),
      actor: auditActor(official),
      action: 'outreach.codes.return',
      dossierCode: null,
      detail: { sessionId, deviceId, agencyCode: block.agency_code, kept: [block.first_seq, keepThrough], returned: block.last_seq - keepThrough },
    });
    return { agencyCode: block.agency_code, firstSeq: block.first_seq, lastSeq: keepThrough, returned: block.last_seq - keepThrough };
  });
}
