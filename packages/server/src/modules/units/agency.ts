import { defaultAgencyCode } from '@motcua/core/dossier';
import type { Db } from '../../db/database.ts';
import { communesOf, unitOf } from './lookup.ts';

/**
 * The agency identifier a commune's dossier codes carry (Circular 01/2018/TT-VPCP art. 19): the
 * one recorded for the unit, or else the default derivation of core's defaultAgencyCode (the
 * commune's place among its province's communes) — documented as a derivation in docs/rules.md.
 */
export function derivedAgencyCode(unitCode: string): string | null {
  const unit = unitOf(unitCode);
  if (!unit?.provinceCode) return null;
  return defaultAgencyCode(unit.provinceCode, communesOf(unit.provinceCode).indexOf(unitCode) + 1);
}

/** The unit's agency identifier now (recorded, else derived); null for an unknown unit. Pass the transaction when inside one. */
export async function agencyCodeOf(db: Db, unitCode: string): Promise<string | null> {
  const row = await db.selectFrom('unit').select('agency_code').where('code', '=', unitCode).executeTakeFirst();
  return row?.agency_code ?? derivedAgencyCode(unitCode);
}
