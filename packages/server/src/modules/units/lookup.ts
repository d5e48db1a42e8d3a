import { buildUnitIndex, type CurrentUnit, type UnitIndex } from '@motcua/core/units';
import type { Actor } from '../../platform/access.ts';
import { loadUnitData } from './data.ts';

let sharedIndex: UnitIndex | undefined;

/** The map is static reference data: built once per process, shared by every app instance. */
export function unitIndex(): UnitIndex {
  sharedIndex ??= buildUnitIndex(loadUnitData());
  return sharedIndex;
}

/** A unit in force (province or commune) by code. */
export function unitOf(code: string): CurrentUnit | undefined {
  return unitIndex().current.get(code);
}

/** The province a commune, ward or special zone lies in; null for provinces and unknown codes. */
export function provinceOf(code: string): string | null {
  return unitOf(code)?.provinceCode ?? null;
}

let byProvince: Map<string, string[]> | undefined;

/** Codes of the communes, wards and special zones of a province, in code order. */
export function communesOf(provinceCode: string): string[] {
  if (!byProvince) {
    byProvince = new Map();
    for (const u of unitIndex().current.values()) {
      if (!u.provinceCode) continue;
      const list = byProvince.get(u.provinceCode) ?? [];
      list.push(u.code);
      byProvince.set(u.provinceCode, list);
    }
    for (const list of byProvince.values()) list.sort();
  }
  return byProvince.get(provinceCode) ?? [];
}

/**
 * The one answer to "does this official work in this unit": the unit is on the official's
 * account. A province code on an account does not reach the province's communes here; where a
 * role's reach is a whole province, the who-sees-what policy (platform/privacy.ts) decides with
 * provinceOf().
 */
export function covers(actor: Actor, unitCode: string): boolean {
  return actor.kind === 'official' && actor.unitCodes.includes(unitCode);
}
