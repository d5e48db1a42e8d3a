import { missingRequiredDocuments } from '@motcua/core/catalog';
import { createHash } from 'node:crypto';
import { vnDate } from '@motcua/core/calendar';
import {
  decide,
  decideSubmission,
  deriveDossier,
  evolve,
  followUpOf,
  formatDossierCode,
  MAX_DAILY_SEQ,
  parseDossierCode,
  type DossierEvent,
  type DossierView,
  type NewDossierEvent,
} from '@motcua/core/dossier';
import { foldKey, nfc } from '@motcua/core/text';
import { PROBLEM } from '@motcua/core/problems';
import { FIELD_CLOCK_TOLERANCE_MS } from '@motcua/core/field';
import { inTransaction, type Db } from '../../db/database.ts';
import type { Actor } from '../../platform/access.ts';
import type { AppContext } from '../../platform/context.ts';
import { badRequest, forbidden, notFound, Problem } from '../../platform/errors.ts';
import type { CatalogService } from '../catalog/index.ts';
import { appendAudit, auditActor } from '../audit/index.ts';
import { auditRead, type PersonalDataRead } from '../audit/index.ts';
import { reach, sees, seesAll, type DataPlace } from '../../platform/privacy.ts';
import type { DataKind } from '@motcua/core/privacy';
import { canonicalJson } from '../audit/index.ts';
import { isSpecialistOf } from '../identity/index.ts';
import { agencyCodeOf, provinceOf, unitOf } from '../units/index.ts';
import { DOSSIER_NOTICE, type DossierNoticePayload } from '../notifications/index.ts';
import { enqueueOutbox } from '../../platform/outbox/index.ts';
import { coreActor, idempotencyScope, storedActor, type DossierActor } from './actors.ts';
import { dossierClock, iso } from './clock.ts';
import type { AttachmentInput, AttachmentRef, IntakeDetails, SubmissionInput } from './intake.ts';
import { unprocessable, versionConflict, workflowProblem } from './problems.ts';
import { DossierStore, isUniqueViolation, storedEvent, type ProjectionRow, type StoredEvent } from './store.ts';
import type { LookupResult, QueuePage, QueueQuery, UnitDaySummary } from '@motcua/core/api';
import { lookupDossier } from './lookup.ts';
import { unitSummary, workQueue } from './queue.ts';
import { checkSubmission } from './validate.ts';
import type { FeeAdjustmentBody } from '@motcua/core/api';
import type { FeeDueAt, ProvinceFeeRule } from '@motcua/core/fees';
import { adjustmentsOf, dueNow, insertAdjustment, quoteFor } from './fees.ts';
import { DOSSIER_KINDS, dossierJson, intakeOf, shownDueAt, type DossierJson } from './views.ts';

/**
 * Links uploads to a dossier inside the dossier's transaction (the uploads module's
 * UploadsService fits): checks that each upload belongs to the caller or, for an official filing
 * on a citizen's behalf, to that citizen.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AttachmentPort {
  attachToDossier(
    trx: Db,
    uploads: ReadonlyArray<AttachmentInput>,
    dossierCode: string,
    actor: Actor,
    options: { unitCode: string; onBehalfOf?: { idNumber: string } },
  ): Promise<{ uploadId: string; label?: string | null; upload: { id: string; filename: string; mediaType: string; size: number; sha256: string } }[]>;
  /** Files follow a transferred dossier so the new unit's officials may read them. */
  moveDossierAttachments?(trx: Db, dossierCode: string, unitCode: string): Promise<void>;
}

/**
 * For modules that take dossiers in elsewhere (outreach): a code from a reserved offline block
 * instead of the daily sequence, the offline intake time, and work to commit with the dossier.
 */
export interface SubmitOptions {
  presetCode?: string;
  receivedAt?: Date;
  within?: (trx: Db, view: DossierView) => Promise<void>;
}

/** A dossier's derived view, its event log and its intake details. */
export interface LoadedDossier {
  view: DossierView;
  events: StoredEvent[];
  intake: IntakeDetails;
  /** The fee due now (computed at filing, or as an official last adjusted it); null = the commune will tell. */
  feeVnd: number | null;
  /** When it is paid (from the procedure at filing). */
  feeDueAt: FeeDueAt;
}

/** An event just recorded, for modules that follow dossiers (results issues its documents). */
export interface RecordedDossierEvent {
  event: DossierEvent;
  before: DossierView | null;
  after: DossierView;
  intake: IntakeDetails;
}

