import { describe, expect, it } from 'vitest';
import { DOSSIER_STATES } from '@motcua/core/dossier';
import { OPEN_STATES, filtersFrom } from './queueFilters.ts';
import { statsFor } from './DashboardPage.tsx';

const from = (query: string) => filtersFrom(new URLSearchParams(query), '30421', new Date('2026-12-02T03:00:00Z'));

describe('the work queue shows the desk its actual work first', () => {
  it('hides finished dossiers (returned, refused, withdrawn, cancelled) unless asked for', () => {
    const state = from('').state ?? [];
    for (const finished of ['returned', 'refused_intake', 'withdrawn', 'cancelled']) expect(state).not.toContain(finished);
    expect(state).toEqual(expect.arrayContaining(['submitted', 'received', 'supplement_requested', 'pending_approval', 'result_ready']));
    expect(from('xong=1').state).toBeUndefined();
    expect(from('state=returned').state).toEqual(['returned']);
  });

  it('lists every state once, from core', () => {
    expect(new Set(DOSSIER_STATES).size).toBe(12);
    expect(OPEN_STATES.length).toBe(8);
  });

  it('keeps the other filters and "due today" in Vietnam time', () => {
    expect(from('q=khai+sinh&late=1&den-han=hom-nay')).toMatchObject({
      unit: '30421',
      q: 'khai sinh',
      late: true,
      dueBefore: '2026-12-02T17:00:00.000Z',
      sort: 'dueAt',
    });
  });

  it("gives an approver a 'waiting for my approval' tile first, and others none", () => {
    expect(statsFor(['approver'])[0]).toMatchObject({ key: 'awaitingApproval', query: 'state=pending_approval' });
    expect(statsFor(['receptionist']).some((s) => s.key === 'awaitingApproval')).toBe(false);
  });
});
