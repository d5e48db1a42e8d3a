import { createHash } from 'node:crypto';
import { vnDate } from '@motcua/core/calendar';
import { parseDossierCode, type DossierView } from '@motcua/core/dossier';
import { inTransaction, type Db } from '../../db/database.ts';
import type { AppContext } from '../../platform/context.ts';
import { Problem } from '../../platform/errors.ts';
import { canonicalJson } from '../audit/canonical.ts';
import type { DossierService } from '../dossiers/service.ts';
import type { Official } from './access.ts';
import { blocksOf, isUniqueViolation } from './kit.ts';
import type { OpResult, SyncBody, SyncOp } from './ops.ts';
import { sessionNotFound } from './planning.ts';
import { PlanningStore, type Session } from './store.ts';
import type { OpStatus } from './tables.ts';

/** Clocks in the field drift; a receipt time this far ahead of the server is still believed. */
const CLOCK_SKEW_MS = 10 * 60_000;

type Settled = { status: OpStatus; result?: Record<string, unknown>; error?: OpResult['error']; server?: Record<string, unknown> };

const reject = (code: string, messageVi: string, messageEn: string, field?: string) =>
  new Problem(422, code, messageVi, messageEn, { ...(field ? { field } : {}) });
/** Not the op's fault and not final (a file still uploading): not recorded, so the same id can succeed later. */
const retryLater = (code: string, messageVi: string, messageEn: string, field?: string) =>
  new Problem(409, code, messageVi, messageEn, { retryable: true, ...(field ? { field } : {}) });

function errorOf(p: Problem): NonNullable<OpResult['error']> {
  const field = typeof p.extra.field === 'string' ? p.extra.field : undefined;
  return { code: p.code, messageVi: p.messageVi, messageEn: p.messageEn, ...(field ? { field } : {}), retryable: p.extra.retryable === true };
}

const dossierResult = (v: DossierView) => ({ dossierCode: v.code, version: v.lastSeq, state: v.state, dueAt: v.dueAt });

export interface SyncHooks {
  /** Fault injection for tests: runs after each op is settled (e.g. to stop the database mid-batch). */
  afterOp?: (index: number) => Promise<void>;
}

/**
 * Applies a batch of field operations, one at a time and in order, each exactly once: an op's
 * row in outreach_op is written in the same transaction as its effect, so after a crash either
 * both exist or neither, and a replay finds the row and answers `duplicate`. One op's failure
 * is that op's result; the loop goes on.
 */
export class OutreachSync {
  private readonly planning: PlanningStore;

  constructor(private readonly ctx: AppContext, private readonly dossiers: DossierService, private readonly hooks: SyncHooks = {}) {
    this.planning = new PlanningStore(ctx.db);
  }

  async apply(actor: Official, body: SyncBody): Promise<{ sessionId: string; results: OpResult[]; summary: Record<'applied' | 'duplicate' | 'rejected' | 'conflict', number> }> {
    const session = await this.planning.session(body.sessionId);
    if (!session) throw sessionNotFound(body.sessionId);
    const round = (await this.planning.round(session.roundId))!;
    if (!actor.unitCodes.includes(session.unitCode) || !round.teamUserIds.includes(actor.userId)) {
      throw new Problem(403, 'forbidden', 'Bạn không có tên trong tổ lưu động của buổi này.', 'You are not on the team for this session.');
    }
    const results: OpResult[] = [];
    for (const [index, op] of body.ops.entries()) {
      results.push(await this.applyOne(actor, session, round.procedureCodes, op));
      await this.hooks.afterOp?.(index);
    }
    const summary = { applied: 0, duplicate: 0, rejected: 0, conflict: 0 };
    for (const r of results) summary[r.status]++;
    return { sessionId: session.id, results, summary };
  }

  private async applyOne(actor: Official, session: Session, offered: string[], op: SyncOp): Promise<OpResult> {
    const hash = createHash('sha256').update(canonicalJson(op)).digest('hex');
    const base = { id: op.id, kind: op.kind };
    let settled: Settled;
    try {
      const seen = await this.stored(op.id);
      if (seen) return this.replay(base, seen, session.id, hash);
      settled = { status: 'applied', result: await this.effect(actor, session, offered, op, hash) };
    } catch (e) {
      // Whatever went wrong, an op that a concurrent request (or an earlier crash-free attempt)
      // already recorded is a duplicate, not a failure.
      const now = await this.stored(op.id).catch(() => undefined);
      if (now) return this.replay(base, now, session.id, hash);
      if (!(e instanceof Problem)) {
        return { ...base, status: 'rejected', error: { code: 'internal', messageVi: 'Máy chủ chưa ghi nhận được thao tác; hãy gửi lại sau.', messageEn: 'The server could not record the operation; send it again later.', retryable: true } };
      }
      if (e.extra.retryable === true) return { ...base, status: 'rejected', error: errorOf(e) };
      settled = e.code === 'version_conflict' && 'dossierCode' in op
        ? { status: 'conflict', error: errorOf(e), server: await this.serverCopy(actor, op.dossierCode) }
        : { status: 'rejected', error: errorOf(e) };
      await this.record(this.ctx.db, session.id, actor.userId, op, hash, settled);
      const after = await this.stored(op.id);
      if (after && after.status !== settled.status) return this.replay(base, after, session.id, hash);
    }
    return { ...base, ...settled } as OpResult;
  }

