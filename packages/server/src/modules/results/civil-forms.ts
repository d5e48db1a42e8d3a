// The result documents the law prescribes for the commonest civil-status procedures, as data:
// which items the form prints, in the form's order, where each value comes from, which register
// numbers it and who signs. Sources and what could not be confirmed: docs/rules.md, "Result
// documents". Procedures without an entry here get the generic notice (inputs.ts).
import type { Applicant } from '@motcua/core/api';
import type { CivilBlock } from './documents/index.ts';
import type { RegisterKind } from './register.ts';

/** What a form's items are filled from. */
export interface FormContext {
  /** A form answer as printed (choices by title, dates dd/mm/yyyy); '' when not given. */
  text(key: string): string;
  /** The year of a date answer ("năm sinh" of a parent); '' when not given. */
  year(key: string): string;
  applicant: Applicant;
  /** "Ủy ban nhân dân xã Phú Lâm, tỉnh An Giang": the registering authority. */
  registeredBy: string;
  /** dd/mm/yyyy of the registration (the day the result is signed). */
  registeredOn: string;
}

export type SignerStyle =
  /** "NGƯỜI KÝ TRÍCH LỤC" over the signer's position: the extracts of Circular 04/2020/TT-BTP. */
  | 'extract'
  /** On behalf of the People's Committee (TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH for a deputy), Decree 30/2020/NĐ-CP Appendix I. */
  | 'committee';

export interface CivilForm {
  /** The form and the text that prescribes it, printed nowhere, kept for review. */
  source: string;
  register: RegisterKind;
  /** Title as the form prints it, and the name lists and the verify page show. */
  title: string;
  listTitle: string;
  /** Printed after the number, e.g. "/UBND-XNTTHN" on the marital-status confirmation. */
  numberSuffix: string;
  /** Civil-status books print "Quyển số"; the confirmation's register has none on the form. */
  printBook: boolean;
  signer: SignerStyle;
  blocks(c: FormContext): CivilBlock[];
}

const field = (label: string, value: string): CivilBlock => ({ kind: 'field', label, value });
/** Items the form prints on one line. */
const line = (...pairs: [string, string][]): CivilBlock => ({ kind: 'fields', items: pairs.map(([label, value]) => ({ label, value })) });
const SEX: Record<Applicant['sex'], string> = { male: 'Nam', female: 'Nữ' };
const isoToVn = (iso: string) => iso.split('-').reverse().join('/');

/** Trích lục khai sinh: items of the birth register (Law on Civil Status 2014 art. 14(1)) in the form's order. */
const BIRTH_EXTRACT: CivilForm = {
  source: 'Trích lục khai sinh, Thông tư 04/2020/TT-BTP (Phụ lục), sửa đổi bởi Thông tư 03/2023/TT-BTP; nội dung: Luật Hộ tịch 2014 điều 14 khoản 1',
  register: 'birth',
  title: 'TRÍCH LỤC KHAI SINH',
  listTitle: 'Trích lục khai sinh (bản điện tử)',
  numberSuffix: '',
  printBook: true,
  signer: 'extract',
  blocks: (c) => [
    field('Họ, chữ đệm, tên', c.text('childFullName')),
    field('Ngày, tháng, năm sinh', c.text('childDateOfBirth')),
    line(['Giới tính', c.text('childSex')], ['Dân tộc', c.text('childEthnicity')], ['Quốc tịch', c.text('childNationality')]),
    field('Nơi sinh', c.text('childPlaceOfBirth')),
    field('Quê quán', c.text('childHometown')),
    // Assigned by the national population database, which Motcua does not reach: left blank.
    field('Số định danh cá nhân', ''),
    field('Họ, chữ đệm, tên người mẹ', c.text('motherFullName')),
    line(['Năm sinh', c.year('motherDateOfBirth')], ['Dân tộc', c.text('motherEthnicity')], ['Quốc tịch', c.text('motherNationality')]),
    field('Nơi cư trú', c.text('motherResidence')),
    field('Họ, chữ đệm, tên người cha', c.text('fatherFullName')),
    line(['Năm sinh', c.year('fatherDateOfBirth')], ['Dân tộc', c.text('fatherEthnicity')], ['Quốc tịch', c.text('fatherNationality')]),
    field('Nơi cư trú', c.text('fatherResidence')),
    field('Họ, chữ đệm, tên người đi khai sinh', c.applicant.fullName),
    field('Giấy tờ tùy thân', `Căn cước số ${c.applicant.idNumber}`),
    field('Nơi đăng ký khai sinh', c.registeredBy),
    field('Ngày, tháng, năm đăng ký', c.registeredOn),
  ],
};

