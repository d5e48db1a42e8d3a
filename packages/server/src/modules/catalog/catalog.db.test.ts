import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../testing/harness.ts';
import { bearerFor, loginAs } from '../../testing/auth.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const search = async (q: string) => {
  const r = await t.app.inject({ method: 'GET', url: `/api/procedures?q=${encodeURIComponent(q)}` });
  expect(r.statusCode).toBe(200);
  return r.json().items as { code: string; name: string }[];
};

describe('procedure catalog API', () => {
  it('holds at least 25 real commune procedures', async () => {
    const all = await search('');
    expect(all.length).toBeGreaterThanOrEqual(25);
  });

  it.each(['dang ky khai sinh', 'khai sinh', 'khaisinh', 'dang ki khai sinh', 'Đăng ký khai sinh'])(
    'finds birth registration from "%s", exact match first',
    async (q) => {
      const items = await search(q);
      expect(items[0]?.code).toBe('1.001193');
    },
  );

  it('filters by online level and field', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/procedures?online=full' });
    const items = r.json().items as { online: string }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((p) => p.online === 'full')).toBe(true);
    const bad = await t.app.inject({ method: 'GET', url: '/api/procedures?online=maybe' });
    expect(bad.statusCode).toBe(400);
  });

  it('shows a procedure with its documents, fee, time and form schema', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/procedures/1.001193' });
    expect(r.statusCode).toBe(200);
    const p = r.json();
    expect(p).toMatchObject({ code: '1.001193', name: 'Đăng ký khai sinh', sameDay: true, online: 'full' });
    expect(p.documents.length).toBeGreaterThan(0);
    expect(p.legalBasis.join(' ')).toMatch(/Luật Hộ tịch/);
    expect(p.formSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('answers an unknown procedure with 404 problem+json', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/procedures/9.999999' });
    expect(r.statusCode).toBe(404);
    expect(r.json().detailEn).toMatch(/not found/);
  });

  it('does not let an anonymous caller edit the catalog', async () => {
    const p = (await t.app.inject({ method: 'GET', url: '/api/procedures/1.001193' })).json();
    const r = await t.app.inject({ method: 'PUT', url: '/api/procedures/1.001193', payload: { ...p, name: 'Sửa trái phép' } });
    expect(r.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/procedures/1.001193' })).json().name).toBe('Đăng ký khai sinh');
  });
});

describe('form schema order', () => {
  it('keeps the order of questions as the catalog wrote them', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const file = path.resolve(import.meta.dirname, '../../../data/procedures.json');
    const source = (JSON.parse(fs.readFileSync(file, 'utf8')) as { code: string; formSchema: { properties: object } }[]).find((p) => p.code === '1.001193')!;
    const served = (await t.app.inject({ method: 'GET', url: '/api/procedures/1.001193' })).json();
    expect(Object.keys(served.formSchema.properties)).toEqual(Object.keys(source.formSchema.properties));
  });

  it("keeps the catalog's internal checking notes from citizens and shows them to officials", async () => {
    // 1.004772 carries "chưa đối chiếu…" and "Chưa xác minh được thời hạn…" in its notes.
    const citizen = await loginAs(t, 'citizen:089095001234');
    for (const headers of [{}, citizen.headers]) {
      const one = (await t.app.inject({ method: 'GET', url: '/api/procedures/1.004772', headers })).json();
      expect(one).toMatchObject({ processingNote: '', feeNote: '', uncertain: '' });
      const list = (await t.app.inject({ method: 'GET', url: '/api/procedures?q=khai+sinh', headers })).json().items as Record<string, string>[];
      expect(list.length).toBeGreaterThan(0);
      expect(list.every((p) => p.processingNote === '' && p.feeNote === '' && p.uncertain === '')).toBe(true);
    }
    const official = await bearerFor(t, 'receptionist', '30421');
    const seen = (await t.app.inject({ method: 'GET', url: '/api/procedures/1.004772', headers: official.headers })).json();
    expect(seen.uncertain).toMatch(/chưa đối chiếu/i);
    expect(seen.processingNote).not.toBe('');
  });
});
