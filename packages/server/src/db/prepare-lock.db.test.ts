import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { contextFor, prepareDatabase } from '../services.ts';
import { systemClock } from '../platform/clock.ts';
import { openTestDatabase, testConfig, testEngine } from '../testing/harness.ts';
import { openDatabase, type DatabaseHandle } from './database.ts';

/*
 * Issue #19: two processes starting a new database together crashed one (hamlet_unit_code_fkey:
 * units seeded in batches while the other process inserted hamlets). Two preparers on one empty
 * database — on PostgreSQL each with its own pool, as two processes are — must both succeed and
 * leave exactly one copy of the reference data.
 */

const handles: DatabaseHandle[] = [];
const config = testConfig({ demoDossiers: false });
afterAll(async () => {
  for (const h of handles.reverse()) await h.close();
  fs.rmSync(config.dataDir, { recursive: true, force: true });
});

async function count(db: DatabaseHandle['db'], table: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
  return Number(r.rows[0]!.n);
}

describe('first start with several preparers', () => {
  it('migrates and seeds once while the others wait, and every preparer then sees a complete database', async () => {
    const first = await openTestDatabase(testEngine(), process.env.TEST_DATABASE_URL, { migrated: false });
    handles.push(first);
    let second: DatabaseHandle = first;
    if (first.kind === 'postgres') {
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${first.name}`;
      second = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
      handles.unshift(second); // closed before the database is dropped
    }
    const a = contextFor(config, first, systemClock);
    const b = contextFor(config, second, systemClock);
    const seen: number[] = [];
    await Promise.all(
      [a, b].map(async (ctx) => {
        await prepareDatabase(ctx, { demo: true });
        // Right after its own preparation returns, each one finds the whole reference data.
        seen.push(await count(ctx.db, 'hamlet'));
      }),
    );
    const units = await count(first.db, 'unit');
    const hamlets = await count(first.db, 'hamlet');
    expect(units).toBeGreaterThan(3000);
    expect(hamlets).toBeGreaterThan(0);
    expect(seen).toEqual([hamlets, hamlets]);
    const dupes = await sql<{ n: number }>`select count(*)::int as n from (select code from unit group by code having count(*) > 1) d`.execute(first.db);
    expect(Number(dupes.rows[0]!.n)).toBe(0);
    // A later start changes nothing.
    await prepareDatabase(b, { demo: true });
    expect(await count(first.db, 'unit')).toBe(units);
    expect(await count(first.db, 'hamlet')).toBe(hamlets);
  });
});
