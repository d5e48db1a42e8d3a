/**
 * Types of the dossier (hồ sơ) workflow. A dossier is an append-only list of events; everything
 * else (state, assignee, due date, …) is derived by folding them (see derive.ts), so the server
 * and the offline field app compute the same view from the same log.
 */

export type Role = 'citizen' | 'receptionist' | 'specialist' | 'approver' | 'outreach' | 'commune_admin' | 'province_viewer' | 'system';

export type Actor = { kind: 'citizen'; idNumber: string } | { kind: 'official'; userId: string; roles: Role[]; unitCodes: string[] };

/** Who did it, as written into the event (roles and scope are checked at decision time). */
export type ActorRef = { kind: 'citizen'; idNumber: string } | { kind: 'official'; userId: string };

export type Channel = 'online' | 'counter' | 'outreach' | 'postal';
export type DeliveryMethod = 'counter' | 'post' | 'electronic';

/** Statutory processing time of the procedure, snapshotted into the dossier at submission. */
export type Processing = { workingDays: number } | { sameDay: true };

export type DossierState =
  | 'submitted' // online/postal, awaiting the desk's completeness check
  | 'received' // accepted at the desk, receipt with appointment given
  | 'supplement_requested' // incomplete: clock stopped until the applicant supplements
  | 'in_progress' // assigned to a specialist
  | 'pending_approval' // specialist proposed a decision
  | 'approved' // approver granted; result paper being produced
  | 'rejected' // approver refused (with reason); refusal notice being produced
  | 'result_ready' // result (or refusal notice) ready for delivery
  | 'returned' // result delivered
  | 'refused_intake' // the desk refused to receive (form 03), with reason
  | 'withdrawn' // applicant withdrew before a decision
  | 'cancelled'; // an official cancelled, with reason

export type ActionType =
  | 'receive'
  | 'refuse_intake'
  | 'request_supplement'
  | 'submit_supplement'
  | 'assign'
  | 'transfer'
  | 'propose'
  | 'approve'
  | 'refuse'
  | 'mark_result_ready'
  | 'complete_on_spot'
  | 'return_result'
  | 'withdraw'
  | 'cancel'
  | 'record_apology';

export type EventType = ActionType | 'submitted';

/**
 * What each event records. Computed consequences (due dates) are written into the event at
 * decision time, so later edits of the holiday calendar never move an appointment already
 * printed on a receipt, and deriving needs no calendar.
 */
export interface EventDataMap {
  submitted: {
    code: string;
    procedureCode: string;
    processing: Processing;
    channel: Channel;
    unitCode: string;
    applicantIdNumber: string;
    /** Set when an official receives on the spot (counter/outreach); null when awaiting the check. */
    dueAt: string | null;
  };
  receive: { dueAt: string; note: string | null };
  refuse_intake: { reason: string };
  request_supplement: { reason: string; missingDocuments: string[] };
  /** dueAt is null when the dossier goes back to 'submitted' (the appointment is set at receipt). */
  submit_supplement: { documents: string[]; note: string | null; dueAt: string | null };
  assign: { assigneeUserId: string };
  transfer: { fromUnitCode: string; toUnitCode: string; reason: string };
  propose: { outcome: 'approve' | 'refuse'; note: string };
  approve: { note: string | null };
  refuse: { reason: string };
  mark_result_ready: { resultDocumentId: string | null };
  complete_on_spot: { resultDocumentId: string | null; note: string | null };
  return_result: {
    method: DeliveryMethod;
    recipientName: string | null;
    signatureRef: string | null;
    trackingNumber: string | null;
  };
  withdraw: { reason: string | null };
  cancel: { reason: string };
  record_apology: { newAppointment: string; reason: string };
}

export type DossierEvent = {
  [K in EventType]: { seq: number; type: K; at: string; actor: ActorRef; data: EventDataMap[K] };
}[EventType];

/** An event as decided, before the store gives it its sequence number. */
export type NewDossierEvent = DossierEvent extends infer E ? (E extends DossierEvent ? Omit<E, 'seq'> : never) : never;

export interface HistoryEntry {
  seq: number;
  type: EventType;
  at: string;
  actor: ActorRef;
  fromState: DossierState | null;
  toState: DossierState;
}

export interface DossierView {
  code: string;
  procedureCode: string;
  processing: Processing;
  channel: Channel;
  applicantIdNumber: string;
  state: DossierState;
  /** Current unit in charge (changes on transfer); officials act only within their units. */
  unitCode: string;
  assigneeUserId: string | null;
  submittedAt: string;
  receivedAt: string | null;
  /** Current appointment: from receipt, a supplement, or the latest apology. */
  dueAt: string | null;
  /** When the clock stopped for a supplement; null when running. */
  pausedAt: string | null;
  /** State to resume when the supplement arrives. */
  stateBeforePause: DossierState | null;
  supplementCount: number;
  missingDocuments: string[];
  apologyCount: number;
  latestApology: { at: string; newAppointment: string; reason: string } | null;
  proposal: { outcome: 'approve' | 'refuse'; note: string; byUserId: string | null; at: string } | null;
  decision: { outcome: 'approved' | 'refused'; at: string; reason: string | null } | null;
  resultReadyAt: string | null;
  resultDocumentId: string | null;
  delivery: (EventDataMap['return_result'] & { at: string }) | null;
  /** Why and when the dossier closed without a result (refused intake, withdrawn, cancelled). */
  closure: { at: string; reason: string | null } | null;
  history: HistoryEntry[];
  lastSeq: number;
}

export type FieldType = 'string' | 'date-time' | 'enum' | 'string[]';

export interface FieldSpec {
  name: string;
  type: FieldType;
  required: boolean;
  options?: string[];
  /** Required only when another field has this value (e.g. a signature for counter delivery). */
  requiredWhen?: { field: string; equals: string };
}

export interface ActionSpec {
  action: ActionType;
  fields: FieldSpec[];
}

/**
 * The calendar operations the workflow needs, injected so this code stays independent of the
 * calendar's data and tests can use a simple fake. Build one from `@motcua/core/calendar` with
 * `bindClock` (clock.ts).
 */
export interface DossierClock {
  dueDate(receivedAt: Date, processing: Processing): Date;
  workingDaysBetween(from: Date, to: Date): number;
}

export interface DossierContext {
  clock: DossierClock;
}

export type ErrorCode = 'forbidden' | 'invalid_state' | 'invalid_input' | 'late_needs_apology';

export interface DossierError {
  code: ErrorCode;
  messageVi: string;
  messageEn: string;
  field?: string;
}

export type DecideResult = { ok: true; event: NewDossierEvent } | { ok: false; error: DossierError };

/** A command as it arrives from a screen or an integration: untrusted, validated by decide. */
export type DossierCommand = { action: string } & Record<string, unknown>;

export interface SubmissionCommand {
  code: string;
  procedureCode: string;
  processing: Processing;
  channel: Channel;
  unitCode: string;
  applicantIdNumber: string;
}

export type Timeliness = 'early' | 'on_time' | 'due_soon' | 'late';
