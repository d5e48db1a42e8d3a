import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/access.ts';
import { communesOf, covers, provinceOf, unitIndex, unitOf } from './index.ts';

const official = (unitCodes: string[]): Actor => ({ kind: 'official', userId: 'u', fullName: 'Cán bộ', roles: ['receptionist'], unitCodes, via: 'session' });

describe('the units port', () => {
  it('lists every commune of a province, each once, and nothing else', () => {
    const all = [...unitIndex().current.values()];
    const provinces = all.filter((u) => !u.provinceCode);
    const listed = provinces.flatMap((p) => communesOf(p.code));
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.sort()).toEqual(
      all
        .filter((u) => u.provinceCode)
        .map((u) => u.code)
        .sort(),
    );
    for (const p of provinces) for (const c of communesOf(p.code)) expect(provinceOf(c)).toBe(p.code);
    expect(communesOf('30421')).toEqual([]);
  });

  it('looks units up by code, provinces having no province', () => {
    const commune = unitOf('30421');
    expect(commune?.type).not.toBe('province');
    const province = unitOf(provinceOf('30421')!);
    expect(province?.type).toBe('province');
    expect(provinceOf(province!.code)).toBeNull();
    expect(unitOf('99999')).toBeUndefined();
    expect(provinceOf('99999')).toBeNull();
  });

  it('says an official covers the units on the account only, not the communes of a province on it', () => {
    const province = provinceOf('30421')!;
    expect(covers(official(['30421']), '30421')).toBe(true);
    expect(covers(official(['30421']), '30790')).toBe(false);
    expect(covers(official([province]), '30421')).toBe(false);
    expect(covers({ kind: 'citizen', subject: 's', idNumber: '089095001234', fullName: 'An' }, '30421')).toBe(false);
    expect(covers({ kind: 'anonymous' }, '30421')).toBe(false);
  });
});