/**
 * Runs inside the transaction of every recorded event (submission and actions), before the
 * notice is enqueued, so follow-up work exists iff the event committed. May return extra notice
 * fields (e.g. the verification link of a signed result).
 */
export type DossierEventHook = (trx: Db, recorded: RecordedDossierEvent) => Promise<Partial<DossierNoticePayload> | void>;

/** Work to commit in the same transaction as the action (outreach records its operation log). */
export interface ActOptions {
  within?: (trx: Db, view: DossierView) => Promise<void>;
  /**
   * When the action was really done, for work done offline (the outreach sync, which has checked
   * it against the session's window): the action is judged (late rule, new due dates) and dated
   * (its event) at that time rather than when the phone found a signal. It may not precede the
   * dossier's latest event nor lie ahead of the server's clock. Routes never pass it: an HTTP
   * caller's action happens now.
   */
  performedAt?: Date;
}

/** An operation time the dossier's log cannot take (see ActOptions.performedAt). */
function untimely(at: Date, now: Date, latest?: string): Problem | null {
  if (latest !== undefined && at.getTime() < Date.parse(latest)) {
    return new Problem(
      422,
      PROBLEM.field_time_before_history,
      `Thời điểm thao tác (${iso(at)}) trước sự kiện gần nhất của hồ sơ (${iso(latest)}); lịch sử hồ sơ không thể đi ngược.`,
      `The operation time (${iso(at)}) is before the dossier's latest event (${iso(latest)}); its history cannot go backwards.`,
      { field: 'at' },
    );
  }
  if (at.getTime() > now.getTime() + FIELD_CLOCK_TOLERANCE_MS) {
    return new Problem(
      409,
      PROBLEM.field_time_in_future,
      `Thời điểm thao tác (${iso(at)}) đi trước đồng hồ máy chủ; hãy gửi lại sau.`,
      `The operation time (${iso(at)}) is ahead of the server's clock; send it again later.`,
      { field: 'at', retryable: true },
    );
  }
  return null;
}

/** The day's numbers are used up (9,999 per day, less those held for outreach). */
function dailyCapacity(ceiling: number): Problem {
  const held = MAX_DAILY_SEQ + 1 - ceiling;
  return new Problem(
    503,
    'daily_capacity',
    `Đơn vị đã dùng hết số hồ sơ của ngày hôm nay (mã hồ sơ chỉ có 4 chữ số, tối đa 9.999 hồ sơ mỗi ngày theo Điều 19 Thông tư 01/2018/TT-VPCP${held > 0 ? `; ${held} số đang dành cho tiếp nhận lưu động` : ''}). Vui lòng tiếp nhận vào ngày làm việc sau.`,
    `The unit has used up today's dossier numbers (codes have 4 digits, at most 9,999 dossiers a day, Circular 01/2018/TT-VPCP art. 19${held > 0 ? `; ${held} numbers are held for mobile outreach` : ''}). Please take it in on the next working day.`,
  );
}

const notFoundDossier = (code: string) => notFound('hồ sơ', 'Dossier', code);
const outsideScope = () => forbidden('Đơn vị này không thuộc phạm vi của bạn.', 'This unit is outside your scope.');
const unitPlace = (unitCode: string): DataPlace => ({ unitCode, provinceCode: provinceOf(unitCode) });
const ctxClock = { clock: dossierClock };

function projection(view: DossierView, intake: IntakeDetails, events: readonly Pick<DossierEvent, 'type' | 'at'>[], now: Date): ProjectionRow {
  const returned = [...events].reverse().find((e) => e.type === 'return_result');
  const a = intake.applicant;
  const date = (s: string | null) => (s === null ? null : new Date(s));
  return {
    code: view.code,
    unit_code: view.unitCode,
    procedure_code: view.procedureCode,
    procedure_name: intake.procedureName,
    state: view.state,
    version: view.lastSeq,
    channel: view.channel,
    id_number: a.idNumber,
    full_name: a.fullName,
    phone: a.phone,
    email: a.email ?? null,
    hamlet: a.hamlet,
    assignee_user_id: view.assigneeUserId,
    submitted_at: new Date(view.submittedAt),
    received_at: date(view.receivedAt),
    due_at: date(view.dueAt),
    paused_at: date(view.pausedAt),
    result_ready_at: date(view.resultReadyAt),
    returned_at: returned ? new Date(returned.at) : null,
    closed_at: date(view.closure?.at ?? null),
    search_key: `${view.code.toLowerCase()} ${a.idNumber} ${foldKey(a.fullName)}`,
    updated_at: now,
  };
}

