import { describe, expect, it } from 'vitest';
import { allowedActions } from './allowed.ts';
import { decide } from './decide.ts';
import { deriveDossier } from './derive.ts';
import { ACTION_TYPES } from './rules.ts';
import { cast, ctx, expectedNextState, journalIn, minutesLater, validCommand, type CastName } from './testkit.ts';
import type { ActionType, DossierEvent, DossierState } from './types.ts';

const STATES: DossierState[] = [
  'submitted',
  'received',
  'supplement_requested',
  'in_progress',
  'pending_approval',
  'approved',
  'rejected',
  'result_ready',
  'returned',
  'refused_intake',
  'withdrawn',
  'cancelled',
];
const BEFORE_DECISION: DossierState[] = ['submitted', 'received', 'supplement_requested', 'in_progress', 'pending_approval'];
const RUNNING: DossierState[] = ['received', 'in_progress', 'pending_approval', 'approved', 'rejected'];

type Expectation = Partial<Record<ActionType, DossierState[]>>;

const receptionist: Expectation = {
  receive: ['submitted'],
  refuse_intake: ['submitted'],
  request_supplement: ['submitted', 'received'],
  submit_supplement: ['supplement_requested'],
  assign: ['received', 'in_progress'],
  transfer: ['submitted', 'received', 'in_progress'],
  mark_result_ready: ['approved', 'rejected'],
  complete_on_spot: ['received'],
  return_result: ['result_ready'],
  cancel: BEFORE_DECISION,
  record_apology: RUNNING,
};
const approver: Expectation = { approve: ['pending_approval'], refuse: ['pending_approval'], record_apology: RUNNING };

/** Written from the brief, independently of rules.ts: who may do what from which states. */
const EXPECTED: Record<CastName, Expectation> = {
  owner: { withdraw: BEFORE_DECISION, submit_supplement: ['supplement_requested'] },
  stranger: {},
  receptionist,
  receptionistU2: {},
  assignee: { request_supplement: ['in_progress'], propose: ['in_progress'] },
  otherSpecialist: {},
  specialistU2: {},
  approver,
  approverU2: {},
  outreach: { submit_supplement: ['supplement_requested'], complete_on_spot: ['received'], return_result: ['result_ready'] },
  communeAdmin: {
    assign: ['received', 'in_progress'],
    transfer: ['submitted', 'received', 'in_progress'],
    cancel: BEFORE_DECISION,
    record_apology: RUNNING,
  },
  provinceViewer: {},
  system: { mark_result_ready: ['approved', 'rejected'] },
  deskAndApprover: { ...receptionist, ...approver, record_apology: RUNNING },
};

const cases = STATES.flatMap((state) => (Object.keys(cast) as CastName[]).map((actor) => [state, actor] as const));

describe('workflow table: every action × actor × state', () => {
  it.each(cases)('%s dossier, actor %s', (state, actorName) => {
    const journal = journalIn(state);
    const view = journal.view;
    const now = minutesLater(journal.now, 1);
    const actor = cast[actorName];
    const mismatches: string[] = [];

    for (const action of ACTION_TYPES) {
      const states = EXPECTED[actorName][action];
      const allowed = states?.includes(state) ?? false;
      const result = decide(view, validCommand(action, view, now), actor, now, ctx);
      if (allowed) {
        if (!result.ok) {
          mismatches.push(`${action}: expected ok, got ${result.error.code}`);
          continue;
        }
        const after = deriveDossier([...journal.events, { ...result.event, seq: view.lastSeq + 1 } as DossierEvent]);
        const expected = expectedNextState(view, action);
        if (after.state !== expected) mismatches.push(`${action}: reached ${after.state}, expected ${expected}`);
      } else {
        // An actor who may do this in some other state is told the state is wrong; anyone else,
        // including a specialist the dossier is not assigned to, is forbidden.
        const couldElsewhere = states !== undefined && (actorName !== 'assignee' || view.assigneeUserId === 'spec1');
        const code = couldElsewhere ? 'invalid_state' : 'forbidden';
        if (result.ok) mismatches.push(`${action}: expected ${code}, got ok`);
        else if (result.error.code !== code) mismatches.push(`${action}: expected ${code}, got ${result.error.code}`);
      }
    }

    const offered = allowedActions(view, actor, now)
      .map((spec) => spec.action)
      .sort();
    const expectedOffer = ACTION_TYPES.filter((a) => EXPECTED[actorName][a]?.includes(state)).sort();
    expect(mismatches).toEqual([]);
    expect(offered).toEqual(expectedOffer);
  });

  it('offers complete_on_spot only for same-day procedures', () => {
    const journal = journalIn('received', { workingDays: 3 });
    const now = minutesLater(journal.now, 1);
    const result = decide(journal.view, { action: 'complete_on_spot' }, cast.receptionist, now, ctx);
    expect(result.ok ? null : result.error.code).toBe('invalid_state');
    expect(allowedActions(journal.view, cast.receptionist, now).map((s) => s.action)).not.toContain('complete_on_spot');
  });
});
