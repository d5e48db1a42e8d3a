import { foldKey } from '../text/index.ts';
import { FIELD_TYPES, type Discrepancy, type FieldType } from './types.ts';

/** Thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc (legal basis: the catalog entry, Luật Hộ tịch 2014). */
export const CORRECTION_PROCEDURE = '1.004859';
/** Đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân (legal basis: the catalog entry). */
export const LATE_BIRTH_PROCEDURE = '1.004772';

export interface Fix {
  /** Where the correction is made: the commune's civil-status book (a dossier) or the population data (the commune police). */
  route: 'civil_status_dossier' | 'population_update';
  /** The catalog procedure a dossier for this discrepancy is opened under; null when no dossier fits. */
  procedureCode: string | null;
  /** The correction form's `requestKind` (procedure 1.004859). */
  requestKind: 'cai_chinh' | 'bo_sung' | null;
}

const isField = (t: string): t is FieldType => (FIELD_TYPES as readonly string[]).includes(t);

/**
 * What fixes a discrepancy. A field that differs: a correction of the civil-status record (bổ sung
 * when the book lacks it, else cải chính) when the population side is likelier right, otherwise the
 * population data is updated by the commune police on the book's evidence; the desk may still open
 * a correction dossier when the citizen shows the book is wrong. No birth registration: a late birth
 * registration dossier. Deaths, duplicates and people missing from the population data: the police.
 */
export function fixFor(d: Pick<Discrepancy, 'type' | 'verdict'>): Fix {
  if (isField(d.type)) {
    const kind = d.verdict.reason === 'civil_status_incomplete' ? 'bo_sung' : 'cai_chinh';
    return { route: d.verdict.side === 'population' ? 'civil_status_dossier' : 'population_update', procedureCode: CORRECTION_PROCEDURE, requestKind: kind };
  }
  if (d.type === 'missing_in_civil_status') return { route: 'civil_status_dossier', procedureCode: LATE_BIRTH_PROCEDURE, requestKind: null };
  return { route: 'population_update', procedureCode: null, requestKind: null };
}

/** The hamlet a record names: its code, or its name anywhere in the text ("Ấp Phú Lâm 2, xã Phú Lâm"). */
export function findHamlet<H extends { code: string; name: string }>(text: string, hamlets: readonly H[]): H | null {
  const t = text.trim();
  if (!t) return null;
  const byCode = hamlets.find((h) => h.code === t);
  if (byCode) return byCode;
  const k = ` ${foldKey(t)} `;
  // Longest name first: "Ấp Phú Lâm 12" must not be read as "Ấp Phú Lâm 1".
  const sorted = [...hamlets].sort((a, b) => b.name.length - a.name.length);
  for (const h of sorted) {
    const name = foldKey(h.name);
    const bare = name.replace(/^(ap|thon|ban|xom|to dan pho|khu pho|to|khom|buon|lang|khu) /, '');
    if (k.includes(` ${name} `) || k === ` ${bare} ` || k.startsWith(` ${bare} `)) return h;
  }
  return null;
}

/** Each type's name, for notes and dossier texts (the screens have their own translations). */
export const TYPE_LABELS: Record<Discrepancy['type'], { vi: string; en: string }> = {
  name: { vi: 'Họ, chữ đệm và tên', en: 'Full name' },
  birth_date: { vi: 'Ngày, tháng, năm sinh', en: 'Date of birth' },
  sex: { vi: 'Giới tính', en: 'Sex' },
  ethnicity: { vi: 'Dân tộc', en: 'Ethnicity' },
  nationality: { vi: 'Quốc tịch', en: 'Nationality' },
  birth_place: { vi: 'Nơi sinh', en: 'Place of birth' },
  father_name: { vi: 'Họ tên cha', en: "Father's name" },
  mother_name: { vi: 'Họ tên mẹ', en: "Mother's name" },
  missing_in_population: { vi: 'Có khai sinh, chưa có trong dữ liệu dân cư', en: 'Birth registered, not in the population data' },
  missing_in_civil_status: { vi: 'Có trong dữ liệu dân cư, chưa có khai sinh', en: 'In the population data, no birth registration' },
  death_not_reflected: { vi: 'Đã khai tử, dữ liệu dân cư còn ghi còn sống', en: 'Death registered, population data still shows alive' },
  duplicate_person: { vi: 'Một người hai số định danh', en: 'One person under two IDs' },
};

/** Why one side is likelier right, in both languages, with its ground. */
export const VERDICT_TEXT: Record<Discrepancy['verdict']['reason'], { vi: string; en: string }> = {
  civil_status_is_original: {
    vi: 'Giấy khai sinh là giấy tờ hộ tịch gốc; giấy tờ khác phải phù hợp với nó (Điều 6 Nghị định 123/2015/NĐ-CP).',
    en: 'The birth certificate is the original civil-status paper; other papers must agree with it (Article 6, Decree 123/2015/ND-CP).',
  },
  civil_status_incomplete: { vi: 'Sổ hộ tịch thiếu thông tin này; dữ liệu dân cư có đủ.', en: 'The civil-status book lacks this; the population data has it.' },
  population_incomplete: {
    vi: 'Dữ liệu dân cư thiếu hoặc chỉ ghi năm; sổ hộ tịch ghi đủ.',
    en: 'The population data lacks it or holds the year only; the book has it in full.',
  },
  registered_death: { vi: 'Việc khai tử đã được đăng ký trong sổ hộ tịch.', en: 'The death is registered in the civil-status book.' },
  no_record: { vi: 'Bên kia không có bản ghi nào của người này.', en: 'The other side holds no record of this person.' },
  same_person_twice: { vi: 'Cùng họ tên, ngày sinh, giới tính và mẹ dưới hai số định danh.', en: 'Same name, birth date, sex and mother under two IDs.' },
};
