import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedActions } from '../dossier/allowed.ts';
import { vietnamDate } from '../dossier/clock.ts';
import { decide } from '../dossier/decide.ts';
import { deriveDossier } from '../dossier/derive.ts';
import { cast, ctx, Journal, minutesLater, validCommand, type CastName } from '../dossier/testkit.ts';
import type { DossierEvent } from '../dossier/types.ts';
import { accumulate, COUNTERS, contributionsOf, keyOf, openAt, zeroCounts, type Counts, type RollupRow } from './rollup.ts';

const ACTORS = Object.keys(cast) as CastName[];
/** Actions the brief names for the histories: transfers, supplements, apologies, late results, withdrawals. */
const FAVOURED = ['transfer', 'request_supplement', 'submit_supplement', 'record_apology', 'withdraw', 'mark_result_ready', 'complete_on_spot'];

const step = fc.record({
  pick: fc.nat(),
  favour: fc.integer({ min: 0, max: 2 }).map((x) => x === 0),
  // Minutes apart or days apart, so some results come after the appointment (late) and need apologies.
  minutes: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 180 }), weight: 3 }, { arbitrary: fc.integer({ min: 0, max: 6 * 24 * 60 }), weight: 2 }),
});
const dossier = fc.record({
  channel: fc.constantFrom('online', 'counter', 'outreach', 'postal' as const),
  processing: fc.oneof(
    fc.constant({ sameDay: true as const }),
    fc.integer({ min: 1, max: 4 }).map((workingDays) => ({ workingDays })),
  ),
  startMinutes: fc.nat(20 * 24 * 60),
  files: fc.integer({ min: 0, max: 2 }),
  steps: fc.array(step, { maxLength: 30 }),
});
const history = fc.record({ dossiers: fc.array(dossier, { minLength: 1, maxLength: 8 }), merged: fc.boolean() });

type DossierCase = typeof dossier extends fc.Arbitrary<infer T> ? T : never;
type Walked = { events: DossierEvent[]; files: number };

function walk(d: DossierCase): Walked {
  const j = new Journal(d.channel, d.processing, minutesLater(new Date('2025-07-01T00:00:00+07:00'), d.startMinutes));
  for (const s of d.steps) {
    const now = minutesLater(j.now, s.minutes);
    const offers = ACTORS.flatMap((name) => allowedActions(j.view, cast[name], now).map((spec) => [name, spec.action] as const));
    const favoured = offers.filter(([, a]) => FAVOURED.includes(a));
    const pool = s.favour && favoured.length > 0 ? favoured : offers;
    if (pool.length === 0) break;
    const [name, action] = pool[s.pick % pool.length]!;
    // Some results go out as electronic documents (the digitisation indicator counts them).
    const command = action === 'return_result' && s.pick % 2 === 0 ? { action, method: 'electronic' } : validCommand(action, j.view, now);
    const result = decide(j.view, command, cast[name], now, ctx);
    if (!result.ok) continue;
    j.now = now;
    j.push(result.event);
  }
  return { events: j.events, files: d.files };
}

/**
 * The oracle: the same figures counted straight from the event logs, one question at a time,
 * without the incremental contribution function.
 */
