import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../testing/harness.ts';
import { AN, NGOC, as, certifyCopyBody, count, maritalStatusBody, setClock, startDossierApp } from './testkit.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startDossierApp('2026-03-10T09:00:00+07:00');
});
afterAll(async () => {
  await t?.close();
});

const submit = async (who: string, payload: object, key?: string) =>
  t.app.inject({ method: 'POST', url: '/api/dossiers', headers: { ...(await as(t, who)), ...(key ? { 'idempotency-key': key } : {}) }, payload });

describe('idempotent intake', () => {
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
  it("gives a refused intake's number back and numbers each unit separately", async () => {
    setClock(t, '2026-03-12T09:00:00+07:00');
    expect((await submit('official:phulam.tiepnhan', certifyCopyBody(AN))).json().code).toBe('000.19.01.H91-260312-0001');
    // Fails inside the transaction (unknown upload): the number taken is rolled back.
    expect((await submit('official:phulam.tiepnhan', certifyCopyBody(AN, { attachments: ['00000000-0000-4000-8000-000000000000'] }))).statusCode).toBe(404);
    expect((await submit('official:phulam.tiepnhan', certifyCopyBody(AN))).json().code).toBe('000.19.01.H91-260312-0002');
    expect((await submit('official:hoadien.tiepnhan', certifyCopyBody('091201002345'))).json().code).toBe('000.61.01.H91-260312-0001');
  });
});
