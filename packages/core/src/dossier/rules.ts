import type { ActionType, DossierState, FieldSpec, Role } from './types.ts';

/**
 * Who may act. A role name means an official holding that role whose units include the dossier's
 * current unit ('system' is platform-wide and skips the unit check). Two parties depend on the
 * dossier itself:
 *   owner    – the citizen whose ID number is the applicant's
 *   assignee – an official with the specialist role who is the dossier's current assignee
 */
export type Party = Exclude<Role, 'citizen' | 'specialist' | 'province_viewer'> | 'owner' | 'assignee';

/**
 * Where the action leads: a state, or
 *   same         – state unchanged (apology, reassignment bookkeeping)
 *   before_pause – the state the dossier had when the supplement was requested
 *   back_to_desk – 'submitted' stays 'submitted'; otherwise 'received' (the new unit assigns anew)
 */
export type Target = DossierState | 'same' | 'before_pause' | 'back_to_desk';

export interface Rule {
  /** Party → states from which that party may take the action. */
  by: Partial<Record<Party, readonly DossierState[]>>;
  to: Target;
  /**
   * Late rule: once dueAt has passed, actions that move the dossier towards its result are
   * blocked until an apology (form 04) sets a new appointment. It forces the late unit to own the
   * delay to the applicant before anything else happens, instead of quietly finishing late.
   */
  blockedWhenLate: boolean;
  /** Only for procedures resolved the same day. */
  sameDayOnly?: boolean;
  fields: readonly FieldSpec[];
}

const reason: FieldSpec = { name: 'reason', type: 'string', required: true };
const note: FieldSpec = { name: 'note', type: 'string', required: false };
const resultDocumentId: FieldSpec = { name: 'resultDocumentId', type: 'string', required: false };

/** Before any decision: what the applicant may withdraw and an official may cancel. */
const BEFORE_DECISION = ['submitted', 'received', 'supplement_requested', 'in_progress', 'pending_approval'] as const;
/** Received and not yet resolved: the appointment clock runs (an apology may move it). */
export const RUNNING_STATES: readonly DossierState[] = ['received', 'in_progress', 'pending_approval', 'approved', 'rejected'];
/** Nothing may happen after these. */
export const TERMINAL_STATES: readonly DossierState[] = ['returned', 'refused_intake', 'withdrawn', 'cancelled'];

/**
 * THE workflow table (Decree 118/2025/ND-CP one-stop flow). One row per action.
 *
 * action             | who (from states)                                               | to                  | late-blocked
 * -------------------+-----------------------------------------------------------------+---------------------+-------------
 * receive            | receptionist (submitted)                                        | received            | no (no due date yet)
 * refuse_intake      | receptionist (submitted)                                        | refused_intake      | no
 * request_supplement | receptionist (submitted, received); assignee (in_progress)      | supplement_requested| yes
 * submit_supplement  | owner, receptionist, outreach (supplement_requested)            | before_pause        | no (clock stopped)
 * assign             | receptionist, commune_admin (received, in_progress)             | in_progress         | yes
 * transfer           | receptionist, commune_admin (submitted, received, in_progress)  | back_to_desk        | yes
 * propose            | assignee (in_progress)                                          | pending_approval    | yes
 * approve            | approver (pending_approval)                                     | approved            | yes
 * refuse             | approver (pending_approval)                                     | rejected            | yes
 * mark_result_ready  | receptionist, system (approved, rejected)                       | result_ready        | yes
 * complete_on_spot   | receptionist, outreach (received) — same-day procedures only    | result_ready        | yes
 * return_result      | receptionist, outreach (result_ready)                           | returned            | no (result was ready in time)
 * withdraw           | owner (before a decision)                                       | withdrawn           | no
 * cancel             | receptionist, commune_admin (before a decision)                 | cancelled           | no
 * record_apology     | receptionist, approver, commune_admin (running states)          | same                | no (it is the cure)
 *
 * province_viewer and an unassigned specialist may do nothing. A late-blocked action can never
 * make result_ready late, so return_result needs no block. Rejected dossiers also go through
 * result_ready: the written refusal is the result handed back.
 */