/** Trích lục khai tử. */
const DEATH_EXTRACT: CivilForm = {
  source: 'Trích lục khai tử, Thông tư 04/2020/TT-BTP (Phụ lục), sửa đổi bởi Thông tư 03/2023/TT-BTP',
  register: 'death',
  title: 'TRÍCH LỤC KHAI TỬ',
  listTitle: 'Trích lục khai tử (bản điện tử)',
  numberSuffix: '',
  printBook: true,
  signer: 'extract',
  blocks: (c) => [
    field('Họ, chữ đệm, tên', c.text('deceasedFullName')),
    field('Ngày, tháng, năm sinh', c.text('deceasedDateOfBirth')),
    line(['Giới tính', c.text('deceasedSex')], ['Dân tộc', c.text('deceasedEthnicity')], ['Quốc tịch', c.text('deceasedNationality')]),
    field('Số định danh cá nhân', c.text('deceasedCccd')),
    field('Nơi cư trú cuối cùng', c.text('deceasedResidence')),
    field('Đã chết vào lúc', [c.text('timeOfDeath'), c.text('dateOfDeath') && `ngày ${c.text('dateOfDeath')}`].filter(Boolean).join(', ')),
    field('Nơi chết', c.text('placeOfDeath')),
    field('Nguyên nhân chết', c.text('causeOfDeath')),
    field(
      'Giấy báo tử/Giấy tờ thay thế Giấy báo tử',
      [c.text('deathNoticeKind'), c.text('deathNoticeNumber') && `số ${c.text('deathNoticeNumber')}`].filter(Boolean).join(' '),
    ),
    field('Họ, chữ đệm, tên người đi khai tử', c.applicant.fullName),
    field('Giấy tờ tùy thân', `Căn cước số ${c.applicant.idNumber}`),
    field('Nơi đăng ký khai tử', c.registeredBy),
    field('Ngày, tháng, năm đăng ký', c.registeredOn),
  ],
};

/** Giấy chứng nhận kết hôn: the items of Law on Civil Status 2014 art. 17(2), wife and husband side by side. */
const MARRIAGE_CERTIFICATE: CivilForm = {
  source: 'Giấy chứng nhận kết hôn, Thông tư 04/2020/TT-BTP (Phụ lục), sửa đổi bởi Thông tư 03/2023/TT-BTP; nội dung: Luật Hộ tịch 2014 điều 17 khoản 2',
  register: 'marriage',
  title: 'GIẤY CHỨNG NHẬN KẾT HÔN',
  listTitle: 'Giấy chứng nhận kết hôn (bản điện tử)',
  numberSuffix: '',
  printBook: true,
  signer: 'committee',
  blocks: (c) => [
    {
      kind: 'parties',
      columns: ['Thông tin người vợ', 'Thông tin người chồng'],
      rows: [
        ['Họ, chữ đệm, tên', 'FullName'],
        ['Ngày, tháng, năm sinh', 'DateOfBirth'],
        ['Dân tộc', 'Ethnicity'],
        ['Quốc tịch', 'Nationality'],
        ['Nơi cư trú', 'Residence'],
        ['Giấy tờ tùy thân', 'Cccd'],
      ].map(([label, key]) => ({ label: label!, values: [c.text(`wife${key}`), c.text(`husband${key}`)] })),
    },
    field('Nơi đăng ký', c.registeredBy),
    field('Ngày, tháng, năm đăng ký', c.registeredOn),
  ],
};

