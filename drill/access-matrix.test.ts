import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDrillPostgres } from './postgres.ts';
import { run } from './access-matrix.ts';

// The short access matrix inside npm test, on both engines: 0 leaks, 0 wrongful refusals, 0 5xx.
let pg: Awaited<ReturnType<typeof startDrillPostgres>>;
beforeAll(async () => {
  pg = await startDrillPostgres();
});
afterAll(() => pg?.stop());

describe('drill (d): who sees what, over every route', () => {
  for (const engine of ['pglite', 'postgres'] as const) {
    it(`leaks nothing and refuses nothing the table allows (${engine})`, async () => {
      const report = await run({ engine, full: false, postgresUrl: pg.url });
      expect(report.failures).toEqual([]);
      expect(report.figures).toMatchObject({ leaks: 0, wrongfulRefusals: 0, errors5xx: 0 });
      expect(report.figures.routes).toBeGreaterThan(60);
      expect(report.figures.cells).toBeGreaterThan(1000);
    });
  }
});
