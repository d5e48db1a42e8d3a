import { createHash } from 'node:crypto';
import { PROBLEM, TIME_CURABLE_PROBLEMS, type ProblemCode } from '@motcua/core/problems';
import { vnDate, vnIso } from '@motcua/core/calendar';
import { fieldWindow, judgeFieldTime, type FieldTimeVerdict, type FieldWindow } from '@motcua/core/field';
import { parseDossierCode, type DossierView } from '@motcua/core/dossier';
import { inTransaction, type Db } from '../../db/database.ts';
import type { AppContext } from '../../platform/context.ts';
import { Problem } from '../../platform/errors.ts';
import { canonicalJson } from '../audit/index.ts';
import type { DossierService } from '../dossiers/index.ts';
import type { Official } from './access.ts';
import { blocksOf, isUniqueViolation } from './kit.ts';
import type { OpResult, SyncBody, SyncOp } from '@motcua/core/api';
import { sessionNotFound } from './planning.ts';
import { PlanningStore, type Session } from './store.ts';
import type { OpStatus } from './tables.ts';
import { hamletsOf } from '../units/index.ts';

type Settled = { status: OpStatus; result?: Record<string, unknown>; error?: OpResult['error']; server?: Record<string, unknown> };

const reject = (code: ProblemCode, messageVi: string, messageEn: string, field?: string) =>
  new Problem(422, code, messageVi, messageEn, { ...(field ? { field } : {}) });
/**
 * Not the op's fault and not final (a file still uploading, a time the server's clock has not
 * reached yet): not recorded, so the same id can succeed later. `retryAfter` in seconds.
 */
const retryLater = (code: ProblemCode, messageVi: string, messageEn: string, field?: string, retryAfter?: number) =>
  new Problem(409, code, messageVi, messageEn, { retryable: true, ...(field ? { field } : {}), ...(retryAfter !== undefined ? { retryAfter } : {}) });

function errorOf(p: Problem): NonNullable<OpResult['error']> {
  const field = typeof p.extra.field === 'string' ? p.extra.field : undefined;
  const retryAfter = typeof p.extra.retryAfter === 'number' ? p.extra.retryAfter : undefined;
  return {
    code: p.code,
    messageVi: p.messageVi,
    messageEn: p.messageEn,
    ...(field ? { field } : {}),
    retryable: p.extra.retryable === true,
    ...(retryAfter !== undefined ? { retryAfter } : {}),
  };
}

/** "07:39 26/11/2026", Vietnam time: how the field team reads a time. */
function vnClock(at: Date): string {
  const s = vnIso(at);
  return `${s.slice(11, 16)} ${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)}`;
}

