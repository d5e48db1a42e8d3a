import type { Db } from '../../db/database.ts';
import { UnitsStore, type Hamlet } from './store.ts';

/**
 * The units module's port. Units are static reference data: other modules look them up in the
 * in-memory index (the same rows the `unit` table is seeded from), never in the table. Hamlets
 * are edited by commune administrators, so they are read from this module's table here.
 */
export { UnitsService } from './service.ts';
export { HAMLET_KINDS } from '@motcua/core/api';
export { communesOf, covers, provinceOf, unitIndex, unitOf } from './lookup.ts';
export { agencyCodeOf, derivedAgencyCode } from './agency.ts';
export { unitsRoutes } from './routes.ts';
export type { Hamlet } from './store.ts';
export type { CurrentUnit } from '@motcua/core/units';

/** A hamlet by code (active or not). Pass the transaction when inside one: PGlite has a single connection. */
export function hamletOf(db: Db, code: string): Promise<Hamlet | undefined> {
  return new UnitsStore(db).getHamlet(code);
}

/** A unit's hamlets, inactive ones included, in code order. */
export function hamletsOf(db: Db, unitCode: string): Promise<Hamlet[]> {
  return new UnitsStore(db).hamletsByCode(unitCode);
}

/** Every hamlet of every unit (demo data seeding). */
export function allHamlets(db: Db): Promise<Hamlet[]> {
  return new UnitsStore(db).allHamlets();
}
