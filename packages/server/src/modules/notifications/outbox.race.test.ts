// Races: PostgreSQL only, where transactions really interleave (testing/race.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction, type DatabaseHandle } from '../../db/database.ts';
import { systemClock } from '../../platform/clock.ts';
import { openMigratedTestDatabase } from '../../testing/harness.ts';
import { requireInterleaving } from '../../testing/race.ts';
import { DOSSIER_NOTICE } from './outbox.ts';
import { enqueueOutbox, OutboxWorker } from '../../platform/outbox/index.ts';
import { samplePayload, waitFor } from './testkit.ts';

let handle: DatabaseHandle & { name: string };
beforeAll(async () => {
  handle = await openMigratedTestDatabase();
  await requireInterleaving(handle.db);
});
afterAll(async () => {
  await handle?.close();
});

describe('outbox claims under real concurrency', () => {
  it('lets six workers claiming at once deliver 300 messages exactly once each', async () => {
    await inTransaction(handle.db, async (trx) => {
      for (let i = 0; i < 300; i++) await enqueueOutbox(trx, DOSSIER_NOTICE, samplePayload({ dossierCode: `30421-260212-${String(i + 1).padStart(4, '0')}` }));
    });
    const sent: number[] = [];
    const handlers = {
      [DOSSIER_NOTICE]: (m: { id: number }) => [
        {
          channel: 'sms',
          recipient: 'x',
          send: async () => {
            sent.push(m.id);
            return { id: String(m.id) };
          },
        },
      ],
    };
    const workers = Array.from(
      { length: 6 },
      (_, i) => new OutboxWorker({ db: handle.db, clock: systemClock, handlers, pollMs: 20, batchSize: 3, workerId: `w${i}` }),
    );
    // Claims race each other directly too, not only through the workers' loops.
    const direct = await Promise.all(workers.map((w) => w.claim()));
    const directIds = direct.flat().map((m) => m.id);
    expect(new Set(directIds).size).toBe(directIds.length);
    for (const w of workers) w.start();
    await waitFor(
      async () =>
        (
          await handle.db
            .selectFrom('outbox')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('done_at', 'is', null)
            .executeTakeFirstOrThrow()
        ).n === directIds.length,
      'every unleased message delivered',
      60_000,
    );
    await Promise.all(workers.map((w) => w.stop()));
    expect(new Set(sent).size).toBe(sent.length);
    expect(sent.length).toBe(300 - directIds.length);
  });
});
