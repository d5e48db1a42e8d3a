// The short restart drill (issue #10) inside npm test: PostgreSQL restarted fast and immediate
// under 20 submitters on a throw-away cluster of the drill's own; on PGlite, PGlite's own faults.
import { describe, expect, it } from 'vitest';
import { run } from './pg-restart.ts';

describe('drill (b): database restarts and faults, short', () => {
  it('recovers from pg_ctl restart -m fast and -m immediate within 5 s, with 503s only and nothing lost', async () => {
    const report = await run({ engine: 'postgres', full: false });
    expect(report.failures).toEqual([]);
    expect(report.figures['server exited']).toBe('no');
    expect(report.figures['fast: s to first submission']).toBeLessThanOrEqual(5);
    expect(report.figures['immediate: s to first submission']).toBeLessThanOrEqual(5);
  });

  it('refuses clearly a second process, an unwritable folder and a full disk on PGlite', async () => {
    const report = await run({ engine: 'pglite', full: false });
    expect(report.failures).toEqual([]);
    expect(report.figures).toMatchObject({
      'second process, same folder': 'refused (exit 1)',
      'unwritable folder': 'refused (exit 1)',
      'full disk': 'refused (exit 1)',
      'dossiers kept': '2/2',
    });
  });
});
