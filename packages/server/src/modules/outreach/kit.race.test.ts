// Races: PostgreSQL only, where transactions really interleave (testing/race.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../testing/harness.ts';
import { requireInterleaving } from '../../testing/race.ts';
import { fixedClock } from '../../platform/clock.ts';
import { createRound, kit, people, roundBody, SESSION_DAY } from './testkit.ts';

let t: TestContext;
let p: Awaited<ReturnType<typeof people>>;
let sessionId: string;
const clock = fixedClock(`${SESSION_DAY}T00:30:00Z`);
beforeAll(async () => {
  t = await startTestApp({ clock });
  p = await people(t);
  const round = await createRound(t, p.admin, roundBody(p.ids));
  sessionId = round.sessions.find((s) => s.day === SESSION_DAY)!.id;
  await requireInterleaving(t.ctx.db);
});
afterAll(async () => {
  await t?.close();
});

describe('field kit code blocks under real concurrency', () => {
  it('hands each block index out once, even to many devices at the same moment; the same device gets its block again', async () => {
    const devices = Array.from({ length: 12 }, (_, i) => `tablet-${i}`);
    const kits = await Promise.all(devices.map((d, i) => kit(t, i % 2 ? p.outreach : p.receptionist, sessionId, d)));
    const indices = kits.map((k) => k.codeBlock.blockIndex);
    expect(new Set(indices).size).toBe(devices.length);
    const ranges = kits.map((k) => [k.codeBlock.firstSeq, k.codeBlock.lastSeq] as const).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]![0]).toBeGreaterThan(ranges[i - 1]![1]);
    const again = await kit(t, p.receptionist, sessionId, 'tablet-0');
    expect(again.codeBlock.blockIndex).toBe(kits[0]!.codeBlock.blockIndex);
    const rows = await t.ctx.db.selectFrom('outreach_code_block').select('block_index').where('unit_code', '=', '30421').execute();
    expect(new Set(rows.map((r) => r.block_index)).size).toBe(rows.length);
  });
});
