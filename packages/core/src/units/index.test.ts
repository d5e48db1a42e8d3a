import { describe, expect, it } from 'vitest';
// Test-only: the generated data files; the core code itself never imports data.
import current from '../../../server/data/units/current.json' with { type: 'json' };
import history from '../../../server/data/units/history.json' with { type: 'json' };
import lineage from '../../../server/data/units/lineage.json' with { type: 'json' };
import { buildUnitIndex, nameKey, resolveAddress, searchUnits, splitUnitName, unitDetail, type UnitData } from './index.ts';

const index = buildUnitIndex({ current, history, lineage } as UnitData);
const oldCode = (fullName: string, district: string) =>
  [...index.historic.values()].find((u) => nameKey(u.fullName) === nameKey(fullName) && index.historic.get(u.parentCode ?? '')?.name === district)!.code;

describe('names', () => {
  it('splits the type word and keys names by sound-alike spelling', () => {
    expect(splitUnitName('Thị xã Từ Sơn')).toEqual({ prefix: 'thị xã', name: 'Từ Sơn' });
    expect(splitUnitName('Long Hòa')).toEqual({ prefix: null, name: 'Long Hòa' });
    expect(nameKey('Hoà Điền')).toBe(nameKey('hoa dien'));
    expect(nameKey('Phường IV')).toBe(nameKey('Phường 04'));
    expect(nameKey('NT Phong Hải')).toBe(nameKey('Nông trường Phong Hải'));
    expect(nameKey('N.T Phong Hải')).toBe(nameKey('Phong Hải'));
  });
});

describe('searchUnits', () => {
  it('matches without diacritics, exact names first', () => {
    const hits = searchUnits(index, 'phu lam');
    expect(hits.slice(0, 3).map((u) => u.name.normalize('NFC'))).toEqual(['Phú Lâm', 'Phú Lâm', 'Phú Lâm']);
    expect(hits.map((u) => u.code)).toContain('30421');
  });

  it('matches word prefixes, ignores a leading type word and filters by province', () => {
    expect(searchUnits(index, 'Xã Hòa Đi', { provinceCode: '91' })[0]?.code).toBe('30790');
    const inAnGiang = searchUnits(index, 'phu', { provinceCode: '91', limit: 50 });
    expect(inAnGiang.length).toBeGreaterThan(3);
    expect(inAnGiang.every((u) => u.provinceCode === '91' || u.code === '91')).toBe(true);
    expect(searchUnits(index, 'phu', { limit: 3 })).toHaveLength(3);
  });

  it('finds provinces and returns nothing for nonsense', () => {
    expect(searchUnits(index, 'an giang')[0]?.code).toBe('91');
    expect(searchUnits(index, 'zzzz')).toEqual([]);
    expect(searchUnits(index, '  ')).toEqual([]);
  });
});

describe('unitDetail', () => {
  it('lists the old communes of a current one with district and province', () => {
    const d = unitDetail(index, '30421')!;
    expect(d.unit?.fullName).toBe('Xã Phú Lâm');
    expect(d.province?.code).toBe('91');
    expect(d.predecessors.map((p) => p.path).sort()).toEqual([
      'Xã Long Hoà, Huyện Phú Tân, Tỉnh An Giang',
      'Xã Phú Long, Huyện Phú Tân, Tỉnh An Giang',
      'Xã Phú Lâm, Huyện Phú Tân, Tỉnh An Giang',
    ]);
  });

  it('gives the successor of an old commune, province and district', () => {
    const longHoa = oldCode('Xã Long Hòa', 'Phú Tân');
    const d = unitDetail(index, longHoa)!;
    expect(d.unit).toBeNull();
    expect(d.old?.path).toBe('Xã Long Hoà, Huyện Phú Tân, Tỉnh An Giang');
    expect(d.successors.map((u) => u.code)).toEqual(['30421']);
    // Old An Giang (89) and Kiên Giang (91) are both in the new An Giang (91).
    expect(unitDetail(index, '89')!.successors.map((u) => u.code)).toEqual(['91']);
    const phuTan = unitDetail(index, index.historic.get(longHoa)!.parentCode!)!;
    expect(phuTan.successors.map((u) => u.code)).toContain('30421');
  });

  it('lists every successor of a split commune, the main one first', () => {
    const boDe = unitDetail(index, oldCode('Phường Bồ Đề', 'Long Biên'))!;
    const names = boDe.successors.map((u) => u.name);
    expect(names[0]).toBe('Bồ Đề');
    expect(names).toEqual(expect.arrayContaining(['Bồ Đề', 'Hồng Hà', 'Long Biên']));
  });

  it('returns null for an unknown code', () => {
    expect(unitDetail(index, '99999')).toBeNull();
  });
});