function notice(
  view: DossierView,
  intake: IntakeDetails,
  action: string,
  previousState: DossierView['state'] | null,
  at: string,
  reason?: string,
): DossierNoticePayload {
  return {
    dossierCode: view.code,
    unitCode: view.unitCode,
    procedureCode: view.procedureCode,
    procedureName: intake.procedureName,
    action,
    state: view.state,
    previousState,
    at: iso(at)!,
    dueAt: iso(view.dueAt),
    ...(reason ? { reason } : {}),
    recipient: { fullName: intake.applicant.fullName, phone: intake.applicant.phone, email: intake.applicant.email ?? null, lang: 'vi' },
  };
}

/**
 * Dossiers: intake (codes, appointments, idempotency), the workflow's actions and reads. Every
 * write appends to the event log, rewrites the projection, enqueues the notice and appends the
 * audit entry in one transaction. Other modules call submit/act/get/load.
 */
export class DossierService {
  readonly store: DossierStore;

  constructor(
    private readonly ctx: AppContext,
    private readonly catalog: CatalogService,
    private readonly options: {
      attachments?: AttachmentPort;
      onRecorded?: DossierEventHook;
      /** Reductions provinces set (core/fees ProvinceFeeRule); none unless configured. */
      provinceFeeRules?: readonly ProvinceFeeRule[];
    } = {},
  ) {
    this.store = new DossierStore(ctx.db);
  }

