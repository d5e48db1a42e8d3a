import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../testing/harness.ts';
import { AN, NGOC, as, certifyCopyBody, count, maritalStatusBody, setClock, startDossierApp } from './testkit.ts';

let t: TestContext;
beforeAll(async () => { t = await startDossierApp('2026-03-10T09:00:00+07:00'); });
afterAll(async () => { await t?.close(); });

const submit = async (who: string, payload: object, key?: string) =>
  t.app.inject({ method: 'POST', url: '/api/dossiers', headers: { ...(await as(t, who)), ...(key ? { 'idempotency-key': key } : {}) }, payload });

describe('idempotent intake', () => {
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

  it('refuses the same key with a different body (422) and keeps keys per caller', async () => {
    const first = await submit(`citizen:${AN}`, maritalStatusBody(AN), 'retry-2');
    expect(first.statusCode).toBe(201);
    const before = await count(t, 'dossier');
    const other = await submit(`citizen:${AN}`, maritalStatusBody(AN, { resultDelivery: 'electronic' }), 'retry-2');
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('idempotency_key_reused');
    expect(await count(t, 'dossier')).toBe(before);
    // Another citizen choosing the same key is a different request.
    const ngoc = await submit(`citizen:${NGOC}`, maritalStatusBody(NGOC), 'retry-2');
    expect(ngoc.statusCode).toBe(201);
    expect(ngoc.json().code).not.toBe(first.json().code);
  });
});

describe('daily sequence', () => {
  it('gives 200 parallel intakes in one unit and day the numbers 0001..0200', async () => {
    setClock(t, '2026-03-11T09:00:00+07:00');
    const rs = await Promise.all(Array.from({ length: 200 }, () => submit('official:phulam.tiepnhan', certifyCopyBody(AN))));
    expect(rs.every((r) => r.statusCode === 201)).toBe(true);
    const seqs = rs.map((r) => Number(r.json().code.split('-')[2])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(rs.every((r) => r.json().code.startsWith('30421-260311-'))).toBe(true);
  });

  it('gives a refused intake\'s number back and numbers each unit separately', async () => {
    setClock(t, '2026-03-12T09:00:00+07:00');
    expect((await submit('official:phulam.tiepnhan', certifyCopyBody(AN))).json().code).toBe('30421-260312-0001');
    // Fails inside the transaction (unknown upload): the number taken is rolled back.
    expect((await submit('official:phulam.tiepnhan', certifyCopyBody(AN, { attachments: ['00000000-0000-4000-8000-000000000000'] }))).statusCode).toBe(404);
    expect((await submit('official:phulam.tiepnhan', certifyCopyBody(AN))).json().code).toBe('30421-260312-0002');
    expect((await submit('official:hoadien.tiepnhan', certifyCopyBody('091201002345'))).json().code).toBe('30790-260312-0001');
  });
});
