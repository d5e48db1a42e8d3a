import { reachOf, type DataKind, type Reach, type Viewer } from '@motcua/core/privacy';
import type { Actor } from './access.ts';

/**
 * The one place that decides who may see which kind of data of which unit or person, by the
 * who-sees-what table of @motcua/core/privacy (Nghị định 13/2023/NĐ-CP; docs/privacy.md). Every
 * route that returns personal data asks here; the routes' `config.access` only says who may call
 * them at all, and `covers` (the units module) who may act in a unit.
 */

/** The platform itself (e.g. results signing a document) reads everything it processes. */
export type Reader = Actor | { kind: 'system'; name: string };

/** Where a piece of data lives: the unit holding it and whose it is. */
export interface DataPlace {
  /** The commune holding it (a dossier's current unit); null for data of no unit. */
  unitCode: string | null;
  /** That unit's province, for readers whose reach is a province. */
  provinceCode?: string | null;
  /** The citizen (CCCD) the data is about. */
  subjectIdNumber?: string | null;
  /** The official the data belongs to (their own account or upload). */
  officialId?: string | null;
}

export function viewersOf(actor: Actor): Viewer[] {
  if (actor.kind === 'anonymous') return ['anonymous'];
  if (actor.kind === 'citizen') return ['citizen'];
  return actor.roles;
}

export function reach(actor: Reader, kind: DataKind): Reach {
  if (actor.kind === 'system') return 'all';
  return reachOf(viewersOf(actor), kind);
}

/** Whether this caller may see this kind of data at this place. */
export function sees(actor: Reader, kind: DataKind, place: DataPlace): boolean {
  if (actor.kind === 'system') return true;
  const r = reach(actor, kind);
  switch (r) {
    case 'none':
      return false;
    case 'all':
      return true;
    case 'own':
      if (actor.kind === 'citizen') return !!place.subjectIdNumber && place.subjectIdNumber === actor.idNumber;
      return actor.kind === 'official' && !!place.officialId && place.officialId === actor.userId;
    case 'unit':
    case 'province':
      if (actor.kind !== 'official' || place.unitCode === null) return false;
      if (actor.unitCodes.includes(place.unitCode)) return true;
      return r === 'province' && !!place.provinceCode && actor.unitCodes.includes(place.provinceCode);
  }
}

export function seesAll(actor: Reader, kinds: readonly DataKind[], place: DataPlace): boolean {
  return kinds.every((k) => sees(actor, k, place));
}

/**
 * The units an official may see a kind of data in, for queries over many rows: data of a unit in
 * `units`, or of a unit whose province is in `provinces`, or anywhere when `all`.
 */
export interface UnitScope {
  all: boolean;
  units: string[];
  provinces: string[];
}

export const NO_UNITS: UnitScope = { all: false, units: [], provinces: [] };

export function unitScope(actor: Reader, kind: DataKind): UnitScope {
  if (actor.kind === 'system') return { all: true, units: [], provinces: [] };
  if (actor.kind !== 'official') return NO_UNITS;
  switch (reach(actor, kind)) {
    case 'all':
      return { all: true, units: [], provinces: [] };
    case 'province':
      return { all: false, units: [...actor.unitCodes], provinces: [...actor.unitCodes] };
    case 'unit':
      return { all: false, units: [...actor.unitCodes], provinces: [] };
    default:
      return NO_UNITS;
  }
}

export function isEmptyScope(scope: UnitScope): boolean {
  return !scope.all && scope.units.length === 0 && scope.provinces.length === 0;
}