describe('resolveAddress', () => {
  const longHoa = () => oldCode('Xã Long Hòa', 'Phú Tân');

  it.each([
    'Xã Long Hòa, huyện Phú Tân, tỉnh An Giang',
    'xa long hoa huyen phu tan an giang',
    'X. Long Hòa, H. Phú Tân, T. An Giang',
    'Số 12, ấp Long Hòa 1, xã Long Hòa, huyện Phú Tân, An Giang',
    'so 12 ap long hoa 1, xa long hoa, huyen phu tan, an giang',
  ])('maps the old address %j to Xã Phú Lâm', (address) => {
    const r = resolveAddress(index, address);
    expect(r.unit?.code).toBe('30421');
    expect(r.confidence).toBeGreaterThan(0.8);
    expect(r.matchedOld?.code).toBe(longHoa());
  });

  it('accepts the new way of writing', () => {
    const r = resolveAddress(index, 'Xã Phú Lâm, tỉnh An Giang');
    expect(r.unit?.code).toBe('30421');
    expect(r.confidence).toBeGreaterThan(0.8);
  });

  it('is unsure and offers alternatives when the name alone fits many places', () => {
    const r = resolveAddress(index, 'Xã Long Hòa');
    expect(r.unit).not.toBeNull();
    expect(r.confidence).toBeLessThan(0.3);
    expect(r.alternatives.length).toBeGreaterThanOrEqual(2);
    const provinces = new Set([r.unit!, ...r.alternatives.map((a) => a.unit)].map((u) => u.provinceCode));
    expect(provinces.size).toBeGreaterThan(1);
  });

  it('reads numbered wards, districts and the usual abbreviations', () => {
    const caoLanh = resolveAddress(index, 'P. 1, TP. Cao Lãnh');
    expect(caoLanh.matchedOld?.fullName).toBe('Phường 1');
    expect(index.historic.get(caoLanh.matchedOld!.parentCode!)?.fullName).toBe('Thành phố Cao Lãnh');
    expect(caoLanh.unit?.provinceCode).toBe('82');
    expect(caoLanh.confidence).toBeGreaterThan(0.6);

    const benNghe = resolveAddress(index, 'Phường Bến Nghé, Q.1, TP.HCM');
    expect(benNghe.matchedOld?.fullName).toBe('Phường Bến Nghé');
    expect(benNghe.unit?.fullName).toBe('Phường Sài Gòn');

    const phuMy = resolveAddress(index, 'TT. Phú Mỹ, H. Phú Tân, An Giang');
    expect(phuMy.matchedOld?.type).toBe('township');
    expect(phuMy.unit?.provinceCode).toBe('91');
  });

  it('resolves the field-report communes from their old addresses', () => {
    expect(resolveAddress(index, 'Phường Đông Ngàn, thị xã Từ Sơn, Bắc Ninh').unit?.code).toBe('09367');
    expect(resolveAddress(index, 'xã Kiên Bình, huyện Kiên Lương, tỉnh Kiên Giang').unit?.code).toBe('30790');
    expect(resolveAddress(index, 'Xã Liêu Xá, huyện Yên Mỹ, Hưng Yên').unit?.code).toBe('12064');
  });

  it('returns nothing for unknown input', () => {
    for (const text of ['', 'asdf qwer', '12345']) {
      expect(resolveAddress(index, text)).toEqual({ status: 'not_found', unit: null, confidence: 0, alternatives: [] });
    }
  });
});