/** Why an offline operation's time cannot stand (see @motcua/core/field judgeFieldTime), in words. */
function untimely(v: Exclude<FieldTimeVerdict, { ok: true }>, at: Date, field: string): Problem {
  switch (v.code) {
    case PROBLEM.field_time_in_future: {
      const minutes = Math.ceil(v.aheadMs / 60_000);
      return retryLater(
        v.code,
        `Thời điểm trên máy (${vnClock(at)}) đi trước đồng hồ máy chủ khoảng ${minutes} phút. Thao tác được giữ lại và tự gửi lại sau ${vnClock(v.retryAt)}.`,
        `The time on the device (${vnClock(at)}) is about ${minutes} min ahead of the server's clock. The operation is kept and sent again after ${vnClock(v.retryAt)}.`,
        field,
        Math.max(1, Math.ceil((v.retryAt.getTime() - (at.getTime() - v.aheadMs)) / 1000)),
      );
    }
    case PROBLEM.field_time_before_session:
      return reject(
        v.code,
        `Thời điểm trên máy (${vnClock(at)}) trước ngày của buổi lưu động (bắt đầu ${vnClock(v.opensAt)}); ngày giờ của máy có thể bị sai.`,
        `The time on the device (${vnClock(at)}) is before the session day (from ${vnClock(v.opensAt)}); the device's date may be wrong.`,
        field,
      );
    case PROBLEM.field_time_after_window:
      return reject(
        v.code,
        `Thời điểm trên máy (${vnClock(at)}) sau khi hết hạn làm việc của buổi lưu động (${vnClock(v.closesAt)}).`,
        `The time on the device (${vnClock(at)}) is after this session's work closed (${vnClock(v.closesAt)}).`,
        field,
      );
    case PROBLEM.field_time_before_history:
      return reject(
        v.code,
        `Thời điểm trên máy (${vnClock(at)}) trước sự kiện gần nhất của hồ sơ (${vnClock(v.notBefore)}).`,
        `The time on the device (${vnClock(at)}) is before the dossier's latest event (${vnClock(v.notBefore)}).`,
        field,
      );
  }
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

  constructor(
    private readonly ctx: AppContext,
    private readonly dossiers: DossierService,
    private readonly hooks: SyncHooks = {},
  ) {
    this.planning = new PlanningStore(ctx.db);
  }

  async apply(
    actor: Official,
    body: SyncBody,
  ): Promise<{
    sessionId: string;
    results: OpResult[];
    summary: Record<'applied' | 'duplicate' | 'rejected' | 'conflict', number>;
    serverClock: { receivedAt: string; sentAt: string };
  }> {
    // The answer says when the request arrived and when it left: the app corrects its clock from
    // these (@motcua/core/field readClock) without the time spent applying skewing it.
    const arrived = this.ctx.clock.now();
    const session = await this.planning.session(body.sessionId);
    if (!session) throw sessionNotFound(body.sessionId);
    const round = (await this.planning.round(session.roundId))!;
    if (!actor.unitCodes.includes(session.unitCode) || !round.teamUserIds.includes(actor.userId)) {
      throw new Problem(403, PROBLEM.forbidden, 'Bạn không có tên trong tổ lưu động của buổi này.', 'You are not on the team for this session.');
    }
    const results: OpResult[] = [];
    const window = fieldWindow(session.day);
    for (const [index, op] of body.ops.entries()) {
      results.push(await this.applyOne(actor, session, window, round.procedureCodes, op));
      await this.hooks.afterOp?.(index);
    }
    const summary = { applied: 0, duplicate: 0, rejected: 0, conflict: 0 };
    for (const r of results) summary[r.status]++;
    return { sessionId: session.id, results, summary, serverClock: { receivedAt: arrived.toISOString(), sentAt: this.ctx.clock.now().toISOString() } };
  }

  private async applyOne(actor: Official, session: Session, window: FieldWindow, offered: string[], op: SyncOp): Promise<OpResult> {
    const hash = createHash('sha256').update(canonicalJson(op)).digest('hex');
    const base = { id: op.id, kind: op.kind };
    let settled: Settled;
    try {
      const seen = await this.stored(op.id);
      if (seen && !(await this.curedByTime(seen, session.id, hash))) return this.replay(base, seen, session.id, hash);
      settled = { status: 'applied', result: await this.effect(actor, session, window, offered, op, hash) };
    } catch (e) {
      // Whatever went wrong, an op that a concurrent request (or an earlier crash-free attempt)
      // already recorded is a duplicate, not a failure.
      const now = await this.stored(op.id).catch(() => undefined);
      if (now) return this.replay(base, now, session.id, hash);
      if (!(e instanceof Problem)) {
        return {
          ...base,
          status: 'rejected',
          error: {
            code: 'internal',
            messageVi: 'Máy chủ chưa ghi nhận được thao tác; hãy gửi lại sau.',
            messageEn: 'The server could not record the operation; send it again later.',
            retryable: true,
          },
        };
      }
      if (e.extra.retryable === true) return { ...base, status: 'rejected', error: errorOf(e) };
      settled =
        e.code === PROBLEM.version_conflict && 'dossierCode' in op
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
    return (await this.dossiers.get(actor, code).catch(() => ({ code }))) as unknown as Record<string, unknown>;
  }

  /**
   * A refusal that time cures, recorded as final by a server before issue #10 (a receipt ahead
   * of the server's clock): the same op sent again is tried afresh instead of being answered
   * with the old refusal for ever. Its row goes; a concurrent twin loses on the applied insert.
   */
  private async curedByTime(row: NonNullable<Awaited<ReturnType<OutreachSync['stored']>>>, sessionId: string, hash: string): Promise<boolean> {
    const code = (row.error as { code?: string } | null)?.code;
    if (row.status !== 'rejected' || !code || !TIME_CURABLE_PROBLEMS.has(code) || row.session_id !== sessionId || row.request_hash !== hash) return false;
    await this.ctx.db.deleteFrom('outreach_op').where('client_op_id', '=', row.client_op_id).where('status', '=', 'rejected').execute();
    return true;
  }

  private stored(id: string) {
    return this.ctx.db.selectFrom('outreach_op').selectAll().where('client_op_id', '=', id).executeTakeFirst();
  }

  private replay(base: { id: string; kind: string }, row: NonNullable<Awaited<ReturnType<OutreachSync['stored']>>>, sessionId: string, hash: string): OpResult {
    if (row.session_id !== sessionId || row.request_hash !== hash) {
      return {
        ...base,
        status: 'rejected',
        error: {
          code: 'op_id_reused',
          messageVi: 'Mã thao tác này đã được dùng cho một thao tác khác.',
          messageEn: 'This operation id was already used for a different operation.',
          retryable: false,
        },
      };
    }
    return {
      ...base,
      status: 'duplicate',
      original: { status: row.status, appliedAt: new Date(row.applied_at).toISOString() },
      ...(row.result ? { result: row.result } : {}),
      ...(row.error ? { error: row.error as OpResult['error'] } : {}),
    };
  }

  /** Writes the op's row; inside the effect's transaction for applied ops. */
  private async record(trx: Db, sessionId: string, userId: string, op: SyncOp, hash: string, s: Settled): Promise<void> {
    await trx
      .insertInto('outreach_op')
      .values({
        client_op_id: op.id,
        session_id: sessionId,
        user_id: userId,
        kind: op.kind,
        status: s.status,
        request_hash: hash,
        result: JSON.stringify(s.result ?? (s.server ? { server: { code: s.server.code, version: s.server.version, state: s.server.state } } : null)),
        error: JSON.stringify(s.error ?? null),
        applied_at: this.ctx.clock.now(),
      })
      .onConflict((oc) => oc.column('client_op_id').doNothing())
      .execute();
  }

  private async effect(actor: Official, session: Session, window: FieldWindow, offered: string[], op: SyncOp, hash: string): Promise<Record<string, unknown>> {
    const applied = (result: Record<string, unknown>) => async (trx: Db) => {
      // A plain insert: a concurrent twin must fail here so that only one effect commits.
      await trx
        .insertInto('outreach_op')
        .values({
          client_op_id: op.id,
          session_id: session.id,
          user_id: actor.userId,
          kind: op.kind,
          status: 'applied',
          request_hash: hash,
          result: JSON.stringify(result),
          error: JSON.stringify(null),
          applied_at: this.ctx.clock.now(),
        })
        .execute();
    };
    // Field time is the time of record: judged against the session's window and the server's
    // clock here, against the dossier's history by the dossier service (performedAt). A receipt
    // first passes its own final checks (code, session day), which no wait would change.
    const at = new Date(op.at);
    if (op.kind === 'receive_dossier') return this.receive(actor, session, window, offered, op, applied);
    const verdict = judgeFieldTime(at, { window, now: this.ctx.clock.now() });
    if (!verdict.ok) throw untimely(verdict, at, 'at');
    switch (op.kind) {
      case 'complete_on_spot': {
        const mine = await this.ctx.db
          .selectFrom('outreach_dossier')
          .select('dossier_code')
          .where('dossier_code', '=', op.dossierCode)
          .where('session_id', '=', session.id)
          .executeTakeFirst();
        if (!mine)
          throw reject(
            PROBLEM.not_received_here,
            'Chỉ giải quyết tại chỗ hồ sơ đã tiếp nhận trong buổi lưu động này.',
            'Only dossiers received in this session can be completed on the spot.',
            'dossierCode',
          );
        let result: Record<string, unknown> = {};
        await this.dossiers.act(
          actor,
          op.dossierCode,
          {
            action: 'complete_on_spot',
            version: op.baseVersion,
            ...(op.note ? { note: op.note } : {}),
            ...(op.resultDocumentId ? { resultDocumentId: op.resultDocumentId } : {}),
          },
          {
            performedAt: at,
            within: async (trx, view) => {
              result = dossierResult(view);
              await trx.updateTable('outreach_dossier').set({ completed_on_spot_at: at }).where('dossier_code', '=', op.dossierCode).execute();
              await applied(result)(trx);
            },
          },
        );
        return result;
      }
      case 'update_dossier': {
        let result: Record<string, unknown> = {};
        await this.dossiers.act(
          actor,
          op.dossierCode,
          { ...(op.fields ?? {}), action: op.action, version: op.baseVersion },
          {
            performedAt: at,
            within: async (trx, view) => {
              result = dossierResult(view);
              if (op.action === 'complete_on_spot')
                await trx.updateTable('outreach_dossier').set({ completed_on_spot_at: at }).where('dossier_code', '=', op.dossierCode).execute();
              await applied(result)(trx);
            },
          },
        );
        return result;
      }
      case 'record_consultation': {
        await this.checkHamlet(session, op.hamletCode);
        const result = { people: op.people };
        await inTransaction(this.ctx.db, async (trx) => {
          await trx
            .insertInto('outreach_consultation')
            .values({
              client_op_id: op.id,
              session_id: session.id,
              hamlet_code: op.hamletCode,
              topic: op.topic,
              procedure_code: op.procedureCode ?? null,
              people: op.people,
              at,
            })
            .execute();
          await applied(result)(trx);
        });
        return result;
      }
      case 'record_survey': {
        await this.checkHamlet(session, op.hamletCode);
        const result = { ratings: op.ratings };
        await inTransaction(this.ctx.db, async (trx) => {
          await trx
            .insertInto('outreach_survey')
            .values({ client_op_id: op.id, session_id: session.id, hamlet_code: op.hamletCode, ...op.ratings, comment: op.comment?.trim() || null, at })
            .execute();
          await applied(result)(trx);
        });
        return result;
      }
    }
  }

  private async checkHamlet(session: Session, hamletCode: string | null) {
    if (hamletCode === null) return;
    const ok = (await hamletsOf(this.ctx.db, session.unitCode)).some((h) => h.code === hamletCode);
    if (!ok)
      throw reject(PROBLEM.hamlet_not_in_unit, `Thôn, ấp "${hamletCode}" không thuộc xã.`, `Hamlet "${hamletCode}" is not in the commune.`, 'hamletCode');
  }

  private async receive(
    actor: Official,
    session: Session,
    window: FieldWindow,
    offered: string[],
    op: Extract<SyncOp, { kind: 'receive_dossier' }>,
    applied: (r: Record<string, unknown>) => (trx: Db) => Promise<void>,
  ) {
    const d = op.dossier;
    const receivedAt = new Date(d.receivedAt);
    const parts = parseDossierCode(d.code);
    const blocks = await blocksOf(this.ctx.db, session.id, actor.userId);
    if (!parts || !blocks.some((b) => b.agencyCode === parts.agencyCode))
      throw reject(PROBLEM.code_not_reserved, 'Mã hồ sơ không thuộc đơn vị của buổi lưu động.', "The dossier code is not the session unit's.", 'dossier.code');
    if (!blocks.some((b) => b.agencyCode === parts.agencyCode && parts.seq >= b.firstSeq && parts.seq <= b.lastSeq)) {
      throw reject(
        PROBLEM.code_not_reserved,
        'Mã hồ sơ không nằm trong khối mã dự trữ đã cấp cho bạn ở buổi này.',
        'The dossier code is not in a reserved block issued to you for this session.',
        'dossier.code',
      );
    }
    if (parts.intakeDate !== vnDate(receivedAt))
      throw reject(
        PROBLEM.code_date_mismatch,
        'Ngày trong mã hồ sơ khác ngày tiếp nhận.',
        'The date in the code differs from the intake date.',
        'dossier.code',
      );
    if (vnDate(receivedAt) !== session.day)
      throw reject(
        PROBLEM.not_session_day,
        `Hồ sơ phải được tiếp nhận trong ngày của buổi lưu động (${session.day}).`,
        `The dossier must be received on the session day (${session.day}).`,
        'dossier.receivedAt',
      );
    const now = this.ctx.clock.now();
    for (const [time, field] of [
      [receivedAt, 'dossier.receivedAt'],
      [new Date(op.at), 'at'],
    ] as const) {
      const verdict = judgeFieldTime(time, { window, now });
      if (!verdict.ok) throw untimely(verdict, time, field);
    }
    if (!offered.includes(d.procedureCode))
      throw reject(
        PROBLEM.procedure_not_offered,
        'Thủ tục này không nằm trong danh sách tiếp nhận của đợt lưu động.',
        'This procedure is not offered on this round.',
        'dossier.procedureCode',
      );
    const attachments = await this.uploadIds(actor, session, d.attachments ?? []);
    let result: Record<string, unknown> = {};
    const { code: _code, receivedAt: _r, ...submission } = d;
    await this.dossiers
      .submit(actor, { ...submission, unitCode: session.unitCode, channel: 'outreach', ...(attachments.length ? { attachments } : {}) }, undefined, {
        presetCode: d.code,
        receivedAt,
        within: async (trx, view) => {
          result = dossierResult(view);
          await trx
            .insertInto('outreach_dossier')
            .values({
              dossier_code: view.code,
              session_id: session.id,
              client_op_id: op.id,
              hamlet_code: d.applicant.hamlet,
              procedure_code: d.procedureCode,
              received_at: receivedAt,
            })
            .execute();
          await applied(result)(trx);
        },
      })
      .catch(async (e: unknown) => {
        // The same reserved code twice from different ops: the field app numbered two dossiers alike.
        if (isUniqueViolation(e) && !(await this.stored(op.id))) {
          throw reject(
            PROBLEM.code_already_used,
            `Mã hồ sơ ${d.code} đã được dùng cho hồ sơ khác.`,
            `Dossier code ${d.code} is already used by another dossier.`,
            'dossier.code',
          );
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
      if (row.user_id !== actor.userId || row.session_id !== session.id)
        throw reject(PROBLEM.upload_not_found, `Không tìm thấy tệp "${id}".`, `Upload "${id}" was not found.`, 'dossier.attachments');
      if (!row.upload_id)
        throw retryLater(
          PROBLEM.upload_incomplete,
          `Tệp "${id}" chưa tải lên xong; hãy hoàn tất rồi gửi lại.`,
          `Upload "${id}" is not complete yet; finish it and resend.`,
          'dossier.attachments',
        );
      return row.upload_id;
    });
  }
}
