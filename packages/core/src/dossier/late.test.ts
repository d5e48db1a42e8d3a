import { describe, expect, it } from 'vitest';
import { allowedActions } from './allowed.ts';
import { decide } from './decide.ts';
import { ACTION_TYPES } from './rules.ts';
import { cast, ctx, Journal, journalIn, minutesLater, validCommand, type CastName } from './testkit.ts';
import type { ActionType, DossierState } from './types.ts';
import { timeliness } from './timeliness.ts';

const at = (iso: string) => new Date(iso);
const actions = (j: Journal, actor: keyof typeof cast, now: Date) => allowedActions(j.view, cast[actor], now).map((s) => s.action);

/** Counter intake Monday 7 July 2025 08:00, 2 working days: due Wednesday 9 July 17:00. */
function twoDayDossier(): Journal {
  const j = new Journal('counter', { workingDays: 2 });
  j.act('receptionist', { action: 'assign', assigneeUserId: 'spec1' });
  return j;
}

describe('late rule: an overdue dossier needs an apology with a new appointment', () => {
  it('computes the appointment at receipt', () => {
    expect(twoDayDossier().view.dueAt).toBe(at('2025-07-09T17:00:00+07:00').toISOString());
  });

  it('blocks progress after dueAt, leaving only the apology and cancellation', () => {
    const j = twoDayDossier();
    const thursday = at('2025-07-10T09:00:00+07:00');
    const result = decide(j.view, { action: 'propose', outcome: 'approve', note: 'ok' }, cast.assignee, thursday, ctx);
    expect(result.ok ? 'ok' : result.error.code).toBe('late_needs_apology');
    expect(result.ok ? '' : result.error.messageVi).toContain('quá hạn');
    expect(actions(j, 'assignee', thursday)).toEqual([]);
    expect(actions(j, 'receptionist', thursday).sort()).toEqual(['cancel', 'record_apology']);
    expect(actions(j, 'approver', thursday)).toEqual(['record_apology']);
    expect(timeliness(j.view, thursday, ctx.clock)).toBe('late');
    // One second before the appointment, the same proposal is still fine.
    const justInTime = new Date(Date.parse(j.view.dueAt!) - 1000);
    expect(decide(j.view, { action: 'propose', outcome: 'approve', note: 'ok' }, cast.assignee, justInTime, ctx).ok).toBe(true);
  });

  it('moves the appointment, counts apologies, and unblocks until the new appointment passes', () => {
    const j = twoDayDossier();
    j.now = at('2025-07-10T09:00:00+07:00');
    const backdated = j.try('receptionist', { action: 'record_apology', newAppointment: '2025-07-10T08:00:00+07:00', reason: 'x' });
    expect(backdated.ok ? 'ok' : backdated.error.field).toBe('newAppointment');

    j.act('receptionist', { action: 'record_apology', newAppointment: '2025-07-14T17:00:00+07:00', reason: 'Chờ xác minh' });
    expect(j.view.dueAt).toBe(at('2025-07-14T17:00:00+07:00').toISOString());
    expect(j.view.apologyCount).toBe(1);
    expect(j.view.latestApology).toMatchObject({ reason: 'Chờ xác minh', newAppointment: j.view.dueAt });
    expect(j.view.state).toBe('in_progress');
    expect(timeliness(j.view, j.now, ctx.clock)).toBe('on_time');

    j.act('assignee', { action: 'propose', outcome: 'approve', note: 'Đủ điều kiện' });
    j.now = at('2025-07-15T08:00:00+07:00');
    expect(j.try('approver', { action: 'approve' }).ok).toBe(false);
    j.act('approver', validCommand('record_apology', j.view, j.now));
    expect(j.view.apologyCount).toBe(2);
    j.act('approver', { action: 'approve' });
    expect(j.view.state).toBe('approved');
  });

  it('accepts an apology in advance, but only to a later appointment', () => {
    const j = twoDayDossier();
    const earlier = j.try('approver', { action: 'record_apology', newAppointment: '2025-07-08T17:00:00+07:00', reason: 'x' });
    expect(earlier.ok ? 'ok' : earlier.error.code).toBe('invalid_input');
    j.act('approver', { action: 'record_apology', newAppointment: '2025-07-11T17:00:00+07:00', reason: 'Báo trước' });
    expect(j.view.apologyCount).toBe(1);
  });

  it('never blocks handing over a result that was ready in time', () => {
    const j = twoDayDossier();
    j.act('assignee', validCommand('propose', j.view, j.now));
    j.act('approver', { action: 'approve' });
    j.act('system', { action: 'mark_result_ready', resultDocumentId: 'pdf-1' });
    j.now = at('2025-07-21T09:00:00+07:00');
    j.act('receptionist', { action: 'return_result', method: 'post', trackingNumber: 'EMS123' });
    expect(j.view.state).toBe('returned');
    expect(timeliness(j.view, j.now, ctx.clock)).toBe('early');
  });
});

describe('late rule across every running state and actor', () => {
  const PROGRESS: ActionType[] = ['request_supplement', 'assign', 'transfer', 'propose', 'approve', 'refuse', 'mark_result_ready', 'complete_on_spot'];
  const STILL_OPEN: ActionType[] = ['cancel', 'withdraw', 'record_apology'];
  const running: DossierState[] = ['received', 'in_progress', 'pending_approval', 'approved', 'rejected'];

  it.each(running)('%s: overdue, only cancel, withdraw and apology remain', (state) => {
    const j = journalIn(state);
    const before = j.now;
    const after = minutesLater(new Date(j.view.dueAt!), 1);
    for (const name of Object.keys(cast) as CastName[]) {
      const actor = cast[name];
      const offeredBefore = allowedActions(j.view, actor, before).map((s) => s.action);
      const offeredAfter = allowedActions(j.view, actor, after).map((s) => s.action);
      expect(offeredAfter).toEqual(offeredBefore.filter((a) => STILL_OPEN.includes(a)));
      for (const action of ACTION_TYPES.filter((a) => offeredBefore.includes(a) && PROGRESS.includes(a))) {
        const result = decide(j.view, validCommand(action, j.view, after), actor, after, ctx);
        expect(result.ok ? 'ok' : result.error.code, `${name} ${action}`).toBe('late_needs_apology');
      }
    }
  });
});
