import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/index.ts';
import type { TestContext } from '../../testing/harness.ts';
import { seedDemoDossiers } from './demo.ts';
import { client, startDossierApp } from './testkit.ts';

let t: TestContext;
// Demo data is on (identity, hamlets, dossiers) as `npm start` has it on a new database.
beforeAll(async () => {
  t = await startDossierApp('2026-03-10T09:00:00+07:00', { demoDossiers: true });
});
afterAll(async () => {
  await t?.close();
});

describe('demo dossiers', () => {
  it('fills both demo communes across states and channels through the real service, once', async () => {
    const rows = await t.ctx.db.selectFrom('dossier').select(['code', 'unit_code', 'state', 'channel', 'submitted_at']).execute();
    expect(rows.length).toBe(30);
    for (const unit of ['30421', '30790']) {
      const mine = rows.filter((r) => r.unit_code === unit);
      expect(new Set(mine.map((r) => r.state))).toEqual(
        new Set([
          'submitted',
          'received',
          'refused_intake',
          'in_progress',
          'pending_approval',
          'approved',
          'result_ready',
          'returned',
          'supplement_requested',
          'withdrawn',
          'rejected',
        ]),
      );
      expect(new Set(mine.map((r) => r.channel))).toEqual(new Set(['online', 'counter', 'outreach', 'postal']));
    }
    // All on working days before today, so today's numbering starts at 0001.
    expect(rows.every((r) => new Date(r.submitted_at) < new Date('2026-03-10T00:00:00+07:00'))).toBe(true);
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true });
    expect(await seedDemoDossiers(t.ctx)).toBe(0);
    const c = client(t);
    const queue = (await c.get('official:phulam.tiepnhan', '/api/office/dossiers?late=true')).json();
    expect(queue.items.length).toBeGreaterThan(0);
    expect(queue.items.every((i: { timeliness: string }) => i.timeliness === 'late')).toBe(true);
    const mine = (await c.get('citizen:089095001234', '/api/me/dossiers')).json();
    expect(mine.items.length).toBeGreaterThan(0);
  });
});
