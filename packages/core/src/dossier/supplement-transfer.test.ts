import { describe, expect, it } from 'vitest';
import { allowedActions } from './allowed.ts';
import { decide } from './decide.ts';
import { cast, ctx, Journal, U1, U2 } from './testkit.ts';
import { timeliness } from './timeliness.ts';

const at = (iso: string) => new Date(iso).toISOString();

describe('supplement: the clock stops, then restarts in full', () => {
  /** Counter intake Monday 7 July 08:00, 3 working days: due Thursday 10 July 17:00. */
  function paused(): Journal {
    const j = new Journal('counter', { workingDays: 3 });
    j.act('receptionist', { action: 'assign', assigneeUserId: 'spec1' });
    j.now = new Date('2025-07-08T09:00:00+07:00');
    j.act('assignee', { action: 'request_supplement', reason: 'Thiếu giấy tờ', missingDocuments: ['CCCD bản sao'] }, 0);
    return j;
  }

  it('pauses with the missing documents listed', () => {
    const j = paused();
    expect(j.view.state).toBe('supplement_requested');
    expect(j.view.pausedAt).toBe(at('2025-07-08T09:00:00+07:00'));
    expect(j.view.missingDocuments).toEqual(['CCCD bản sao']);
    // Past the old appointment, a paused dossier is not late.
    expect(timeliness(j.view, new Date('2025-07-11T09:00:00+07:00'), ctx.clock)).toBe('on_time');
  });

  it('restarts with a new appointment from the supplement, back to the same specialist', () => {
    const j = paused();
    j.now = new Date('2025-07-14T10:00:00+07:00');
    j.act('owner', { action: 'submit_supplement', documents: ['upload-9'] }, 0);
    expect(j.view.state).toBe('in_progress');
    expect(j.view.assigneeUserId).toBe('spec1');
    expect(j.view.dueAt).toBe(at('2025-07-17T17:00:00+07:00'));
    expect(j.view.pausedAt).toBeNull();
    expect(j.view.missingDocuments).toEqual([]);
    expect(j.view.supplementCount).toBe(1);
    expect(
      allowedActions(j.view, cast.assignee, j.now)
        .map((s) => s.action)
        .sort(),
    ).toEqual(['propose', 'request_supplement']);
  });

  it('lets only the applicant or an official on their behalf supplement', () => {
    const j = paused();
    const byStranger = j.try('stranger', { action: 'submit_supplement', documents: ['x'] });
    expect(byStranger.ok ? 'ok' : byStranger.error.code).toBe('forbidden');
    const empty = j.try('owner', { action: 'submit_supplement', documents: [] });
    expect(empty.ok ? 'ok' : empty.error.field).toBe('documents');
    j.act('outreach', { action: 'submit_supplement', documents: ['paper copy'] });
    expect(j.view.state).toBe('in_progress');
  });

  it('before receipt, goes back to the desk and the appointment is set at receipt', () => {
    const j = new Journal('online', { workingDays: 3 });
    j.act('receptionist', { action: 'request_supplement', reason: 'Ảnh mờ', missingDocuments: ['Ảnh CCCD'] });
    j.now = new Date('2025-07-09T08:00:00+07:00');
    j.act('owner', { action: 'submit_supplement', documents: ['upload-2'] }, 0);
    expect(j.view.state).toBe('submitted');
    expect(j.view.dueAt).toBeNull();
    j.act('receptionist', { action: 'receive' }, 60);
    expect(j.view.dueAt).toBe(at('2025-07-14T17:00:00+07:00'));
  });
});

describe('transfer moves the dossier into another unit’s scope', () => {
  it('hands an assigned dossier to the other unit’s desk', () => {
    const j = new Journal('counter', { workingDays: 5 });
    j.act('receptionist', { action: 'assign', assigneeUserId: 'spec1' });
    j.act('receptionist', { action: 'transfer', toUnitCode: U2, reason: 'Nơi cư trú thuộc phường khác' });
    expect(j.view).toMatchObject({ state: 'received', unitCode: U2, assigneeUserId: null });

    expect(allowedActions(j.view, cast.receptionist, j.now)).toEqual([]);
    const fromU1 = decide(j.view, { action: 'assign', assigneeUserId: 'spec1' }, cast.receptionist, j.now, ctx);
    expect(fromU1.ok ? 'ok' : fromU1.error.code).toBe('forbidden');
    expect(allowedActions(j.view, cast.receptionistU2, j.now).map((s) => s.action)).toContain('assign');
    j.act('receptionistU2', { action: 'assign', assigneeUserId: 'spec3' });
    j.act('specialistU2', { action: 'propose', outcome: 'refuse', note: 'Không đủ điều kiện' });
    j.act('approverU2', { action: 'refuse', reason: 'Không đủ điều kiện theo quy định' });
    expect(j.view.decision).toMatchObject({ outcome: 'refused' });
  });

  it('keeps an unchecked online dossier waiting for the new desk', () => {
    const j = new Journal('online', { workingDays: 5 });
    const same = j.try('receptionist', { action: 'transfer', toUnitCode: U1, reason: 'x' });
    expect(same.ok ? 'ok' : same.error.field).toBe('toUnitCode');
    j.act('communeAdmin', { action: 'transfer', toUnitCode: U2, reason: 'Sai địa bàn' });
    expect(j.view.state).toBe('submitted');
    j.act('receptionistU2', { action: 'receive' });
    expect(j.view.state).toBe('received');
    expect(j.view.history.map((h) => h.type)).toEqual(['submitted', 'transfer', 'receive']);
  });
});
