import { describe, expect, it } from 'vitest';
import { deriveDossier } from './index.ts';
import { journalIn } from './testkit.ts';
import type { DossierEvent } from './types.ts';

describe('deriveDossier', () => {
  it('folds the log into state, facts and history', () => {
    const j = journalIn('returned');
    const view = deriveDossier(j.events);
    expect(view.history.map((h) => `${h.type}:${h.fromState ?? '-'}→${h.toState}`)).toEqual([
      'submitted:-→received',
      'assign:received→in_progress',
      'propose:in_progress→pending_approval',
      'approve:pending_approval→approved',
      'mark_result_ready:approved→result_ready',
      'return_result:result_ready→returned',
    ]);
    expect(view).toMatchObject({
      state: 'returned',
      assigneeUserId: 'spec1',
      proposal: { outcome: 'approve', byUserId: 'spec1' },
      decision: { outcome: 'approved', reason: null },
      delivery: { method: 'counter', recipientName: 'Nguyễn Văn A', signatureRef: 'sig-1' },
      lastSeq: 6,
    });
    expect(view.resultReadyAt).toBe(j.events[4]!.at);
  });

  it('is a pure function of the log', () => {
    const j = journalIn('rejected');
    const copy = JSON.parse(JSON.stringify(j.events)) as DossierEvent[];
    expect(deriveDossier(j.events)).toEqual(deriveDossier(copy));
    expect(j.events).toEqual(copy);
  });

  it('refuses logs that cannot come from decide', () => {
    const events = journalIn('in_progress').events;
    expect(() => deriveDossier([])).toThrow();
    expect(() => deriveDossier(events.slice(1))).toThrow();
    expect(() => deriveDossier([...events, events[0]!])).toThrow();
    expect(() => deriveDossier([events[0]!, { ...events[1]!, seq: 1 } as DossierEvent])).toThrow();
  });
});