  /** Opens a dossier. With an idempotency key, a repeat returns the first result (created: false). */
  async submit(
    actor: DossierActor,
    raw: SubmissionInput,
    idempotencyKey?: string,
    options: SubmitOptions = {},
  ): Promise<{ dossier: DossierJson; created: boolean }> {
    const caller = coreActor(actor);
    if (!caller || actor.kind === 'system') throw new Problem(401, 'unauthorized', 'Bạn cần đăng nhập để tiếp tục.', 'You need to log in to continue.');
    const input: SubmissionInput = {
      ...raw,
      applicant: { ...raw.applicant, fullName: nfc(raw.applicant.fullName).trim(), addressLine: nfc(raw.applicant.addressLine).trim() },
    };
    const now = this.ctx.clock.now();
    // Taken in offline (outreach): the appointment counts from when the citizen handed it over.
    const at = options.receivedAt ?? now;
    const ahead = options.receivedAt ? untimely(at, now) : null;
    if (ahead) throw ahead;
    const { procedure, processing } = await checkSubmission(input, actor, this.catalog, this.ctx.db);
    const day = vnDate(at);
    const preset = options.presetCode ? parseDossierCode(options.presetCode) : null;
    if (options.presetCode && !preset) throw badRequest('Mã hồ sơ dự trữ không hợp lệ.', 'Not a reserved dossier code.', { field: 'code' });
    // A reserved code keeps the identifier its block was issued under (outreach checked the block).
    const agencyCode = preset?.agencyCode ?? (await agencyCodeOf(this.ctx.db, input.unitCode));
    if (!agencyCode) throw badRequest('Đơn vị không tồn tại.', 'Unknown unit.', { field: 'unitCode' });
    const command = {
      procedureCode: procedure.code,
      processing,
      channel: input.channel,
      unitCode: input.unitCode,
      agencyCode,
      applicantIdNumber: input.applicant.idNumber,
    };
    // A dry run with a placeholder number: refusals (wrong role, not the owner) cost no number.
    const dry = decideSubmission({ ...command, code: formatDossierCode(agencyCode, day, 1) }, caller, at, ctxClock);
    if (!dry.ok) throw workflowProblem(dry.error, null, caller, now);

    const scope = idempotencyScope(actor);
    const requestHash = createHash('sha256').update(canonicalJson(raw)).digest('hex');
    const files = (input.attachments ?? []).map((a) => (typeof a === 'string' ? { uploadId: a } : a));
    if (files.length > 0 && !this.options.attachments)
      throw badRequest('Chưa hỗ trợ đính kèm tệp.', 'Attachments are not available.', { field: 'attachments' });
    const stored = storedActor(actor);
    const result = await inTransaction(this.ctx.db, async (trx) => {
      if (idempotencyKey) {
        const claim = await this.store.claimKey(trx, scope, idempotencyKey, requestHash);
        if (!claim.claimed) {
          if (claim.requestHash !== requestHash) {
            throw unprocessable(
              'idempotency_key_reused',
              'Khóa Idempotency-Key này đã được dùng cho một yêu cầu khác.',
              'This Idempotency-Key was already used for a different request.',
            );
          }
          return { code: claim.dossierCode!, created: null };
        }
      }
      // From here to COMMIT intakes of this unit and day queue on the number's row lock (gapless
      // numbers), so only what needs the code follows, in as few round trips as we can; the audit
      // entry, whose chain lock is per unit too, comes last.
      const desk = preset ? null : await this.store.allocateSeq(trx, input.unitCode, day);
      // XXXX has four digits (Circular 01/2018/TT-VPCP art. 19(1)): past 9,999 — or into numbers
      // held for outreach — the intake is refused and rolls back, so the desk's numbers stay gapless.
      if (desk && desk.seq >= desk.ceiling) throw dailyCapacity(desk.ceiling);
      const code = options.presetCode ?? formatDossierCode(agencyCode, day, desk!.seq);
      const decided = decideSubmission({ ...command, code }, caller, at, ctxClock);
      if (!decided.ok) throw workflowProblem(decided.error, null, caller, now);
      let attachments: AttachmentRef[] = [];
      if (files.length > 0) {
        const linked = await this.options.attachments!.attachToDossier(trx, files, code, actor, {
          unitCode: input.unitCode,
          ...(actor.kind === 'official' ? { onBehalfOf: { idNumber: input.applicant.idNumber } } : {}),
        });
        attachments = linked.map((a) => ({
          id: a.upload.id,
          filename: a.upload.filename,
          mediaType: a.upload.mediaType,
          size: a.upload.size,
          sha256: a.upload.sha256,
          label: a.label ?? null,
        }));
      }
      // The fee from the form with core, as the wizard and the field app computed it before sending.
      const { fee, feeDueAt } = quoteFor(procedure, input.form, {
        channel: input.channel,
        on: day,
        provinceCode: provinceOf(input.unitCode) ?? null,
        provinceRules: this.options.provinceFeeRules ?? [],
      });
      // Core's completeness rule, the one the wizard's review step shows the citizen: recorded for
      // the desk's check (Decree 61/2018 art. 19: the desk checks completeness on receipt), not a refusal.
      const lacking = missingRequiredDocuments(procedure, new Set(files.flatMap((f) => (f.kind ? [f.kind] : []))), input.channel).map(
        (index) => procedure.documents[index]!.name,
      );
      const intake: IntakeDetails = {
        documentsLacking: lacking,
        procedureName: procedure.name,
        applicant: input.applicant,
        form: input.form,
        attachments,
        resultDelivery: input.resultDelivery,
        postalAddress: input.postalAddress?.trim() || null,
        feeVnd: fee.amountVnd,
        feeDueAt,
        fee,
        consent:
          actor.kind === 'official' && input.consent
            ? { method: input.consent.method, note: input.consent.note ?? null, recordedBy: actor.fullName, at: iso(at)! }
            : null,
      };
      const event = { ...decided.event, seq: 1 } as DossierEvent;
      const view = deriveDossier([event]);
      await this.store.insertSubmission(
        trx,
        code,
        decided.event,
        stored,
        { intake },
        projection(view, intake, [decided.event], now),
        idempotencyKey ? { scope, key: idempotencyKey } : null,
      );
      await options.within?.(trx, view);
      const extra = await this.options.onRecorded?.(trx, { event, before: null, after: view, intake });
      await enqueueOutbox(trx, DOSSIER_NOTICE, { ...notice(view, intake, 'submitted', null, decided.event.at), ...(extra ?? {}) });
      await appendAudit(trx, {
        at: now,
        actor: auditActor(actor),
        action: 'dossier.submit',
        dossierCode: code,
        detail: { channel: input.channel, procedureCode: procedure.code, state: view.state },
      });
      return { code, created: storedEvent(1, decided.event, stored, { intake }) };
    });
    // A new dossier answers from the event just written; a replay reads the committed one.
    const events = result.created ? [result.created] : await this.store.events(this.ctx.db, result.code);
    return { dossier: await this.json(actor, events, caller), created: result.created !== null };
  }

