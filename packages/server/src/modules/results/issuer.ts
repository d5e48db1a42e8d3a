import type { Db } from '../../db/database.ts';
import type { IssuingUnit } from './documents/index.ts';

export interface Issuer {
  code: string;
  /** Header block, e.g. "ỦY BAN NHÂN DÂN XÃ PHÚ LÂM" under "TỈNH AN GIANG". */
  unit: IssuingUnit;
  /** "Ủy ban nhân dân xã Phú Lâm": the certificate's common name and the verify page's issuer. */
  displayName: string;
}

/** "Xã Phú Lâm" → "xã Phú Lâm": the unit type is lower-case inside a sentence. */
function inSentence(fullName: string): string {
  return fullName.charAt(0).toLocaleLowerCase('vi') + fullName.slice(1);
}

/** The commune or ward's People's Committee as it heads its documents, from the units table. */
export async function issuerOf(db: Db, unitCode: string): Promise<Issuer> {
  const issuer = await findIssuer(db, unitCode);
  if (!issuer) throw new Error(`No unit ${unitCode}`);
  return issuer;
}

/** issuerOf, or undefined when no unit has that code. */
export async function findIssuer(db: Db, unitCode: string): Promise<Issuer | undefined> {
  const unit = await db.selectFrom('unit').select(['code', 'name', 'full_name', 'province_code']).where('code', '=', unitCode).executeTakeFirst();
  if (!unit) return undefined;
  const province = unit.province_code ? await db.selectFrom('unit').select('full_name').where('code', '=', unit.province_code).executeTakeFirst() : undefined;
  const displayName = `Ủy ban nhân dân ${inSentence(unit.full_name)}`;
  return {
    code: unit.code,
    displayName,
    unit: {
      ...(province ? { parentName: province.full_name.toLocaleUpperCase('vi') } : {}),
      name: `ỦY BAN NHÂN DÂN ${unit.full_name.toLocaleUpperCase('vi')}`,
      nameInText: displayName,
      place: unit.name,
    },
  };
}
