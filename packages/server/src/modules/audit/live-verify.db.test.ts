import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../db/database.ts';
import { openMigratedTestDatabase, testEngine } from '../../testing/harness.ts';
import { appendAudit } from './audit.ts';
import { verifyAuditChain, type VerifyResult } from './verify.ts';

// Verifying while the server writes must never cry tampering. On PostgreSQL (the `postgres`
// project; openMigratedTestDatabase fails without TEST_DATABASE_URL, it never skips) the writers' and the
// verifier's transactions really interleave; on PGlite they interleave statement by statement.
type Handle = Awaited<ReturnType<typeof openMigratedTestDatabase>>;
let h: Handle;
beforeAll(async () => {
  h = await openMigratedTestDatabase();
});
afterAll(async () => {
  await h?.close();
});

const actor = { kind: 'official' as const, id: 'u1', name: 'Huỳnh Thị Mỹ Linh' };
const CHAINS = ['30421', '30790'];

describe(`audit verification on a live database (${testEngine()})`, () => {
  it('finds no false alarm while concurrent writers append to the chains it walks', async () => {
    const ROUNDS = 8;
    let appended = 0;
    let stop = false;
    const writer = async (w: number) => {
      for (let n = 0; !stop; n++) {
        // 1–3 entries per transaction into one chain (as a dossier's action does), chains alternating:
        // intakes and reads of two communes.
        const unit = CHAINS[(w + n) % CHAINS.length]!;
        await inTransaction(h.db, async (trx) => {
          for (let i = 0; i <= n % 3; i++) {
            await appendAudit(trx, {
              at: new Date(),
              actor,
              action: 'dossier.read',
              dossierCode: `${unit}-260302-${String(w * 1000 + (n % 1000)).padStart(4, '0')}`,
              detail: { w, n, i },
            });
          }
        });
        appended += (n % 3) + 1;
      }
    };
    // Something to walk before the first round, in more than one batch.
    for (let i = 0; i < 60; i++) {
      await inTransaction(h.db, (trx) =>
        appendAudit(trx, {
          at: new Date(),
          actor,
          action: 'dossier.submit',
          dossierCode: `${CHAINS[i % 2]}-260301-${String(i + 1).padStart(4, '0')}`,
          detail: { i },
        }),
      );
      appended++;
    }
    const writers = [0, 1, 2].map((w) => writer(w));

    const results: VerifyResult[] = [];
    let overlapped = 0;
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const before = appended;
        // Small batches: several reads per chain, so appends land between them and during the snapshot.
        results.push(await verifyAuditChain(h.db, 20));
        if (appended > before) overlapped++;
      }
    } finally {
      stop = true;
      await Promise.all(writers);
    }
    expect(results.filter((r) => !r.ok)).toEqual([]);
    // The rounds really ran while entries were being appended.
    expect(overlapped).toBeGreaterThan(0);
    const final = await verifyAuditChain(h.db);
    expect(final).toMatchObject({ ok: true, entries: appended, chains: 2 });
  });
});
