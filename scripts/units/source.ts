/** Reads the upstream admin-unit files (shared data, build time only) into the project's shapes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nfc, toneKey } from '@motcua/core/text';
import { splitUnitName } from '@motcua/core/units';
import type { CurrentUnit, CurrentUnitType, HistoricUnit, HistoricUnitType } from '@motcua/core/units';

interface RawWard2025 {
  Code: string;
  Name: string;
  NameEn: string;
  FullName: string;
  FullNameEn: string;
  ProvinceCode: string;
  AdministrativeUnitId: number;
}
interface RawProvince2025 extends Omit<RawWard2025, 'ProvinceCode'> {
  AdministrativeUnitShortName: string;
  Wards: RawWard2025[];
}
interface RawOldProvince {
  Code: string;
  FullName: string;
  District: { Code: string; FullName: string; Ward: { Code: string; FullName: string }[] | null }[];
}
export interface MergerRow {
  ma: string;
  ten: string;
  magoc: string;
  truocsapnhap: string;
}

export interface SourceData {
  current: CurrentUnit[];
  history: HistoricUnit[];
  merger: MergerRow[];
}

const COMMUNE_TYPES: Record<number, CurrentUnitType> = { 3: 'ward', 4: 'commune', 5: 'special_zone' };

const HISTORIC_TYPES: Record<string, HistoricUnitType> = {
  '2:tỉnh': 'province',
  '2:thành phố': 'city',
  '3:huyện': 'district',
  '3:quận': 'urban_district',
  '3:thị xã': 'town',
  '3:thành phố': 'provincial_city',
  '5:xã': 'commune',
  '5:phường': 'ward',
  '5:thị trấn': 'township',
};

function readJson<T>(dir: string, file: string): T {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
}

function historic(code: string, rawFullName: string, provinceCode: string, parentCode?: string): HistoricUnit {
  // The source doubles a type word once ("Phường Phường Đúc").
  const fullName = rawFullName.replace(/^(\p{L}+) \1 /u, '$1 ');
  const { prefix, name } = splitUnitName(fullName);
  const type = HISTORIC_TYPES[`${code.length}:${prefix}`];
  if (!type) throw new Error(`Unknown unit type in "${fullName}" (${code})`);
  return { code, name: nfc(name), fullName: nfc(fullName), type, ...(parentCode ? { parentCode } : {}), provinceCode };
}

export function loadSource(dir: string): SourceData {
  const provinces2025 = readJson<RawProvince2025[]>(dir, 'units-2025.json');
  const current: CurrentUnit[] = [];
  for (const p of provinces2025) {
    current.push({
      code: p.Code,
      name: nfc(p.Name),
      nameEn: p.NameEn,
      fullName: nfc(p.FullName),
      fullNameEn: p.FullNameEn,
      type: p.AdministrativeUnitShortName === 'Thành phố' ? 'city' : 'province',
    });
  }
  for (const p of provinces2025) {
    for (const w of p.Wards) {
      const type = COMMUNE_TYPES[w.AdministrativeUnitId];
      if (!type) throw new Error(`Unknown unit type ${w.AdministrativeUnitId} for ${w.Code}`);
      current.push({
        code: w.Code,
        name: nfc(w.Name),
        nameEn: w.NameEn,
        fullName: nfc(w.FullName),
        fullNameEn: w.FullNameEn,
        type,
        provinceCode: w.ProvinceCode,
      });
    }
  }

  const history: HistoricUnit[] = [];
  for (const p of readJson<RawOldProvince[]>(dir, 'units-before-2025-07.json')) {
    history.push(historic(p.Code, p.FullName, p.Code));
    for (const d of p.District) {
      history.push(historic(d.Code, d.FullName, p.Code, p.Code));
      for (const w of d.Ward ?? []) history.push(historic(w.Code, w.FullName, p.Code, d.Code));
    }
  }

  const merger = readJson<MergerRow[]>(dir, 'merger-2025.json').map((r) => ({
    ma: r.ma,
    ten: nfc(r.ten),
    magoc: r.magoc,
    truocsapnhap: nfc(r.truocsapnhap),
  }));
  return { current, history, merger };
}

const BASE_LETTERS = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/**
 * Commune names as the merger list (the resolutions' own list) spells them: units-2025.json writes
 * some with the old tone placement ("Xã Hoà Điền" for the list's "Xã Hòa Điền", 30790). Only the
 * placement of a tone mark is taken over: same letters, same case, same tones.
 */
export function withMergerSpelling(current: CurrentUnit[], merger: MergerRow[]): CurrentUnit[] {
  const rows = merger.filter((r) => r.magoc !== '0');
  const byCode = new Map(rows.map((r) => [r.ma, r.ten]));
  // The list misnumbers a few rows (Phường Hiệp Hòa, 07147, is listed as 00071): then province + name.
  const byName = new Map<string, string[]>();
  for (const r of rows) byName.set(`${r.magoc}|${toneKey(r.ten)}`, [...(byName.get(`${r.magoc}|${toneKey(r.ten)}`) ?? []), r.ten]);
  return current.map((u) => {
    const named = byName.get(`${u.provinceCode}|${toneKey(u.fullName)}`);
    const listed = u.provinceCode ? (byCode.get(u.code) ?? (named?.length === 1 ? named[0] : undefined)) : undefined;
    if (!listed || listed === u.fullName || toneKey(listed) !== toneKey(u.fullName) || BASE_LETTERS(listed) !== BASE_LETTERS(u.fullName)) return u;
    const { name } = splitUnitName(listed);
    return { ...u, name: nfc(name), fullName: nfc(listed) };
  });
}
