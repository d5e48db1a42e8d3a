// Races: PostgreSQL only, where transactions really interleave (testing/race.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReservedCodeBlock } from '@motcua/core/dossier';
import { startTestApp, type TestContext } from '../../testing/harness.ts';
import { requireInterleaving } from '../../testing/race.ts';
import { consultOp, count, createRound, kit, people, receiveOp, roundBody, SESSION_DAY, sync } from './testkit.ts';

let t: TestContext;
let p: Awaited<ReturnType<typeof people>>;
let sessionId: string;
let block: ReservedCodeBlock;

beforeAll(async () => {
  t = await startTestApp({ clock: `${SESSION_DAY}T04:00:00Z` }); // 11:00 in Vietnam, session day
  p = await people(t);
  const round = await createRound(t, p.admin, roundBody(p.ids));
  sessionId = round.sessions.find((s) => s.day === SESSION_DAY)!.id;
  block = (await kit(t, p.outreach, sessionId)).codeBlock;
  await requireInterleaving(t.ctx.db);
});
afterAll(async () => {
  await t?.close();
});

const statuses = (r: { json(): { results: { status: string }[] } }) => r.json().results.map((x) => x.status);

describe('sync under real concurrency', () => {
  it('applies a concurrent double send of the same ops once', async () => {
    const ops = [receiveOp(block, 3, { hamlet: '30421-07' }), consultOp('30421-07', 3)];
    const before = await count(t, 'dossier');
    const [a, b] = await Promise.all([sync(t, p.outreach, sessionId, ops), sync(t, p.outreach, sessionId, ops)]);
    const all = [...statuses(a), ...statuses(b)].sort();
    expect(all).toEqual(['applied', 'applied', 'duplicate', 'duplicate']);
    expect(await count(t, 'dossier')).toBe(before + 1);
    const consulted = await t.ctx.db.selectFrom('outreach_consultation').select('client_op_id').where('client_op_id', '=', ops[1]!.id).execute();
    expect(consulted).toHaveLength(1);
  });
});
