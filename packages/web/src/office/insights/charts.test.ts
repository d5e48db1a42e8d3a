import { describe, expect, it } from 'vitest';
import type { BreakdownRow, DossierFigures, ProcedureOutcome } from '@motcua/core/api';
import { channelMix, onTimeByProcedure, ranking, trend } from './charts.ts';

const row = (key: string, received: number, online: number, total: number | null, scoredMax: number | null): BreakdownRow => ({
  key,
  name: `Xã ${key}`,
  total,
  scoredMax,
  received,
  online,
  early: 0,
  onTime: 0,
  late: 0,
  onTimeRate: null,
  onlineRate: null,
  weakest: null,
});

describe('leaders charts', () => {
  it('trend keeps the months in order and names the busiest', () => {
    const t = trend([row('2026-10', 4, 1, null, null), row('2026-11', 9, 5, null, null), row('2026-12', 2, 2, null, null)]);
    expect(t.labels).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(t.received).toEqual([4, 9, 2]);
    expect(t.online).toEqual([1, 5, 2]);
    expect(t.busiest).toEqual({ month: '2026-11', received: 9, online: 5 });
    expect(trend([row('2026-12', 0, 0, null, null)]).busiest).toBeNull();
  });

  it('channel mix names the channel most used and its share', () => {
    const d = { received: 10, online: 6, counter: 3, outreach: 1, postal: 0 } as DossierFigures;
    expect(channelMix(d)).toEqual({ channels: ['online', 'counter', 'outreach', 'postal'], counts: [6, 3, 1, 0], top: { channel: 'online', share: 0.6 } });
    expect(channelMix({ received: 0, online: 0, counter: 0, outreach: 0, postal: 0 } as DossierFigures).top).toBeNull();
  });

  it('on time by procedure leaves out procedures without results and names the lowest share', () => {
    const p = (code: string, onTimeRate: number | null): ProcedureOutcome => ({ code, name: code, received: 1, early: 0, onTime: 0, late: 0, onTimeRate });
    const r = onTimeByProcedure([p('a', 0.9), p('b', null), p('c', 0.5), p('d', 1)]);
    expect(r.rows.map((x) => x.code)).toEqual(['a', 'c', 'd']);
    expect(r.lowest?.code).toBe('c');
  });

  it('ranking keeps the server order (weakest first) and shares of the scorable points', () => {
    const r = ranking([row('1', 3, 0, 10, 40), row('2', 3, 0, 30, 40), row('3', 0, 0, null, null)]);
    expect(r.rows.map((x) => x.key)).toEqual(['1', '2']);
    expect(r.shares).toEqual([0.25, 0.75]);
    expect(r.weakest?.key).toBe('1');
  });
});
