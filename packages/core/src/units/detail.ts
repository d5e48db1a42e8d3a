import type { UnitIndex } from './unit-index.ts';
import type { CurrentUnit, HistoricUnit } from './types.ts';

/** An old unit with its old district and province spelled out. */
export interface HistoricPlace extends HistoricUnit {
  district?: HistoricUnit;
  province?: HistoricUnit;
  /** "Xã Long Hòa, Huyện Phú Tân, Tỉnh An Giang". */
  path: string;
  /** Only part of it went into the unit asked about. */
  partial?: boolean;
}

export interface UnitDetail {
  /** The current unit with this code, if any. */
  unit: CurrentUnit | null;
  /** Its province, for a commune. */
  province: CurrentUnit | null;
  /** Old units that formed it. */
  predecessors: HistoricPlace[];
  unchanged: boolean;
  /** The pre-2025 unit with this code, if any (old and current codes overlap). */
  old: HistoricPlace | null;
  /** For an old code: the current unit(s) it went into, main one first (several if it was split). */
  successors: CurrentUnit[];
}

export function historicPlace(index: UnitIndex, unit: HistoricUnit, partial = false): HistoricPlace {
  const parent = unit.parentCode ? index.historic.get(unit.parentCode) : undefined;
  const district = parent && parent.code.length === 3 ? parent : undefined;
  const province = unit.code.length === 2 ? undefined : index.historic.get(unit.provinceCode);
  const path = [unit, district, province]
    .filter((u): u is HistoricUnit => !!u)
    .map((u) => u.fullName)
    .join(', ');
  return {
    ...unit,
    ...(district ? { district } : {}),
    ...(province ? { province } : {}),
    path,
    ...(partial ? { partial } : {}),
  };
}

/** Codes an old unit went into; for an old district, those of its communes (or its own, for a special zone). */
function successorCodes(index: UnitIndex, old: HistoricUnit): string[] {
  const own = index.successors.get(old.code) ?? [];
  if (old.code.length !== 3) return own;
  const codes = new Set(own);
  for (const child of index.children.get(old.code) ?? []) {
    for (const c of index.successors.get(child) ?? []) codes.add(c);
  }
  return [...codes];
}

/** The unit with this code, current and/or old, with its lineage both ways; null if unknown. */
export function unitDetail(index: UnitIndex, code: string): UnitDetail | null {
  const unit = index.current.get(code) ?? null;
  const oldUnit = index.historic.get(code) ?? null;
  if (!unit && !oldUnit) return null;
  const entry = unit ? index.lineage.get(code) : undefined;
  const predecessors = (entry?.predecessors ?? [])
    .map((c) => index.historic.get(c))
    .filter((u): u is HistoricUnit => !!u)
    .map((u) => historicPlace(index, u, entry?.partial?.includes(u.code) ?? false));
  return {
    unit,
    province: unit?.provinceCode ? (index.current.get(unit.provinceCode) ?? null) : null,
    predecessors,
    unchanged: entry?.unchanged ?? false,
    old: oldUnit ? historicPlace(index, oldUnit) : null,
    successors: oldUnit
      ? successorCodes(index, oldUnit)
          .map((c) => index.current.get(c))
          .filter((u): u is CurrentUnit => !!u)
      : [],
  };
}