function recount(dossiers: Walked[], unitOf: (c: string) => string): Map<string, RollupRow> {
  const rows = new Map<string, RollupRow>();
  const add = (e: DossierEvent, unit: string, view: { procedureCode: string; channel: RollupRow['channel'] }, counter: keyof Counts) => {
    const key = { unitCode: unitOf(unit), day: vietnamDate(new Date(e.at)), procedureCode: view.procedureCode, channel: view.channel };
    const row = rows.get(keyOf(key)) ?? { ...key, ...zeroCounts() };
    row[counter] += 1;
    rows.set(keyOf(key), row);
  };
  for (const { events, files } of dossiers) {
    const first = events[0]!;
    if (first.type !== 'submitted') throw new Error('a log starts with its submission');
    const meta = { procedureCode: first.data.procedureCode, channel: first.data.channel };
    add(first, first.data.unitCode, meta, 'received');
    if (files > 0) add(first, first.data.unitCode, meta, 'digitised');
    const unitAfter = (i: number) => deriveDossier(events.slice(0, i + 1)).unitCode;
    const ready = events.findIndex((e) => e.type === 'mark_result_ready' || e.type === 'complete_on_spot');
    if (ready >= 0) {
      const e = events[ready]!;
      const due = deriveDossier(events.slice(0, ready + 1)).dueAt;
      const apologised = events.slice(0, ready).some((x) => x.type === 'record_apology');
      const counter = apologised
        ? 'late'
        : due === null
          ? 'onTime'
          : Date.parse(e.at) > Date.parse(due)
            ? 'late'
            : vietnamDate(new Date(e.at)) < vietnamDate(new Date(due))
              ? 'early'
              : 'onTime';
      add(e, unitAfter(ready), meta, counter);
    }
    const closed = events.findIndex((e) => e.type === 'refuse_intake' || e.type === 'withdraw' || e.type === 'cancel');
    if (closed >= 0 && (ready < 0 || closed < ready)) add(events[closed]!, unitAfter(closed - 1), meta, 'closedWithoutResult');
    events.forEach((e, i) => {
      if (e.type === 'transfer' && unitOf(e.data.fromUnitCode) !== unitOf(e.data.toUnitCode)) {
        add(e, e.data.fromUnitCode, meta, 'transferredOut');
        add(e, e.data.toUnitCode, meta, 'transferredIn');
      }
      if (e.type === 'request_supplement') add(e, unitAfter(i), meta, 'supplementRequests');
      if (e.type === 'record_apology') add(e, unitAfter(i), meta, 'apologies');
      if (e.type === 'return_result') {
        add(e, unitAfter(i), meta, 'returned');
        if (e.data.method === 'electronic') add(e, unitAfter(i), meta, 'returnedElectronic');
      }
    });
  }
  return rows;
}

/** Dossiers each unit held, unfinished and open, at the start of `day`: fold each log up to then. */
function openByRecount(dossiers: Walked[], unitOf: (c: string) => string, day: string): Map<string, number> {
  const open = new Map<string, number>();
  for (const { events } of dossiers) {
    const before = events.filter((e) => vietnamDate(new Date(e.at)) < day);
    if (before.length === 0) continue;
    const v = deriveDossier(before);
    if (v.resultReadyAt === null && v.closure === null) open.set(unitOf(v.unitCode), (open.get(unitOf(v.unitCode)) ?? 0) + 1);
  }
  return open;
}

const nonZero = (rows: Map<string, RollupRow>) => new Map([...rows].filter(([, r]) => COUNTERS.some((c) => r[c] !== 0)).sort(([a], [b]) => a.localeCompare(b)));

describe('the insights rollup', () => {
  it('equals a brute-force recount from the event log, for random histories', () => {
    const seen = new Set<string>();
    const counted = zeroCounts();
    fc.assert(
      fc.property(history, fc.integer({ min: 0, max: 30 }), ({ dossiers, merged }, probeDay) => {
        // When merged, the second unit's history counts for the first (a 2025 merger's lineage).
        const unitOf = merged ? (c: string) => (c === '26737' ? '26734' : c) : (c: string) => c;
        const walked = dossiers.map(walk);
        for (const w of walked) for (const e of w.events) seen.add(e.type);
        const rolled = new Map<string, RollupRow>();
        for (const w of walked) accumulate(rolled, contributionsOf(w.events, { files: w.files }, unitOf));
        expect(nonZero(rolled)).toEqual(nonZero(recount(walked, unitOf)));
        for (const r of rolled.values()) for (const c of COUNTERS) counted[c] += Math.abs(r[c]);

        const day = new Date(Date.parse('2025-07-01T00:00:00Z') + probeDay * 86_400_000).toISOString().slice(0, 10);
        const expected = openByRecount(walked, unitOf, day);
        for (const unit of new Set([...expected.keys(), ...[...rolled.values()].map((r) => r.unitCode)])) {
          expect(
            openAt(
              [...rolled.values()].filter((r) => r.unitCode === unit),
              day,
            ),
            `${unit} open at ${day}`,
          ).toBe(expected.get(unit) ?? 0);
        }
      }),
      { numRuns: 300 },
    );
    // The walks really went through the events the rollup has to get right.
    for (const c of COUNTERS) expect(counted[c], c).toBeGreaterThan(0);
    for (const t of ['transfer', 'request_supplement', 'record_apology', 'withdraw', 'return_result', 'cancel']) expect(seen).toContain(t);
  });
});