  /** Takes a workflow action (core decide) and records it; stale versions and lost races are 409. */
  async act(
    actor: DossierActor,
    code: string,
    command: { action: string; version?: number } & Record<string, unknown>,
    options: ActOptions = {},
  ): Promise<DossierJson> {
    const caller = coreActor(actor);
    const now = this.ctx.clock.now();
    let after: StoredEvent[];
    try {
      after = await inTransaction(this.ctx.db, async (trx) => {
        const events = await this.store.events(trx, code);
        if (events.length === 0 || !this.visible(actor, events)) throw notFoundDossier(code);
        const view = deriveDossier(events);
        if (command.version !== undefined && command.version !== view.lastSeq) throw versionConflict(view, caller, now);
        if (!caller) throw notFoundDossier(code);
        const { version: _v, ...fields } = command;
        // Offline work is judged as of when it was done (ActOptions.performedAt).
        const at = options.performedAt ?? now;
        const refused = options.performedAt ? untimely(at, now, events[events.length - 1]!.at) : null;
        if (refused) throw refused;
        const decided = decide(view, fields, caller, at, ctxClock);
        if (!decided.ok) throw workflowProblem(decided.error, view, caller, now);
        if (decided.event.type === 'assign' && !(await isSpecialistOf(trx, decided.event.data.assigneeUserId, view.unitCode))) {
          throw badRequest(
            'Người được phân công phải là chuyên viên đang làm việc tại đơn vị của hồ sơ.',
            "The assignee must be an active specialist of the dossier's unit.",
            { field: 'assigneeUserId' },
          );
        }
        if (decided.event.type === 'transfer') {
          const to = decided.event.data.toUnitCode;
          const unit = unitOf(to);
          if (!unit || unit.type === 'province') throw badRequest(`Không có xã, phường "${to}".`, `No commune or ward "${to}".`, { field: 'toUnitCode' });
        }
        const extra = decided.event.type === 'submit_supplement' ? await this.attachSupplement(trx, actor, events, view, decided.event.data.documents) : {};
        // Not `within?.(trx, await record())`: an optional call skips evaluating its arguments.
        const next = await this.record(trx, actor, events, view, decided.event, now, extra);
        await options.within?.(trx, next.view);
        return [...events, next.stored];
      });
    } catch (e) {
      if (!isUniqueViolation(e) && !(e instanceof StaleProjection)) throw e;
      const events = await this.store.events(this.ctx.db, code);
      throw versionConflict(deriveDossier(events), caller, now);
    }
    // The answer comes from the log as just written (committed), not from a second read of it.
    return this.json(actor, after, caller, now);
  }

