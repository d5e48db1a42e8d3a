import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueOutbox } from './outbox/index.ts';
import { startTestApp, type TestContext } from '../testing/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('platform', () => {
  it('reports health with the database state, the engine and the process boot id', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/health' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({
      status: 'ok',
      database: 'up',
      engine: process.env.MOTCUA_TEST_DB === 'postgres' ? 'postgres' : 'pglite',
      bootId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      outboxWaiting: expect.any(Number),
    });
    expect((await t.app.inject({ method: 'GET', url: '/health' })).json().bootId).toBe(r.json().bootId);
  });

  it('gauges the outbox backlog: committed messages no worker has delivered or parked yet', async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/health' })).json().outboxWaiting as number;
    await enqueueOutbox(t.ctx.db, 'test.backlog', { n: 1 });
    await enqueueOutbox(t.ctx.db, 'test.backlog', { n: 2 });
    expect((await t.app.inject({ method: 'GET', url: '/health' })).json().outboxWaiting).toBe(before + 2);
    await t.ctx.db.updateTable('outbox').set({ parked_at: new Date() }).where('topic', '=', 'test.backlog').execute();
    expect((await t.app.inject({ method: 'GET', url: '/health' })).json().outboxWaiting).toBe(before);
  });

  it('publishes an OpenAPI document and human-readable docs', async () => {
    const spec = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(spec.statusCode).toBe(200);
    const doc = spec.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/units', '/api/units/resolve', '/api/procedures', '/api/procedures/{code}']));
    const docs = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
  });

  it('answers unknown addresses with problem+json in Vietnamese or English', async () => {
    const vi = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(vi.statusCode).toBe(404);
    expect(vi.json().detail).toMatch(/Không tìm thấy/);
    const en = await t.app.inject({ method: 'GET', url: '/api/nothing-here', headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(en.json().detail).toMatch(/No such address/);
  });
});

describe('validation errors', () => {
  it('says what is wrong in Vietnamese words and in English', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/units?q=' });
    expect(r.statusCode).toBe(400);
    expect(r.json().detailVi).toBe('Dữ liệu gửi lên không hợp lệ (querystring/q): cần ít nhất 1 ký tự.');
    expect(r.json().detailEn).toMatch(/must NOT have fewer than 1 characters/);
  });
});
