import { unitOf } from '../units/index.ts';
import type { IssuingUnit } from './documents/index.ts';

export interface Issuer {
  code: string;
  /** Header block, e.g. "ỦY BAN NHÂN DÂN XÃ PHÚ LÂM" under "TỈNH AN GIANG". */
  unit: IssuingUnit;
  /** "Ủy ban nhân dân xã Phú Lâm": the certificate's common name and the verify page's issuer. */
  displayName: string;
  /** "Ủy ban nhân dân xã Phú Lâm, tỉnh An Giang": the authority as civil-status forms name the place of registration. */
  placeOfRegistration: string;
}

/** "Xã Phú Lâm" → "xã Phú Lâm": the unit type is lower-case inside a sentence. */
function inSentence(fullName: string): string {
  return fullName.charAt(0).toLocaleLowerCase('vi') + fullName.slice(1);
}

/** The commune or ward's People's Committee as it heads its documents, from the units module's index. */
export function issuerOf(unitCode: string): Issuer {
  const issuer = findIssuer(unitCode);
  if (!issuer) throw new Error(`No unit ${unitCode}`);
  return issuer;
}

/** issuerOf, or undefined when no unit has that code. */
export function findIssuer(unitCode: string): Issuer | undefined {
  const unit = unitOf(unitCode);
  if (!unit) return undefined;
  const province = unit.provinceCode ? unitOf(unit.provinceCode) : undefined;
  const displayName = `Ủy ban nhân dân ${inSentence(unit.fullName)}`;
  return {
    code: unit.code,
    displayName,
    placeOfRegistration: province ? `${displayName}, ${inSentence(province.fullName)}` : displayName,
    unit: {
      ...(province ? { parentName: province.fullName.toLocaleUpperCase('vi') } : {}),
      name: `ỦY BAN NHÂN DÂN ${unit.fullName.toLocaleUpperCase('vi')}`,
      nameInText: displayName,
      place: unit.name,
    },
  };
}