  private async serverCopy(actor: Official, code: string): Promise<Record<string, unknown>> {
    // Reading it back must not turn the conflict into a failure of the whole batch.
    return ((await this.dossiers.get(actor, code).catch(() => ({ code }))) as unknown as Record<string, unknown>);
  }

  private stored(id: string) {
    return this.ctx.db.selectFrom('outreach_op').selectAll().where('client_op_id', '=', id).executeTakeFirst();
  }

  private replay(base: { id: string; kind: string }, row: NonNullable<Awaited<ReturnType<OutreachSync['stored']>>>, sessionId: string, hash: string): OpResult {
    if (row.session_id !== sessionId || row.request_hash !== hash) {
      return { ...base, status: 'rejected', error: { code: 'op_id_reused', messageVi: 'Mã thao tác này đã được dùng cho một thao tác khác.', messageEn: 'This operation id was already used for a different operation.', retryable: false } };
    }
    return {
      ...base, status: 'duplicate', original: { status: row.status, appliedAt: new Date(row.applied_at).toISOString() },
      ...(row.result ? { result: row.result } : {}), ...(row.error ? { error: row.error as OpResult['error'] } : {}),
    };
  }

  /** Writes the op's row; inside the effect's transaction for applied ops. */
  private async record(trx: Db, sessionId: string, userId: string, op: SyncOp, hash: string, s: Settled): Promise<void> {
    await trx.insertInto('outreach_op').values({
      client_op_id: op.id, session_id: sessionId, user_id: userId, kind: op.kind, status: s.status, request_hash: hash,
      result: JSON.stringify(s.result ?? (s.server ? { server: { code: s.server.code, version: s.server.version, state: s.server.state } } : null)),
      error: JSON.stringify(s.error ?? null), applied_at: this.ctx.clock.now(),
    }).onConflict((oc) => oc.column('client_op_id').doNothing()).execute();
  }

  private async effect(actor: Official, session: Session, offered: string[], op: SyncOp, hash: string): Promise<Record<string, unknown>> {
    const applied = (result: Record<string, unknown>) => async (trx: Db) => {
      // A plain insert: a concurrent twin must fail here so that only one effect commits.
      await trx.insertInto('outreach_op').values({
        client_op_id: op.id, session_id: session.id, user_id: actor.userId, kind: op.kind, status: 'applied', request_hash: hash,
        result: JSON.stringify(result), error: JSON.stringify(null), applied_at: this.ctx.clock.now(),
      }).execute();
    };
    const at = new Date(op.at);
    switch (op.kind) {
      case 'receive_dossier':
        return this.receive(actor, session, offered, op, applied);
      case 'complete_on_spot': {
        const mine = await this.ctx.db.selectFrom('outreach_dossier').select('dossier_code').where('dossier_code', '=', op.dossierCode).where('session_id', '=', session.id).executeTakeFirst();
        if (!mine) throw reject('not_received_here', 'Chỉ giải quyết tại chỗ hồ sơ đã tiếp nhận trong buổi lưu động này.', 'Only dossiers received in this session can be completed on the spot.', 'dossierCode');
        let result: Record<string, unknown> = {};
        await this.dossiers.act(actor, op.dossierCode, { action: 'complete_on_spot', version: op.baseVersion, ...(op.note ? { note: op.note } : {}), ...(op.resultDocumentId ? { resultDocumentId: op.resultDocumentId } : {}) }, {
          within: async (trx, view) => {
            result = dossierResult(view);
            await trx.updateTable('outreach_dossier').set({ completed_on_spot_at: at }).where('dossier_code', '=', op.dossierCode).execute();
            await applied(result)(trx);
          },
        });
        return result;
      }
      case 'update_dossier': {
        let result: Record<string, unknown> = {};
        await this.dossiers.act(actor, op.dossierCode, { ...(op.fields ?? {}), action: op.action, version: op.baseVersion }, {
          within: async (trx, view) => {
            result = dossierResult(view);
            if (op.action === 'complete_on_spot') await trx.updateTable('outreach_dossier').set({ completed_on_spot_at: at }).where('dossier_code', '=', op.dossierCode).execute();
            await applied(result)(trx);
          },
        });
        return result;
      }
      case 'record_consultation': {
        await this.checkHamlet(session, op.hamletCode);
        const result = { people: op.people };
        await inTransaction(this.ctx.db, async (trx) => {
          await trx.insertInto('outreach_consultation').values({ client_op_id: op.id, session_id: session.id, hamlet_code: op.hamletCode, topic: op.topic, procedure_code: op.procedureCode ?? null, people: op.people, at }).execute();
          await applied(result)(trx);
        });
        return result;
      }
      case 'record_survey': {
        await this.checkHamlet(session, op.hamletCode);
        const result = { ratings: op.ratings };
        await inTransaction(this.ctx.db, async (trx) => {
          await trx.insertInto('outreach_survey').values({ client_op_id: op.id, session_id: session.id, hamlet_code: op.hamletCode, ...op.ratings, comment: op.comment?.trim() || null, at }).execute();
          await applied(result)(trx);
        });
        return result;
      }
    }
  }

