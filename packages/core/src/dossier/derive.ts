import { RULES, type Target } from './rules.ts';
import type { DossierEvent, DossierState, DossierView, EventDataMap } from './types.ts';

function startView(event: DossierEvent & { type: 'submitted' }): DossierView {
  const d: EventDataMap['submitted'] = event.data;
  // Intake by an official at the counter or on an outreach trip is a receipt on the spot.
  const receivedOnSpot = d.channel === 'counter' || d.channel === 'outreach';
  const state: DossierState = receivedOnSpot ? 'received' : 'submitted';
  return {
    code: d.code,
    procedureCode: d.procedureCode,
    processing: d.processing,
    channel: d.channel,
    applicantIdNumber: d.applicantIdNumber,
    state,
    unitCode: d.unitCode,
    assigneeUserId: null,
    submittedAt: event.at,
    receivedAt: receivedOnSpot ? event.at : null,
    dueAt: d.dueAt,
    pausedAt: null,
    stateBeforePause: null,
    supplementCount: 0,
    missingDocuments: [],
    apologyCount: 0,
    latestApology: null,
    proposal: null,
    decision: null,
    resultReadyAt: null,
    resultDocumentId: null,
    delivery: null,
    closure: null,
    history: [{ seq: event.seq, type: 'submitted', at: event.at, actor: event.actor, fromState: null, toState: state }],
    lastSeq: event.seq,
  };
}

function targetState(target: Target, view: DossierView): DossierState {
  if (target === 'same') return view.state;
  if (target === 'before_pause') return view.stateBeforePause ?? 'received';
  if (target === 'back_to_desk') return view.state === 'submitted' ? 'submitted' : 'received';
  return target;
}

/** The facts an event changes besides the state. */
function applyData(v: DossierView, e: Exclude<DossierEvent, { type: 'submitted' }>): Partial<DossierView> {
  switch (e.type) {
    case 'receive':
      return { receivedAt: e.at, dueAt: e.data.dueAt };
    case 'request_supplement':
      return { pausedAt: e.at, stateBeforePause: v.state, missingDocuments: e.data.missingDocuments };
    case 'submit_supplement':
      // The full processing time starts again from the supplement (dueAt decided then).
      return {
        pausedAt: null,
        stateBeforePause: null,
        missingDocuments: [],
        supplementCount: v.supplementCount + 1,
        dueAt: e.data.dueAt ?? v.dueAt,
      };
    case 'assign':
      return { assigneeUserId: e.data.assigneeUserId };
    case 'transfer':
      return { unitCode: e.data.toUnitCode, assigneeUserId: null };
    case 'propose':
      return {
        proposal: {
          outcome: e.data.outcome,
          note: e.data.note,
          byUserId: e.actor.kind === 'official' ? e.actor.userId : null,
          at: e.at,
        },
      };
    case 'approve':
      return { decision: { outcome: 'approved', at: e.at, reason: null } };
    case 'refuse':
      return { decision: { outcome: 'refused', at: e.at, reason: e.data.reason } };
    case 'mark_result_ready':
      return { resultReadyAt: e.at, resultDocumentId: e.data.resultDocumentId };
    case 'complete_on_spot':
      return {
        decision: { outcome: 'approved', at: e.at, reason: null },
        resultReadyAt: e.at,
        resultDocumentId: e.data.resultDocumentId,
      };
    case 'return_result':
      return { delivery: { ...e.data, at: e.at } };
    case 'refuse_intake':
    case 'cancel':
    case 'withdraw':
      return { closure: { at: e.at, reason: e.data.reason } };
    case 'record_apology':
      return {
        dueAt: e.data.newAppointment,
        apologyCount: v.apologyCount + 1,
        latestApology: { at: e.at, newAppointment: e.data.newAppointment, reason: e.data.reason },
      };
  }
}

/**
 * Applies one event to a view. Events are facts already checked by decide, so this only folds;
 * it throws on a log that cannot be folded (a store bug, not user input).
 */
export function evolve(view: DossierView, event: DossierEvent): DossierView {
  if (event.type === 'submitted') throw new Error(`dossier ${view.code}: a second 'submitted' event (seq ${event.seq})`);
  if (event.seq <= view.lastSeq) throw new Error(`dossier ${view.code}: event seq ${event.seq} after ${view.lastSeq}`);
  const toState = targetState(RULES[event.type].to, view);
  return {
    ...view,
    ...applyData(view, event),
    state: toState,
    history: [...view.history, { seq: event.seq, type: event.type, at: event.at, actor: event.actor, fromState: view.state, toState }],
    lastSeq: event.seq,
  };
}

/** Folds a dossier's event log (ordered by seq, starting with 'submitted') into its current view. */
export function deriveDossier(events: readonly DossierEvent[]): DossierView {
  const [first, ...rest] = events;
  if (first?.type !== 'submitted') throw new Error("a dossier's log must start with a 'submitted' event");
  return rest.reduce(evolve, startView(first));
}