  /**
   * The one operation the results worker calls once it has signed the document of event `seq`:
   * in one transaction, `within` records the document and, when the follow-up table
   * (core followUpOf) names a next action for that event and the dossier still stands right
   * after it, the platform takes that action as `actor` (mark_result_ready: the notice the
   * decision deferred, now with the verify link). A dossier that moved on, or a late one that
   * needs an apology first, keeps its document and waits for the desk. Returns whether the
   * follow-up action was recorded.
   */
  async followUp(actor: DossierActor, code: string, seq: number, data: Record<string, unknown>, within?: (trx: Db) => Promise<void>): Promise<boolean> {
    const caller = coreActor(actor);
    const now = this.ctx.clock.now();
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.followUpOnce(actor, caller, code, seq, data, now, within);
      } catch (e) {
        // Someone moved the dossier at the same moment: their action stands; `within` (rolled
        // back with ours) runs again on the log as it is now, where the follow-up is moot.
        if ((!isUniqueViolation(e) && !(e instanceof StaleProjection)) || attempt >= 3) throw e;
      }
    }
  }

  private followUpOnce(
    actor: DossierActor,
    caller: ReturnType<typeof coreActor>,
    code: string,
    seq: number,
    data: Record<string, unknown>,
    now: Date,
    within?: (trx: Db) => Promise<void>,
  ): Promise<boolean> {
    return inTransaction(this.ctx.db, async (trx) => {
      const events = await this.store.events(trx, code);
      const event = events.find((e) => e.seq === seq);
      if (!event) throw notFoundDossier(code);
      const view = deriveDossier(events);
      await within?.(trx);
      const next = followUpOf(event, deriveDossier(events.filter((e) => e.seq <= seq))).next;
      if (!next || !caller || view.lastSeq !== seq) return false;
      const decided = decide(view, { action: next, ...data }, caller, now, ctxClock);
      if (!decided.ok) return false;
      await this.record(trx, actor, events, view, decided.event, now);
      return true;
    });
  }

  /**
   * A supplement's documents are upload ids (files sent online or scanned at the desk) or, for
   * papers handed over at the counter, their names. Files are attached to the dossier so the
   * officials of its unit can open them; their references are kept on the event.
   */
  private async attachSupplement(
    trx: Db,
    actor: DossierActor,
    events: StoredEvent[],
    view: DossierView,
    documents: readonly string[],
  ): Promise<{ attachments?: AttachmentRef[] }> {
    const uploadIds = documents.filter((d) => UUID.test(d));
    if (uploadIds.length === 0 || !this.options.attachments || actor.kind === 'system') return {};
    const applicant = intakeOf(events).applicant.idNumber;
    const linked = await this.options.attachments.attachToDossier(
      trx,
      uploadIds.map((uploadId) => ({ uploadId, kind: 'supplement', label: 'Hồ sơ bổ sung' })),
      view.code,
      actor,
      {
        unitCode: view.unitCode,
        ...(actor.kind === 'official' ? { onBehalfOf: { idNumber: applicant } } : {}),
      },
    );
    return {
      attachments: linked.map((a) => ({
        id: a.upload.id,
        filename: a.upload.filename,
        mediaType: a.upload.mediaType,
        size: a.upload.size,
        sha256: a.upload.sha256,
        label: a.label ?? null,
      })),
    };
  }

  private async record(
    trx: Db,
    actor: DossierActor,
    events: StoredEvent[],
    view: DossierView,
    event: NewDossierEvent,
    now: Date,
    eventExtra: Record<string, unknown> = {},
  ): Promise<{ view: DossierView; stored: StoredEvent }> {
    const seq = view.lastSeq + 1;
    await this.store.appendEvent(trx, view.code, seq, event, storedActor(actor), eventExtra);
    const next = evolve(view, { ...event, seq } as DossierEvent);
    if (next.unitCode !== view.unitCode) await this.options.attachments?.moveDossierAttachments?.(trx, view.code, next.unitCode);
    const intake = intakeOf(events);
    if (!(await this.store.updateProjection(trx, projection(next, intake, [...events, event], now), view.lastSeq))) throw new StaleProjection();
    const data = event.data as Record<string, unknown>;
    // A refusal's notice waits for its signed letter (the follow-up table): it carries the reason then.
    const reason = typeof data.reason === 'string' ? data.reason : event.type === 'mark_result_ready' ? (view.decision?.reason ?? undefined) : undefined;
    const recorded = { ...event, seq } as DossierEvent;
    const extra = await this.options.onRecorded?.(trx, { event: recorded, before: view, after: next, intake });
    if (followUpOf(recorded, next).notice === 'now')
      await enqueueOutbox(trx, DOSSIER_NOTICE, { ...notice(next, intake, event.type, view.state, event.at, reason), ...(extra ?? {}) });
    // The audit entry is dated when the server recorded it; an offline action's own time is in its detail.
    const performedAt = event.at !== now.toISOString() ? { performedAt: event.at } : {};
    await appendAudit(trx, {
      at: now,
      actor: auditActor(actor),
      action: `dossier.${event.type}`,
      dossierCode: view.code,
      detail: { from: view.state, to: next.state, seq, ...performedAt },
    });
    return { view: next, stored: storedEvent(seq, event, storedActor(actor), eventExtra) };
  }

  /**
   * A dossier as its applicant or an official who may see its personal data (platform/privacy.ts)
   * sees it; anyone else gets the same 404 as for a code that does not exist. An official's read
   * of personal data is audited before it leaves.
   */
  async get(actor: DossierActor, code: string): Promise<DossierJson> {
    const events = await this.store.events(this.ctx.db, code);
    if (events.length === 0 || !this.visible(actor, events)) throw notFoundDossier(code);
    if (actor.kind === 'official') await this.auditRead(actor, { action: 'dossier.read', dossierCode: code, kinds: [...DOSSIER_KINDS] });
    return this.json(actor, events, coreActor(actor));
  }

  /**
   * Where a dossier stands (version and state) for a caller who may see it, from the projection
   * alone: what a page polls while the platform works in the background. No personal data, so
   * no read to audit; the same 404 as get() for anyone else.
   */
  async standing(actor: DossierActor, code: string): Promise<{ code: string; version: number; state: DossierView['state'] }> {
    const row = await this.store.row(code);
    const place = row ? this.placeOf({ unitCode: row.unit_code, applicantIdNumber: row.id_number }, actor) : null;
    const visible = actor.kind === 'system' || (actor.kind !== 'anonymous' && place !== null && seesAll(actor, DOSSIER_KINDS, place));
    if (!row || !visible) throw notFoundDossier(code);
    return { code: row.code, version: row.version, state: row.state as DossierView['state'] };
  }

  /** Records an official's view of a dossier's personal data (the results module's reads too). */
  async auditRead(actor: DossierActor, read: PersonalDataRead): Promise<void> {
    if (actor.kind === 'official') await auditRead(this.ctx.db, this.ctx.clock, actor, read);
  }

  /**
   * Where a dossier's data lives, for the who-sees-what policy. The unit's province is given only
   * when the reader's reach for these kinds is a province (`reader` omitted: always).
   */
  placeOf(view: Pick<DossierView, 'unitCode' | 'applicantIdNumber'>, reader?: DossierActor, kinds: readonly DataKind[] = DOSSIER_KINDS): DataPlace {
    if (reader && !kinds.some((k) => reach(reader, k) === 'province'))
      return { unitCode: view.unitCode, provinceCode: null, subjectIdNumber: view.applicantIdNumber };
    return { unitCode: view.unitCode, provinceCode: provinceOf(view.unitCode), subjectIdNumber: view.applicantIdNumber };
  }

  /** The dossier as this caller may see it: internal notes only for officials who may read them. */
  private async json(actor: DossierActor, events: readonly StoredEvent[], caller = coreActor(actor), now = this.ctx.clock.now()): Promise<DossierJson> {
    const internalNotes =
      actor.kind === 'system' || (actor.kind === 'official' && sees(actor, 'internal_notes', this.placeOf(deriveDossier(events), actor, ['internal_notes'])));
    const code = deriveDossier(events).code;
    const feeAdjustments = (await adjustmentsOf(this.ctx.db, [code])).get(code) ?? [];
    return dossierJson(events, caller, now, { internalNotes, feeAdjustments });
  }

  /** The derived view and log without access checks, for other modules acting as the system. */
  async load(code: string): Promise<LoadedDossier | null> {
    const events = await this.store.events(this.ctx.db, code);
    if (events.length === 0) return null;
    const intake = intakeOf(events);
    const adjustments = (await adjustmentsOf(this.ctx.db, [code])).get(code) ?? [];
    return { view: deriveDossier(events), events, intake, feeVnd: dueNow(intake, adjustments), feeDueAt: intake.feeDueAt ?? 'intake' };
  }

  /**
   * An official of the dossier's unit (receptionist, outreach, commune administrator) sets the
   * fee due, with a reason: a page count the desk corrected, an exemption whose evidence was
   * shown. Audited with both amounts; refused, it changes nothing. Closed dossiers keep theirs.
   */
  async adjustFee(actor: DossierActor, code: string, body: FeeAdjustmentBody): Promise<DossierJson> {
    const now = this.ctx.clock.now();
    const caller = coreActor(actor);
    const events = await inTransaction(this.ctx.db, async (trx) => {
      // Serialises adjustments of one dossier, so each records the amount it replaced.
      const locked = await trx.selectFrom('dossier').select('code').where('code', '=', code).forUpdate().executeTakeFirst();
      const events = locked ? await this.store.events(trx, code) : [];
      if (events.length === 0 || !this.visible(actor, events)) throw notFoundDossier(code);
      const view = deriveDossier(events);
      if (actor.kind !== 'official' || !actor.unitCodes.includes(view.unitCode)) {
        throw forbidden('Chỉ cán bộ của đơn vị đang giải quyết hồ sơ mới được điều chỉnh lệ phí.', "Only officials of the dossier's unit may adjust its fee.");
      }
      if (body.version !== undefined && body.version !== view.lastSeq) throw versionConflict(view, caller, now);
      if (view.closure !== null || view.state === 'returned') {
        throw unprocessable('fee_locked', 'Hồ sơ đã kết thúc; không điều chỉnh lệ phí được nữa.', 'The dossier is closed; its fee can no longer be adjusted.', {
          field: 'feeVnd',
          state: view.state,
        });
      }
      const intake = intakeOf(events);
      const before = dueNow(intake, (await adjustmentsOf(trx, [code])).get(code) ?? []);
      const reason = nfc(body.reason).trim();
      if (reason.length < 5)
        throw badRequest('Cần ghi lý do điều chỉnh (ít nhất 5 ký tự).', 'Give the reason for the adjustment (at least 5 characters).', { field: 'reason' });
      await insertAdjustment(trx, { dossierCode: code, fromVnd: before, toVnd: body.feeVnd, reason, byUserId: actor.userId, byName: actor.fullName, at: now });
      await appendAudit(trx, {
        at: now,
        actor: auditActor(actor),
        action: 'dossier.fee_adjust',
        dossierCode: code,
        detail: { fromVnd: before, toVnd: body.feeVnd, computedVnd: intake.feeVnd, reason },
      });
      return events;
    });
    return this.json(actor, events, caller, now);
  }

  /**
   * A dossier whose data of these kinds (a result's documents and delivery by default) the
   * caller may see by the who-sees-what policy (platform/privacy.ts): its applicant, or officials
   * the policy lets see them in its current unit. Everyone else gets the 404 of a code that does
   * not exist. Not audited here: the caller records the read of what it shows.
   */
  async loadVisible(actor: DossierActor, code: string, kinds: readonly DataKind[] = ['results']): Promise<LoadedDossier> {
    const loaded = await this.load(code);
    if (!loaded || actor.kind === 'anonymous') throw notFoundDossier(code);
    if (!seesAll(actor, kinds, this.placeOf(loaded.view, actor, kinds))) throw notFoundDossier(code);
    return loaded;
  }

  /** Public status look-up by code and the applicant's phone or CCCD (lookup.ts). */
  async lookup(query: { code: string; phone?: string; idNumber?: string }): Promise<LookupResult> {
    const now = this.ctx.clock.now();
    const found = await lookupDossier(this.ctx.db, query, now);
    if (found.dueAt !== null || found.state !== 'submitted') return found;
    // Not yet received: the same provisional date the receipt page shows (views.ts shownDueAt).
    const due = shownDueAt(deriveDossier(await this.store.events(this.ctx.db, found.code)), now);
    return { ...found, dueAt: due.dueAt, dueAtProvisional: due.provisional };
  }

  /** The office work queue (queue.ts): names of many applicants at once, so one audit entry per page with the codes shown. */
  async queue(actor: Actor, query: QueueQuery): Promise<QueuePage> {
    const unit = query.unit;
    if (unit && !sees(actor, 'identity', unitPlace(unit))) throw outsideScope();
    const q = query.q?.trim() ?? '';
    // Free text that is not a CCCD or a code may name a procedure: the catalog's search says which.
    const procedureCodes = q.length >= 2 && !/^\d+$/.test(q) ? (await this.catalog.search(q, { nameOnly: true }, 20)).map((p) => p.code) : [];
    const page = await workQueue(this.ctx.db, actor, query, this.ctx.clock.now(), { procedureCodes });
    if (page.items.length > 0) {
      await auditRead(this.ctx.db, this.ctx.clock, actor, {
        action: 'dossier.queue.read',
        dossierCode: null,
        kinds: ['identity'],
        detail: { unit: unit ?? null, q: query.q ?? null, codes: page.items.map((i) => i.code) },
      });
    }
    return page;
  }

  /** Today's counts for a unit's dashboard, for those who may see its figures. */
  async summary(actor: Actor, unitCode: string): Promise<UnitDaySummary> {
    if (!sees(actor, 'figures', unitPlace(unitCode))) throw outsideScope();
    return unitSummary(this.ctx.db, unitCode, this.ctx.clock.now());
  }

  /** A citizen's own dossiers, newest first, each with its timeline. */
  async listMine(actor: DossierActor, limit = 50): Promise<DossierJson[]> {
    if (actor.kind !== 'citizen') return [];
    const now = this.ctx.clock.now();
    const caller = coreActor(actor);
    const out: DossierJson[] = [];
    const codes = await this.store.codesOfApplicant(actor.idNumber, limit);
    const adjustments = await adjustmentsOf(this.ctx.db, codes);
    for (const code of codes) {
      out.push(dossierJson(await this.store.events(this.ctx.db, code), caller, now, { internalNotes: false, feeAdjustments: adjustments.get(code) ?? [] }));
    }
    return out;
  }

  /** The applicant, or a reader the policy lets see its identity, contact and application. */
  private visible(actor: DossierActor, events: StoredEvent[]): boolean {
    const view = deriveDossier(events);
    if (actor.kind === 'system') return true;
    if (actor.kind === 'anonymous') return false;
    return seesAll(actor, DOSSIER_KINDS, this.placeOf(view, actor));
  }
}

class StaleProjection extends Error {}
