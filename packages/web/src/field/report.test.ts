import { describe, expect, it } from 'vitest';
import { sessionTally } from './report.ts';
import type { OutboxItem } from './sync/types.ts';

const item = (kind: OutboxItem['kind'], summary: OutboxItem['summary'], state: OutboxItem['state'] = 'queued'): OutboxItem => ({
  id: crypto.randomUUID(),
  seq: 0,
  sessionId: 's',
  kind,
  at: '',
  state,
  summary,
  fileIds: [],
  sealed: null,
  prepared: false,
  attempts: 0,
  nextAttemptAt: 0,
});

describe('session tally', () => {
  it('counts what the team did per hamlet, leaving out refused ops', () => {
    const t = sessionTally([
      item('receive_dossier', { hamletCode: 'A' }),
      item('receive_dossier', { hamletCode: 'B' }, 'applied'),
      item('receive_dossier', { hamletCode: 'B' }, 'rejected'),
      item('complete_on_spot', { hamletCode: 'A' }),
      item('record_consultation', { hamletCode: 'A', people: 3 }),
      item('record_consultation', { hamletCode: null, people: 2 }),
      item('record_survey', { hamletCode: 'A', ratings: { overall: 5, staff: 4, convenience: 3 } }),
      item('record_survey', { hamletCode: 'B', ratings: { overall: 4, staff: 4, convenience: 4 } }),
    ]);
    expect(t).toMatchObject({
      received: 2,
      completedOnSpot: 1,
      scheduledForReturn: 1,
      consulted: 5,
      surveys: 2,
      averages: { overall: 4.5, staff: 4, convenience: 3.5 },
    });
    expect(t.byHamlet.find((h) => h.hamletCode === 'A')).toMatchObject({ received: 1, completedOnSpot: 1, consulted: 3, surveys: 1 });
    expect(t.byHamlet.find((h) => h.hamletCode === null)).toMatchObject({ consulted: 2, received: 0 });
  });
});
