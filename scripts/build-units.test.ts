/**
 * Checks the GENERATED administrative-map files (packages/server/data/units), not the shared
 * upstream data, so it runs anywhere the repository is checked out.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CurrentUnit, Hamlet, HistoricUnit, LineageEntry } from '@motcua/core/units';

const read = <T>(file: string): T => JSON.parse(readFileSync(new URL(`../packages/server/data/units/${file}`, import.meta.url), 'utf8')) as T;
const current = read<CurrentUnit[]>('current.json');
const history = read<HistoricUnit[]>('history.json');
const lineage = read<LineageEntry[]>('lineage.json');
const hamlets = read<Hamlet[]>('demo-hamlets.json');

const old = new Map(history.map((u) => [u.code, u]));
const entryOf = (code: string) => lineage.find((e) => e.code === code)!;
/** "Xã Long Hoà / Huyện Phú Tân / Tỉnh An Giang" for each predecessor, NFC, sorted. */
const origins = (code: string) =>
  entryOf(code)
    .predecessors.map((c) => {
      const u = old.get(c)!;
      return [u.fullName, old.get(u.parentCode!)!.fullName, old.get(u.provinceCode)!.fullName].join(' / ');
    })
    .sort();

describe('current units', () => {
  it('has 34 provinces and 3,321 communes, wards and special zones', () => {
    expect(current.filter((u) => !u.provinceCode)).toHaveLength(34);
    const communes = current.filter((u) => u.provinceCode);
    expect(communes).toHaveLength(3321);
    expect(new Set(communes.map((u) => u.type))).toEqual(new Set(['commune', 'ward', 'special_zone']));
    expect(communes.filter((u) => u.type === 'special_zone')).toHaveLength(13);
  });

  it("spells names as the merger list does (its tone placement, not units-2025.json's)", () => {
    const unit = current.find((u) => u.code === '30790')!;
    expect(unit).toMatchObject({ name: 'Hòa Điền', fullName: 'Xã Hòa Điền' });
    expect(current.find((u) => u.code === '07147')?.name).toBe('Hiệp Hòa');
    // No word-final "oà"/"uỳ"-style placement is left ("Quý" is standard spelling).
    expect(current.filter((u) => u.provinceCode && /(oà|oá|oả|oã|oạ|(?<!q)uỳ|(?<!q)uý|(?<!q)uỷ|(?<!q)uỹ|(?<!q)uỵ)(?=\s|$)/iu.test(u.name))).toEqual([]);
  });

  it('stores Vietnamese text in NFC', () => {
    for (const u of current) expect(u.fullName).toBe(u.fullName.normalize('NFC'));
  });
});

describe('history', () => {
  it('has the 63 old provinces, their districts and communes', () => {
    expect(history.filter((u) => u.code.length === 2)).toHaveLength(63);
    expect(history.filter((u) => u.code.length === 3)).toHaveLength(696);
    expect(history.filter((u) => u.code.length === 5)).toHaveLength(10035);
    for (const u of history) if (u.parentCode) expect(old.has(u.parentCode)).toBe(true);
  });
});

