import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './fuzz.ts';
import { startDrillPostgres } from './postgres.ts';

// The short fuzz drill inside npm test: every route of /openapi.json, a few requests each, as
// anonymous, a citizen and an official, on both engines. A failure message names the request;
// the seed printed in the figures replays it (FUZZ_SEED).
let pg: { url: string; stop(): void };
beforeAll(async () => {
  pg = await startDrillPostgres();
});
afterAll(() => pg?.stop());

describe('fuzz drill (short)', () => {
  for (const engine of ['pglite', 'postgres'] as const) {
    it(`answers every fuzzed request on ${engine} without a 5xx or a change made by a refused request`, async () => {
      const report = await run({ engine, full: false, postgresUrl: pg.url });
      expect(report.failures, `seed ${report.figures.seed}`).toEqual([]);
      expect(Number(report.figures.routes)).toBeGreaterThanOrEqual(60);
      expect(Number(report.figures.requests)).toBeGreaterThanOrEqual(Number(report.figures.routes) * 9);
      expect(Number(report.figures['2xx'])).toBeGreaterThan(0);
    });
  }
});
