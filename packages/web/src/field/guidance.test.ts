import { PROBLEM } from '@motcua/core/problems';
import { describe, expect, it } from 'vitest';
import { fieldEn } from './i18n/en.ts';
import { fieldVi } from './i18n/vi.ts';
import { citizenHoldsReceipt, todoFor, type Todo } from './guidance.ts';

const refused = (code: string, state: 'rejected' | 'conflict' | 'duplicate' = 'rejected') => ({
  kind: 'receive_dossier' as const,
  state,
  error: { code, messageVi: '', messageEn: '' },
  ...(state === 'duplicate' ? { original: { status: 'rejected', appliedAt: '' } } : {}),
});

describe('what to do about an op the server did not apply', () => {
  it('a refusal time cures needs nobody: it waits', () => {
    expect(todoFor({ state: 'queued', error: { code: PROBLEM.field_time_in_future, messageVi: '', messageEn: '' } })).toBe('wait');
    expect(todoFor(refused(PROBLEM.received_in_future))).toBe('wait');
    expect(citizenHoldsReceipt(refused(PROBLEM.received_in_future))).toBe(false);
  });

  it('a refused receipt says what to do, and that the citizen holds its code', () => {
    expect(todoFor(refused(PROBLEM.code_not_reserved))).toBe('reReceive');
    expect(todoFor(refused(PROBLEM.late_needs_apology, 'duplicate'))).toBe('apology');
    expect(todoFor(refused(PROBLEM.version_conflict, 'conflict'))).toBe('conflict');
    expect(todoFor(refused('a_code_from_a_newer_server'))).toBe('other');
    expect(citizenHoldsReceipt(refused(PROBLEM.code_not_reserved))).toBe(true);
    expect(todoFor({ state: 'applied' })).toBeNull();
  });

  it('every answer has its words in both languages', () => {
    const todos: Todo[] = [
      'wait',
      'conflict',
      'reReceive',
      'outsideSession',
      'notInRound',
      'apology',
      'recordAgain',
      'files',
      'dependency',
      'atOffice',
      'support',
      'other',
    ];
    for (const todo of todos) {
      expect(fieldVi.sync.todo[todo], todo).toBeTruthy();
      expect(fieldEn.sync.todo[todo], todo).toBeTruthy();
    }
  });
});