export const RULES: { readonly [A in ActionType]: Rule } = {
  receive: { by: { receptionist: ['submitted'] }, to: 'received', blockedWhenLate: false, fields: [note] },
  refuse_intake: { by: { receptionist: ['submitted'] }, to: 'refused_intake', blockedWhenLate: false, fields: [reason] },
  request_supplement: {
    by: { receptionist: ['submitted', 'received'], assignee: ['in_progress'] },
    to: 'supplement_requested',
    blockedWhenLate: true,
    fields: [reason, { name: 'missingDocuments', type: 'string[]', required: true }],
  },
  submit_supplement: {
    by: { owner: ['supplement_requested'], receptionist: ['supplement_requested'], outreach: ['supplement_requested'] },
    to: 'before_pause',
    blockedWhenLate: false,
    fields: [{ name: 'documents', type: 'string[]', required: true }, note],
  },
  assign: {
    by: { receptionist: ['received', 'in_progress'], commune_admin: ['received', 'in_progress'] },
    to: 'in_progress',
    blockedWhenLate: true,
    fields: [{ name: 'assigneeUserId', type: 'string', required: true }],
  },
  transfer: {
    by: {
      receptionist: ['submitted', 'received', 'in_progress'],
      commune_admin: ['submitted', 'received', 'in_progress'],
    },
    to: 'back_to_desk',
    blockedWhenLate: true,
    fields: [{ name: 'toUnitCode', type: 'string', required: true }, reason],
  },
  propose: {
    by: { assignee: ['in_progress'] },
    to: 'pending_approval',
    blockedWhenLate: true,
    fields: [
      { name: 'outcome', type: 'enum', required: true, options: ['approve', 'refuse'] },
      { ...note, required: true },
    ],
  },
  approve: { by: { approver: ['pending_approval'] }, to: 'approved', blockedWhenLate: true, fields: [note] },
  refuse: { by: { approver: ['pending_approval'] }, to: 'rejected', blockedWhenLate: true, fields: [reason] },
  mark_result_ready: {
    by: { receptionist: ['approved', 'rejected'], system: ['approved', 'rejected'] },
    to: 'result_ready',
    blockedWhenLate: true,
    fields: [resultDocumentId],
  },
  complete_on_spot: {
    by: { receptionist: ['received'], outreach: ['received'] },
    to: 'result_ready',
    blockedWhenLate: true,
    sameDayOnly: true,
    fields: [resultDocumentId, note],
  },
  return_result: {
    by: { receptionist: ['result_ready'], outreach: ['result_ready'] },
    to: 'returned',
    blockedWhenLate: false,
    fields: [
      { name: 'method', type: 'enum', required: true, options: ['counter', 'post', 'electronic'] },
      // Handing over at the counter must be acknowledged by the recipient (name + signature).
      { name: 'recipientName', type: 'string', required: false, requiredWhen: { field: 'method', equals: 'counter' } },
      { name: 'signatureRef', type: 'string', required: false, requiredWhen: { field: 'method', equals: 'counter' } },
      { name: 'trackingNumber', type: 'string', required: false },
    ],
  },
  withdraw: { by: { owner: BEFORE_DECISION }, to: 'withdrawn', blockedWhenLate: false, fields: [{ ...reason, required: false }] },
  cancel: {
    by: { receptionist: BEFORE_DECISION, commune_admin: BEFORE_DECISION },
    to: 'cancelled',
    blockedWhenLate: false,
    fields: [reason],
  },
  record_apology: {
    by: { receptionist: RUNNING_STATES, approver: RUNNING_STATES, commune_admin: RUNNING_STATES },
    to: 'same',
    blockedWhenLate: false,
    fields: [{ name: 'newAppointment', type: 'date-time', required: true }, reason],
  },
};

export const ACTION_TYPES = Object.keys(RULES) as ActionType[];

export function isActionType(value: unknown): value is ActionType {
  return typeof value === 'string' && Object.hasOwn(RULES, value);
}