  private async checkHamlet(session: Session, hamletCode: string | null) {
    if (hamletCode === null) return;
    const ok = (await this.planning.hamlets(session.unitCode)).some((h) => h.code === hamletCode);
    if (!ok) throw reject('hamlet_not_in_unit', `Thôn, ấp "${hamletCode}" không thuộc xã.`, `Hamlet "${hamletCode}" is not in the commune.`, 'hamletCode');
  }

  private async receive(actor: Official, session: Session, offered: string[], op: Extract<SyncOp, { kind: 'receive_dossier' }>, applied: (r: Record<string, unknown>) => (trx: Db) => Promise<void>) {
    const d = op.dossier;
    const receivedAt = new Date(d.receivedAt);
    const parts = parseDossierCode(d.code);
    if (!parts || parts.unitCode !== session.unitCode) throw reject('code_not_reserved', 'Mã hồ sơ không thuộc đơn vị của buổi lưu động.', "The dossier code is not the session unit's.", 'dossier.code');
    const blocks = await blocksOf(this.ctx.db, session.id, actor.userId);
    if (!blocks.some((b) => parts.seq >= b.firstSeq && parts.seq <= b.lastSeq)) {
      throw reject('code_not_reserved', 'Mã hồ sơ không nằm trong khối mã dự trữ đã cấp cho bạn ở buổi này.', 'The dossier code is not in a reserved block issued to you for this session.', 'dossier.code');
    }
    if (parts.intakeDate !== vnDate(receivedAt)) throw reject('code_date_mismatch', 'Ngày trong mã hồ sơ khác ngày tiếp nhận.', 'The date in the code differs from the intake date.', 'dossier.code');
    if (vnDate(receivedAt) !== session.day) throw reject('not_session_day', `Hồ sơ phải được tiếp nhận trong ngày của buổi lưu động (${session.day}).`, `The dossier must be received on the session day (${session.day}).`, 'dossier.receivedAt');
    if (receivedAt.getTime() > this.ctx.clock.now().getTime() + CLOCK_SKEW_MS) throw reject('received_in_future', 'Thời điểm tiếp nhận ở tương lai; hãy kiểm tra đồng hồ máy.', 'The receipt time is in the future; check the device clock.', 'dossier.receivedAt');
    if (!offered.includes(d.procedureCode)) throw reject('procedure_not_offered', 'Thủ tục này không nằm trong danh sách tiếp nhận của đợt lưu động.', 'This procedure is not offered on this round.', 'dossier.procedureCode');
    const attachments = await this.uploadIds(actor, session, d.attachments ?? []);
    let result: Record<string, unknown> = {};
    const { code: _code, receivedAt: _r, ...submission } = d;
    await this.dossiers.submit(actor, { ...submission, unitCode: session.unitCode, channel: 'outreach', ...(attachments.length ? { attachments } : {}) }, undefined, {
      presetCode: d.code,
      receivedAt,
      within: async (trx, view) => {
        result = dossierResult(view);
        await trx.insertInto('outreach_dossier').values({ dossier_code: view.code, session_id: session.id, client_op_id: op.id, hamlet_code: d.applicant.hamlet, procedure_code: d.procedureCode, received_at: receivedAt }).execute();
        await applied(result)(trx);
      },
    }).catch(async (e: unknown) => {
      // The same reserved code twice from different ops: the field app numbered two dossiers alike.
      if (isUniqueViolation(e) && !(await this.stored(op.id))) {
        throw reject('code_already_used', `Mã hồ sơ ${d.code} đã được dùng cho hồ sơ khác.`, `Dossier code ${d.code} is already used by another dossier.`, 'dossier.code');
      }
      throw e;
    });
    return result;
  }

  /** Field uploads are referenced by their outreach upload id until completed; map to the stored upload. */
  private async uploadIds(actor: Official, session: Session, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.ctx.db.selectFrom('outreach_upload').select(['id', 'upload_id', 'user_id', 'session_id']).where('id', 'in', ids).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => {
      const row = byId.get(id);
      if (!row) return id; // an upload made through /api/uploads
      if (row.user_id !== actor.userId || row.session_id !== session.id) throw reject('upload_not_found', `Không tìm thấy tệp "${id}".`, `Upload "${id}" was not found.`, 'dossier.attachments');
      if (!row.upload_id) throw retryLater('upload_incomplete', `Tệp "${id}" chưa tải lên xong; hãy hoàn tất rồi gửi lại.`, `Upload "${id}" is not complete yet; finish it and resend.`, 'dossier.attachments');
      return row.upload_id;
    });
  }
}
