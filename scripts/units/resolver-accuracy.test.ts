/**
 * The resolver on the test set drawn from the merger list (issue #12's must-show): ≥ 99% right with
 * the old district, ≥ 97% without, no wrong answer above confidence 0.9; and the reported cases.
 */
import { describe, expect, it } from 'vitest';
import { buildUnitIndex, resolveAddress, type UnitData } from '@motcua/core/units';
import current from '../../packages/server/data/units/current.json' with { type: 'json' };
import history from '../../packages/server/data/units/history.json' with { type: 'json' };
import lineage from '../../packages/server/data/units/lineage.json' with { type: 'json' };
import { collisions, percent, resolverCases, score, STYLES } from './resolver-cases.ts';

const index = buildUnitIndex({ current, history, lineage } as UnitData);
const cases = resolverCases(index);
const resolve = (address: string) => resolveAddress(index, address);

describe('resolver test set', () => {
  it('holds at least 300 old addresses in five styles and every same-name collision, with and without the district', () => {
    const sample = cases.filter((c) => !c.collision);
    expect(new Set(sample.map((c) => c.oldCode)).size).toBeGreaterThanOrEqual(300);
    for (const style of STYLES) expect(sample.filter((c) => c.style === style).length).toBeGreaterThanOrEqual(120);
    const colliding = collisions(index);
    expect(colliding.length).toBeGreaterThanOrEqual(90);
    expect(new Set(cases.filter((c) => c.collision).map((c) => c.oldCode))).toEqual(new Set(colliding.map((u) => u.code)));
    expect(cases.filter((c) => c.withDistrict).length).toBe(cases.filter((c) => !c.withDistrict).length);
    // Deterministic: the same set every run.
    expect(resolverCases(index).map((c) => c.address)).toEqual(cases.map((c) => c.address));
  });

  it('reaches the goals: ≥ 99% with the district, ≥ 97% without, 0 wrong answers above 0.9', () => {
    const withDistrict = score(
      cases.filter((c) => c.withDistrict && c.determinate),
      resolve,
    );
    const without = score(
      cases.filter((c) => !c.withDistrict && c.determinate),
      resolve,
    );
    expect(percent(withDistrict.correct, withDistrict.total), JSON.stringify(withDistrict.failures.slice(0, 5))).toBeGreaterThanOrEqual(99);
    expect(percent(without.correct, without.total), JSON.stringify(without.failures.slice(0, 5))).toBeGreaterThanOrEqual(97);
    const all = score(cases, resolve);
    expect(all.failures.filter((f) => f.status !== 'ambiguous' && f.confidence > 0.9)).toEqual([]);
    // Ambiguous answers are not wrong, but stay rare where the address decides.
    expect(withDistrict.ambiguous + without.ambiguous).toBeLessThanOrEqual(10);
  });

  it('answers undecidable addresses with candidates rather than a confident guess', () => {
    const open = score(
      cases.filter((c) => !c.determinate),
      resolve,
    );
    expect(open.wrongConfident).toBe(0);
    expect(open.ambiguousWithRight).toBeGreaterThan(0);
  });
});

describe('old names that now belong to another commune (issue #12)', () => {
  it('reads an address with an old district through the lineage first', () => {
    const anMinh = resolve('Xã Đông Hưng, huyện An Minh, tỉnh Kiên Giang');
    expect(anMinh).toMatchObject({ status: 'resolved', unit: { code: '31018', fullName: 'Xã An Minh' }, oldStyle: true });
    expect(anMinh.matchedOld?.fullName).toBe('Xã Đông Hưng');
    expect(resolve('Phường Mường Thanh, TP. Điện Biên Phủ').unit?.code).toBe('03127');
    // Today's Xã Đông Hưng, written the new way, is still found.
    expect(resolve('Xã Đông Hưng, tỉnh An Giang').unit?.code).toBe('31036');
  });

  it('counts the written unit type: a Xã is not a Phường', () => {
    const r = resolve('Xã Phước Hưng, tỉnh Bà Rịa - Vũng Tàu');
    expect(r.unit?.type).toBe('commune');
    expect(r.matchedOld?.type).toBe('commune');
    expect(resolve('Phường Phước Hưng, tỉnh Bà Rịa - Vũng Tàu').matchedOld?.type).toBe('ward');
  });

  it('reads "thị xã", a state-farm township and a province that shares its old city\'s name', () => {
    // "Thị xã" is not "xã"; "Tỉnh Thanh Hóa" is not the old city Thanh Hóa (which had its own Phường Ba Đình).
    expect(resolve('Phường Ba Đình, Thị xã Bỉm Sơn, Tỉnh Thanh Hóa')).toMatchObject({ status: 'resolved', unit: { code: '14812' } });
    expect(resolve('Thị trấn Nông trường Việt Lâm, Huyện Vị Xuyên, Tỉnh Hà Giang')).toMatchObject({
      unit: { code: '00913' },
      matchedOld: { type: 'township' },
    });
    // With no type words, the old city Cao Bằng comes before the province Cao Bằng.
    expect(resolve('Vĩnh Quang, Cao Bằng, Cao Bằng').unit?.code).toBe('01279');
  });

  it('answers a near tie as ambiguous, with the candidates', () => {
    const r = resolve('Xã Long Hòa');
    expect(r.status).toBe('ambiguous');
    expect(r.candidates!.length).toBeGreaterThan(1);
    expect(r.candidates![0]!.unit).toEqual(r.unit);
    expect(r.confidence).toBeLessThan(0.3);
  });
});
