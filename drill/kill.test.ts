// The short kill drill (issue #10) inside npm test: 3 kills of the server's process group under
// 20 submitters, on PostgreSQL (TEST_DATABASE_URL, set by scripts/test.mjs) and on PGlite.
import { describe, expect, it } from 'vitest';
import { run } from './kill.ts';

describe('drill (a): kill -9 under submitters, short', () => {
  for (const engine of ['postgres', 'pglite'] as const) {
    it(`loses, duplicates and skips nothing on ${engine}`, async () => {
      const postgresUrl = process.env.TEST_DATABASE_URL;
      if (engine === 'postgres' && !postgresUrl) throw new Error('the drill needs TEST_DATABASE_URL (npm test sets it)');
      const report = await run({ engine, full: false, ...(postgresUrl ? { postgresUrl } : {}) });
      expect(report.failures).toEqual([]);
      expect(report.figures.kills).toBe(3);
      expect(report.figures.acknowledged).toBeGreaterThan(0);
    });
  }
});
