import { describe, expect, it } from 'vitest';
import { ACTION_TYPES, deriveDossier, followUpOf } from './index.ts';
import { journalIn } from './testkit.ts';

describe('the follow-up table', () => {
  it('issues the result on approval, marks it ready once signed, and lets that announce it', () => {
    const j = journalIn('returned');
    const byType = (type: string) => {
      const i = j.events.findIndex((e) => e.type === type);
      return followUpOf(j.events[i]!, deriveDossier(j.events.slice(0, i + 1)));
    };
    expect(byType('approve')).toEqual({ issues: 'result', next: 'mark_result_ready', notice: 'follow_up' });
    expect(byType('mark_result_ready')).toEqual({ issues: null, next: null, notice: 'now' });
    expect(byType('assign')).toEqual({ issues: null, next: null, notice: 'never' });
    // Received on the spot (counter): the receipt comes with the submission.
    expect(byType('submitted')).toMatchObject({ issues: 'receipt', notice: 'now' });
  });

  it('never defers a notice to nothing: a deferred notice has a next action, one that announces itself', () => {
    for (const j of [journalIn('returned'), journalIn('rejected')]) {
      j.events.forEach((e, i) => {
        const f = followUpOf(e, deriveDossier(j.events.slice(0, i + 1)));
        if (f.notice !== 'follow_up') return;
        expect(f.next, e.type).not.toBeNull();
        expect(ACTION_TYPES).toContain(f.next);
        const announced = followUpOf({ ...e, type: f.next! } as typeof e, deriveDossier(j.events.slice(0, i + 1)));
        expect(announced.notice, `${e.type} → ${f.next}`).toBe('now');
      });
    }
    const refused = journalIn('rejected');
    const last = refused.events.at(-1)!;
    expect(last.type).toBe('refuse');
    expect(followUpOf(last, deriveDossier(refused.events))).toEqual({ issues: 'refusal', next: 'mark_result_ready', notice: 'follow_up' });
  });
});
