import type { ActionType, DossierEvent, DossierView, EventType } from './types.ts';

/** The signed documents the one-stop flow issues (Decree 118/2025/ND-CP, forms 01–04, and the result). */
export const DOCUMENT_KINDS = ['receipt', 'supplement_request', 'refusal', 'apology', 'result'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * When the applicant hears of an event:
 *   now        – its own notice, sent when the event commits
 *   follow_up  – no notice of its own: the follow-up action announces it (one notice, not two a
 *                second apart), carrying what the citizen needs then (the verify link of the result)
 *   never      – an internal step (assignment, proposal)
 */
export type NoticeTiming = 'now' | 'follow_up' | 'never';

export interface FollowUp {
  /** The document the event issues (rendered and signed in the background), if any. */
  issues: DocumentKind | null;
  /** The action the platform takes, as the system actor, once that document is signed. */
  next: Extract<ActionType, 'mark_result_ready'> | null;
  notice: NoticeTiming;
}

type Row = { issues: DocumentKind | null | ((event: DossierEvent, after: DossierView) => DocumentKind | null); next?: FollowUp['next']; notice: NoticeTiming };

/**
 * THE follow-up table: what comes after each recorded event. A decision's document is what the
 * dossier hands back, so once it is signed the dossier moves to result_ready on its own — unless
 * it moved on meanwhile or is late (the late rule blocks mark_result_ready until an apology):
 * then the desk marks it by hand, and that action sends the notice the decision deferred.
 *
 * event              | issues                                   | next              | notice
 * -------------------+------------------------------------------+-------------------+----------
 * submitted          | receipt when received on the spot        | –                 | now
 * receive            | receipt (form 01)                        | –                 | now
 * request_supplement | supplement request (form 02)             | –                 | now
 * submit_supplement  | a new receipt when it sets an appointment| –                 | now
 * refuse_intake      | refusal (form 03)                        | –                 | now
 * approve            | the result                               | mark_result_ready | follow_up
 * refuse             | refusal (form 03)                        | mark_result_ready | follow_up
 * complete_on_spot   | the result                               | –                 | now
 * record_apology     | apology with a new date (form 04)        | –                 | now
 * mark_result_ready  | –                                        | –                 | now ("kết quả đã sẵn sàng")
 * assign, propose    | –                                        | –                 | never
 * others             | –                                        | –                 | now
 */
const FOLLOW_UPS: { readonly [E in EventType]: Row } = {
  // Received on the spot (counter, outreach): the appointment is known, so is the receipt.
  submitted: { issues: (_e, after) => (after.state === 'received' ? 'receipt' : null), notice: 'now' },
  receive: { issues: 'receipt', notice: 'now' },
  request_supplement: { issues: 'supplement_request', notice: 'now' },
  // Complete again with a new appointment: a new receipt (an unchecked one waits for 'receive').
  submit_supplement: { issues: (e) => (e.type === 'submit_supplement' && e.data.dueAt ? 'receipt' : null), notice: 'now' },
  refuse_intake: { issues: 'refusal', notice: 'now' },
  assign: { issues: null, notice: 'never' },
  transfer: { issues: null, notice: 'now' },
  propose: { issues: null, notice: 'never' },
  approve: { issues: 'result', next: 'mark_result_ready', notice: 'follow_up' },
  refuse: { issues: 'refusal', next: 'mark_result_ready', notice: 'follow_up' },
  mark_result_ready: { issues: null, notice: 'now' },
  complete_on_spot: { issues: 'result', notice: 'now' },
  return_result: { issues: null, notice: 'now' },
  withdraw: { issues: null, notice: 'now' },
  cancel: { issues: null, notice: 'now' },
  record_apology: { issues: 'apology', notice: 'now' },
};

/** What follows a recorded event: its document, the platform's next action, when to tell the applicant. */
export function followUpOf(event: DossierEvent, after: DossierView): FollowUp {
  const row = FOLLOW_UPS[event.type];
  return {
    issues: typeof row.issues === 'function' ? row.issues(event, after) : row.issues,
    next: row.next ?? null,
    notice: row.notice,
  };
}