/**
 * Giấy xác nhận tình trạng hôn nhân, Thông tư 04/2020/TT-BTP (Phụ lục); how "Tình trạng hôn nhân"
 * is written: the same circular, art. 33; valid 6 months: Decree 123/2015/NĐ-CP art. 23.
 */
const MARITAL_STATUS: CivilForm = {
  source: 'Giấy xác nhận tình trạng hôn nhân, Thông tư 04/2020/TT-BTP (Phụ lục); cách ghi: điều 33; thời hạn: Nghị định 123/2015/NĐ-CP điều 23',
  register: 'marital_status',
  title: 'GIẤY XÁC NHẬN TÌNH TRẠNG HÔN NHÂN',
  listTitle: 'Giấy xác nhận tình trạng hôn nhân (bản điện tử)',
  numberSuffix: '/UBND-XNTTHN',
  printBook: false,
  signer: 'committee',
  blocks: (c) => {
    const a = c.applicant;
    const purpose = c.text('purposeDetail') || c.text('purpose');
    return [
      { kind: 'paragraph', text: `Xét đề nghị của ông/bà: ${a.fullName} về việc cấp Giấy xác nhận tình trạng hôn nhân cho ${a.fullName}.` },
      { kind: 'heading', text: 'XÁC NHẬN:' },
      field('Họ, chữ đệm, tên', a.fullName),
      field('Ngày, tháng, năm sinh', isoToVn(a.birthDate)),
      // Dân tộc is not collected by the application form: left blank rather than guessed.
      line(['Giới tính', SEX[a.sex]], ['Dân tộc', ''], ['Quốc tịch', 'Việt Nam']),
      field('Giấy tờ tùy thân', `Căn cước số ${a.idNumber}`),
      field('Nơi cư trú', a.addressLine),
      ...(c.text('previousResidences') ? [field('Trong thời gian cư trú tại', c.text('previousResidences'))] : []),
      field('Tình trạng hôn nhân', c.text('maritalStatus')),
      {
        kind: 'paragraph',
        text: `Giấy này có giá trị sử dụng trong thời hạn 6 tháng, kể từ ngày cấp, được sử dụng để: ${purpose}${c.text('intendedSpouseFullName') ? ` với ${c.text('intendedSpouseFullName')}` : ''}.`,
      },
    ];
  },
};

/** By procedure code (the catalog's); re-registrations issue the same documents. */
export const CIVIL_FORMS: Readonly<Record<string, CivilForm>> = {
  '1.001193': BIRTH_EXTRACT, // Đăng ký khai sinh
  '1.000656': DEATH_EXTRACT, // Đăng ký khai tử
  '1.000894': MARRIAGE_CERTIFICATE, // Đăng ký kết hôn
  '1.004873': MARITAL_STATUS, // Cấp Giấy xác nhận tình trạng hôn nhân
};

/**
 * The lines above the signer's name. A deputy signs "KT." (ký thay) for the chairman, and either
 * signs "TM." (thay mặt) for the committee: Decree 30/2020/NĐ-CP, Appendix I, section II.8.
 */
export function signerLines(style: SignerStyle, jobTitle: string | null): { above: string[]; heading: string } {
  const t = (jobTitle ?? '').toLocaleLowerCase('vi');
  const position = t.startsWith('phó chủ tịch') ? 'PHÓ CHỦ TỊCH' : t.startsWith('chủ tịch') ? 'CHỦ TỊCH' : jobTitle ? jobTitle.toLocaleUpperCase('vi') : '';
  if (style === 'extract') return position ? { above: ['NGƯỜI KÝ TRÍCH LỤC'], heading: position } : { above: [], heading: 'NGƯỜI KÝ TRÍCH LỤC' };
  if (position === 'PHÓ CHỦ TỊCH') return { above: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'], heading: position };
  if (position === 'CHỦ TỊCH') return { above: ['TM. ỦY BAN NHÂN DÂN'], heading: position };
  return position ? { above: [], heading: position } : { above: [], heading: 'TM. ỦY BAN NHÂN DÂN' };
}
