import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedActions } from './allowed.ts';
import { decide } from './decide.ts';
import { deriveDossier, evolve } from './derive.ts';
import { ACTION_TYPES, RULES } from './rules.ts';
import { cast, ctx, expectedNextState, Journal, minutesLater, validCommand, type CastName } from './testkit.ts';
import type { ActionType, DossierEvent, DossierState, DossierView } from './types.ts';

const ACTORS = Object.keys(cast) as CastName[];
const TERMINAL: DossierState[] = ['returned', 'withdrawn', 'cancelled', 'refused_intake'];
const RUNNING: DossierState[] = ['received', 'in_progress', 'pending_approval', 'approved', 'rejected'];
/** Actions that move a dossier towards its result: never after the appointment without an apology. */
const PROGRESS: ActionType[] = ['assign', 'transfer', 'propose', 'approve', 'refuse', 'mark_result_ready', 'complete_on_spot', 'request_supplement'];

const CLOSING: ActionType[] = ['cancel', 'withdraw', 'refuse_intake'];

const step = fc.record({
  guided: fc.integer({ min: 0, max: 9 }), // 0–5: an allowed non-closing pair; 6: any allowed pair; else anything
  actor: fc.constantFrom(...ACTORS),
  pick: fc.nat(),
  // Mostly minutes apart, sometimes days, so walks both progress and run late.
  minutes: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 120 }), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 5 * 24 * 60 }), weight: 2 }),
  dropField: fc.boolean(),
});

const scenario = fc.record({
  channel: fc.constantFrom('online', 'counter', 'outreach', 'postal' as const),
  processing: fc.oneof(
    fc.constant({ sameDay: true as const }),
    fc.integer({ min: 1, max: 5 }).map((workingDays) => ({ workingDays })),
  ),
  startMinutes: fc.nat(7 * 24 * 60),
  steps: fc.array(step, { minLength: 5, maxLength: 40 }),
});

/** Where each state may be entered from (entering = a history entry that changed the state). */
const ENTERED_FROM: Partial<Record<DossierState, DossierState[]>> = {
  approved: ['pending_approval'],
  rejected: ['pending_approval'],
  pending_approval: ['in_progress'],
  result_ready: ['approved', 'rejected', 'received'],
  returned: ['result_ready'],
  refused_intake: ['submitted'],
};

function checkInvariants(view: DossierView, events: DossierEvent[]): void {
  for (const h of view.history) {
    const from = ENTERED_FROM[h.toState];
    if (from && h.fromState !== h.toState) expect(from, `${h.fromState} → ${h.toState}`).toContain(h.fromState);
    if (h.fromState !== null) expect(TERMINAL).not.toContain(h.fromState);
  }
  if (view.state === 'result_ready' || view.state === 'returned') expect(view.decision).not.toBeNull();
  if (RUNNING.includes(view.state)) expect([view.dueAt !== null, view.pausedAt]).toEqual([true, null]);
  if (view.state === 'supplement_requested') expect(view.pausedAt).not.toBeNull();
  expect(view.apologyCount).toBe(events.filter((e) => e.type === 'record_apology').length);
  expect(view.supplementCount).toBe(events.filter((e) => e.type === 'submit_supplement').length);
  expect([view.history.length, view.lastSeq]).toEqual([events.length, events.length]);
}

describe('random action sequences by random actors', () => {
  it('keep decide, allowedActions and deriveDossier consistent and never reach an illegal state', () => {
    const reached = new Set<DossierState>();
    const taken = new Set<ActionType>();
    fc.assert(
      fc.property(scenario, ({ channel, processing, startMinutes, steps }) => {
        const j = new Journal(channel, processing, minutesLater(new Date('2025-07-07T00:00:00+07:00'), startMinutes));
        reached.add(j.view.state);
        for (const s of steps) {
          const view = j.view;
          const now = minutesLater(j.now, s.minutes);
          const offers = ACTORS.flatMap((name) => allowedActions(view, cast[name], now).map((spec) => [name, spec.action] as const));
          // Closing actions are offered in most states; taking them rarely lets walks go deep.
          const onward = offers.filter(([, a]) => !CLOSING.includes(a));
          const pool = s.guided < 6 && onward.length > 0 ? onward : s.guided < 7 ? offers : [];
          const [actorName, action] = pool.length > 0 ? pool[s.pick % pool.length]! : [s.actor, ACTION_TYPES[s.pick % ACTION_TYPES.length]!];
          const actor = cast[actorName];
          const offered = offers.some(([n, a]) => n === actorName && a === action);
          const command = validCommand(action, view, now);

          // (c) offered iff accepted with valid fields.
          const result = decide(view, command, actor, now, ctx);
          expect(result.ok, `${actorName} ${action} in ${view.state}`).toBe(offered);
          if (TERMINAL.includes(view.state)) expect(offers).toEqual([]);

          // A required field left out is always refused.
          const required = RULES[action].fields.find((f) => f.required);
          if (s.dropField && required) {
            const { [required.name]: _dropped, ...partial } = command;
            const broken = decide(view, partial as typeof command, actor, now, ctx);
            expect(broken.ok).toBe(false);
            if (offered && !broken.ok) expect(broken.error).toMatchObject({ code: 'invalid_input', field: required.name });
          }
          if (!result.ok) continue;

          // Late rule and unit scope held for what was accepted.
          if (PROGRESS.includes(action) && RUNNING.includes(view.state)) expect(now.getTime()).toBeLessThanOrEqual(Date.parse(view.dueAt!));
          if (actor.kind === 'official' && !actor.roles.includes('system')) expect(actor.unitCodes).toContain(view.unitCode);

          j.now = now;
          j.push(result.event);
          // (a) the derived state is the transition the brief describes, and folding is incremental.
          expect(j.view.state).toBe(expectedNextState(view, action));
          expect(evolve(view, j.events.at(-1)!)).toEqual(j.view);
          expect(deriveDossier(j.events)).toEqual(j.view);
          // (b) no illegal state.
          checkInvariants(j.view, j.events);
          reached.add(j.view.state);
          taken.add(action);
        }
      }),
      { numRuns: 600 },
    );
    expect([...taken].sort()).toEqual([...ACTION_TYPES].sort());
    // The walks went everywhere, so the properties above were exercised in every state.
    expect([...reached].sort()).toEqual([
      'approved',
      'cancelled',
      'in_progress',
      'pending_approval',
      'received',
      'refused_intake',
      'rejected',
      'result_ready',
      'returned',
      'submitted',
      'supplement_requested',
      'withdrawn',
    ]);
  });
});
