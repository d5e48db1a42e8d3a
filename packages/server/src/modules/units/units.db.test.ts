import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toneKey } from '@motcua/core/text';
import { startTestApp, type TestContext } from '../../testing/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('administrative units API', () => {
  it('searches current units without diacritics', async () => {
    const r = await get('/api/units?q=phu%20lam&province=91');
    expect(r.statusCode).toBe(200);
    const items = r.json().items as { code: string; fullName: string }[];
    expect(items.map((u) => u.code)).toContain('30421');
    expect(items.find((u) => u.code === '30421')?.fullName).toBe('Xã Phú Lâm');
  });

  it('shows a commune with its predecessors, and an old commune with its successor', async () => {
    const r = await get('/api/units/30421');
    expect(r.statusCode).toBe(200);
    const unit = r.json();
    expect(unit).toMatchObject({ code: '30421', name: 'Phú Lâm', type: 'commune', provinceCode: '91' });
    const predecessors = unit.predecessors as { code: string; fullName: string }[];
    // The old register writes "Long Hoà" (old tone placement): compare by tone key.
    expect(predecessors.map((p) => toneKey(p.fullName)).sort()).toEqual(['Xã Long Hòa', 'Xã Phú Long', 'Xã Phú Lâm'].map(toneKey).sort());

    const longHoa = predecessors.find((p) => toneKey(p.fullName) === toneKey('Xã Long Hòa'))!;
    const old = (await get(`/api/units/${longHoa.code}`)).json();
    expect(old.current).toBe(false);
    expect(old.successor.code).toBe('30421');
  });

  it('resolves an address written the old way, with and without diacritics and abbreviations', async () => {
    for (const address of ['Xã Long Hòa, huyện Phú Tân, tỉnh An Giang', 'xa long hoa huyen phu tan tinh an giang', 'X. Long Hòa, H. Phú Tân, T. An Giang']) {
      const r = await get(`/api/units/resolve?address=${encodeURIComponent(address)}`);
      expect(r.statusCode, address).toBe(200);
      const body = r.json();
      expect(body.unit?.code, address).toBe('30421');
      expect(body.confidence, address).toBeGreaterThan(0.7);
    }
  });

  it('gives alternatives and a lower confidence for an ambiguous address', async () => {
    const r = await get(`/api/units/resolve?address=${encodeURIComponent('Xã Long Hòa')}`);
    const body = r.json();
    expect(body.status).toBe('ambiguous');
    expect(body.candidates.length).toBeGreaterThan(1);
    expect(body.candidates[0].unit.code).toBe(body.unit.code);
    expect(body.alternatives.length).toBeGreaterThan(0);
    expect(body.confidence).toBeLessThan(0.7);
  });

  it('reads an address naming an old district as a pre-2025 one (issue #12)', async () => {
    const r = await get(`/api/units/resolve?address=${encodeURIComponent('Xã Đông Hưng, huyện An Minh, tỉnh Kiên Giang')}`);
    expect(r.json()).toMatchObject({ status: 'resolved', unit: { code: '31018' }, oldStyle: true, matchedOld: { fullName: 'Xã Đông Hưng' } });
  });

  it('answers unknown codes with 404 problem+json and bad queries with 400', async () => {
    const missing = await get('/api/units/99999');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json()).toMatchObject({ status: 404, code: 'not_found' });
    expect(missing.json().detailVi).toMatch(/Không tìm thấy/);

    const bad = await get('/api/units/abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detailEn).toMatch(/not valid/);
    expect(JSON.stringify(bad.json())).not.toMatch(/at .*\.ts:\d+/);

    const empty = await get('/api/units?q=');
    expect(empty.statusCode).toBe(400);
  });

  it('lists the demo hamlets of Xã Phú Lâm and Xã Hòa Điền', async () => {
    for (const code of ['30421', '30790']) {
      const r = await get(`/api/units/${code}/hamlets`);
      expect(r.statusCode).toBe(200);
      expect(r.json().items.length).toBeGreaterThanOrEqual(5);
    }
  });

  it('refuses hamlet edits from anonymous callers without changing anything', async () => {
    const before = (await get('/api/units/30421/hamlets')).json().items.length;
    const r = await t.app.inject({ method: 'POST', url: '/api/units/30421/hamlets', payload: { name: 'Ấp Mới', kind: 'ap' } });
    expect(r.statusCode).toBe(401);
    expect((await get('/api/units/30421/hamlets')).json().items.length).toBe(before);
  });
});
