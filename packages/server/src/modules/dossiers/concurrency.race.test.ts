// Races: PostgreSQL only, where transactions really interleave (testing/race.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../testing/harness.ts';
import { requireInterleaving } from '../../testing/race.ts';
import { AN, as, certifyCopyBody, count, maritalStatusBody, setClock, startDossierApp } from './testkit.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startDossierApp('2026-03-10T09:00:00+07:00');
  await requireInterleaving(t.ctx.db);
});
afterAll(async () => {
  await t?.close();
});

const submit = async (who: string, payload: object, key?: string) =>
  t.app.inject({ method: 'POST', url: '/api/dossiers', headers: { ...(await as(t, who)), ...(key ? { 'idempotency-key': key } : {}) }, payload });

describe('idempotent intake under real concurrency', () => {
  it('creates exactly one dossier for 10 parallel retries with the same key', async () => {
    const before = await count(t, 'dossier');
    const rs = await Promise.all(Array.from({ length: 10 }, () => submit(`citizen:${AN}`, maritalStatusBody(AN), 'retry-1')));
    expect(await count(t, 'dossier')).toBe(before + 1);
    const codes = new Set(rs.map((r) => r.json().code));
    expect(codes.size).toBe(1);
    expect(rs.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const replay = rs.find((r) => r.statusCode === 200)!;
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(rs.find((r) => r.statusCode === 201)!.json());
  });
});

describe('daily sequence under real concurrency', () => {
  it('gives 200 parallel intakes in one unit and day the numbers 0001..0200', async () => {
    setClock(t, '2026-03-11T09:00:00+07:00');
    const rs = await Promise.all(Array.from({ length: 200 }, () => submit('official:phulam.tiepnhan', certifyCopyBody(AN))));
    expect(rs.every((r) => r.statusCode === 201)).toBe(true);
    const seqs = rs.map((r) => Number(r.json().code.split('-')[2])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(rs.every((r) => r.json().code.startsWith('000.19.01.H91-260311-'))).toBe(true);
  });
});

describe('concurrent actions under real concurrency', () => {
  it('lets exactly one of five simultaneous actions on a dossier through', async () => {
    setClock(t, '2026-03-13T09:00:00+07:00');
    const code = (await submit(`citizen:${AN}`, maritalStatusBody(AN))).json().code as string;
    const headers = await as(t, 'official:phulam.tiepnhan');
    const rs = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.app.inject({ method: 'POST', url: `/api/dossiers/${code}/actions`, headers, payload: { action: 'receive', version: 1 } }),
      ),
    );
    expect(rs.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(rs.filter((r) => r.statusCode === 409).every((r) => r.json().state === 'received')).toBe(true);
    const events = await t.ctx.db.selectFrom('dossier_event').select('seq').where('dossier_code', '=', code).execute();
    expect(events.length).toBe(2);
  });
});