describe('lineage', () => {
  it('covers every current unit with codes that exist', () => {
    expect(new Set(lineage.map((e) => e.code))).toEqual(new Set(current.map((u) => u.code)));
    for (const e of lineage) for (const c of e.predecessors) expect(old.has(c)).toBe(true);
  });

  it('links nearly every name (the rest are hamlets and non-units)', () => {
    const unmatched = lineage.flatMap((e) => e.unmatched);
    expect(unmatched.length).toBeLessThanOrEqual(4);
    expect(lineage.filter((e) => e.code.length === 5 && e.predecessors.length === 0)).toEqual([]);
  });

  it('knows which old provinces formed each new one', () => {
    const names = (code: string) =>
      entryOf(code)
        .predecessors.map((c) => old.get(c)!.name)
        .sort();
    expect(names('91')).toEqual(['An Giang', 'Kiên Giang']);
    expect(names('79')).toEqual(['Bà Rịa - Vũng Tàu', 'Bình Dương', 'Hồ Chí Minh']);
    expect(entryOf('46')).toMatchObject({ predecessors: ['46'], unchanged: true });
  });

  it('matches the field reports', () => {
    expect(origins('30421')).toEqual([
      'Xã Long Hoà / Huyện Phú Tân / Tỉnh An Giang',
      'Xã Phú Long / Huyện Phú Tân / Tỉnh An Giang',
      'Xã Phú Lâm / Huyện Phú Tân / Tỉnh An Giang',
    ]);
    expect(origins('03172')).toEqual([
      'Thị trấn Mường Chà / Huyện Mường Chà / Tỉnh Điện Biên',
      'Xã Ma Thì Hồ / Huyện Mường Chà / Tỉnh Điện Biên',
      'Xã Na Sang / Huyện Mường Chà / Tỉnh Điện Biên',
      'Xã Sa Lông / Huyện Mường Chà / Tỉnh Điện Biên',
    ]);
    expect(origins('09367')).toEqual([
      'Phường Phù Chẩn / Thành phố Từ Sơn / Tỉnh Bắc Ninh',
      'Phường Tân Hồng / Thành phố Từ Sơn / Tỉnh Bắc Ninh',
      'Phường Đình Bảng / Thành phố Từ Sơn / Tỉnh Bắc Ninh',
      'Phường Đông Ngàn / Thành phố Từ Sơn / Tỉnh Bắc Ninh',
    ]);
    expect(origins('12064')).toEqual([
      'Xã Liêu Xá / Huyện Yên Mỹ / Tỉnh Hưng Yên',
      'Xã Nguyễn Văn Linh / Huyện Yên Mỹ / Tỉnh Hưng Yên',
      'Xã Ngọc Long / Huyện Yên Mỹ / Tỉnh Hưng Yên',
    ]);
    expect(origins('30790')).toEqual(['Xã Hòa Điền / Huyện Kiên Lương / Tỉnh Kiên Giang', 'Xã Kiên Bình / Huyện Kiên Lương / Tỉnh Kiên Giang']);
  });

  it('takes a whole district for a special zone, and a district without communes as itself', () => {
    expect(origins('31108')).toHaveLength(4);
    expect(entryOf('11948').predecessors.map((c) => old.get(c)!.fullName)).toEqual(['Huyện Bạch Long Vĩ']);
  });

  it('records partial transfers on every new unit that got a part', () => {
    const boDe = history.find((u) => u.fullName === 'Phường Bồ Đề')!.code;
    const into = lineage.filter((e) => e.predecessors.includes(boDe));
    expect(into.length).toBeGreaterThanOrEqual(3);
    expect(into.filter((e) => !e.partial?.includes(boDe)).map((e) => e.code)).toEqual(['00118']);
  });
});

describe('demo hamlets', () => {
  it.each(['30421', '30790'])('gives %s 6–10 hamlets named after its old communes', (unitCode) => {
    const list = hamlets.filter((h) => h.unitCode === unitCode);
    expect(list.length).toBeGreaterThanOrEqual(6);
    expect(list.length).toBeLessThanOrEqual(10);
    const oldNames = entryOf(unitCode).predecessors.map((c) => old.get(c)!.name);
    for (const h of list) {
      expect(h.code).toMatch(new RegExp(`^${unitCode}-\\d{2}$`));
      expect(h.kind).toBe('ap');
      expect(oldNames.some((n) => h.name.startsWith(`Ấp ${n}`))).toBe(true);
      expect(Number.isInteger(h.distanceKm) && h.distanceKm >= 1 && h.distanceKm <= 25).toBe(true);
      expect(Number.isInteger(h.travelMinutes) && h.travelMinutes > h.distanceKm).toBe(true);
    }
    expect(new Set(list.map((h) => h.code)).size).toBe(list.length);
  });
});
