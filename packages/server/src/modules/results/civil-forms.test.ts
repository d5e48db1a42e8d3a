import { describe, expect, it } from 'vitest';
import { CIVIL_FORMS, signerLines, type FormContext } from './civil-forms.ts';

const ctx: FormContext = {
  text: (key) => `<${key}>`,
  year: (key) => `<year ${key}>`,
  applicant: {
    idNumber: '089095001234',
    fullName: 'Nguyễn Văn An',
    birthDate: '1995-01-10',
    sex: 'male',
    phone: '0912345678',
    unitCode: '30421',
    hamlet: null,
    addressLine: 'Ấp Phú Hưng',
  },
  registeredBy: 'Ủy ban nhân dân xã Phú Lâm, tỉnh An Giang',
  registeredOn: '02/03/2026',
};

/** The form's items as "label=value", in print order. */
function items(code: string): string[] {
  return CIVIL_FORMS[code]!.blocks(ctx).flatMap((b) =>
    b.kind === 'field' ? [`${b.label}=${b.value}`] : b.kind === 'fields' ? b.items.map((i) => `${i.label}=${i.value}`) : [],
  );
}

describe('Trích lục khai sinh (Circular 04/2020/TT-BTP; items of Law on Civil Status 2014 art. 14(1))', () => {
  it('lists the child, then the mother, the father, the declarant and the registration, name before sex', () => {
    expect(items('1.001193')).toEqual([
      'Họ, chữ đệm, tên=<childFullName>',
      'Ngày, tháng, năm sinh=<childDateOfBirth>',
      'Giới tính=<childSex>',
      'Dân tộc=<childEthnicity>',
      'Quốc tịch=<childNationality>',
      'Nơi sinh=<childPlaceOfBirth>',
      'Quê quán=<childHometown>',
      'Số định danh cá nhân=',
      'Họ, chữ đệm, tên người mẹ=<motherFullName>',
      'Năm sinh=<year motherDateOfBirth>',
      'Dân tộc=<motherEthnicity>',
      'Quốc tịch=<motherNationality>',
      'Nơi cư trú=<motherResidence>',
      'Họ, chữ đệm, tên người cha=<fatherFullName>',
      'Năm sinh=<year fatherDateOfBirth>',
      'Dân tộc=<fatherEthnicity>',
      'Quốc tịch=<fatherNationality>',
      'Nơi cư trú=<fatherResidence>',
      'Họ, chữ đệm, tên người đi khai sinh=Nguyễn Văn An',
      'Giấy tờ tùy thân=Căn cước số 089095001234',
      'Nơi đăng ký khai sinh=Ủy ban nhân dân xã Phú Lâm, tỉnh An Giang',
      'Ngày, tháng, năm đăng ký=02/03/2026',
    ]);
  });

  it('numbers each form in its own register', () => {
    expect(Object.fromEntries(Object.entries(CIVIL_FORMS).map(([code, f]) => [code, f.register]))).toEqual({
      '1.001193': 'birth',
      '1.000656': 'death',
      '1.000894': 'marriage',
      '1.004873': 'marital_status',
    });
  });
});

describe('signer lines (Decree 30/2020/NĐ-CP, Appendix I: KT. for a deputy, TM. for the committee)', () => {
  it('prints a deputy chairman as KT. CHỦ TỊCH / PHÓ CHỦ TỊCH under TM. ỦY BAN NHÂN DÂN', () => {
    expect(signerLines('committee', 'Phó Chủ tịch Ủy ban nhân dân')).toEqual({ above: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH'], heading: 'PHÓ CHỦ TỊCH' });
    expect(signerLines('committee', 'Chủ tịch Ủy ban nhân dân')).toEqual({ above: ['TM. ỦY BAN NHÂN DÂN'], heading: 'CHỦ TỊCH' });
  });
  it('prints the extract signer with the position, and invents none when it is not recorded', () => {
    expect(signerLines('extract', 'Phó Chủ tịch Ủy ban nhân dân')).toEqual({ above: ['NGƯỜI KÝ TRÍCH LỤC'], heading: 'PHÓ CHỦ TỊCH' });
    expect(signerLines('extract', null)).toEqual({ above: [], heading: 'NGƯỜI KÝ TRÍCH LỤC' });
    expect(signerLines('committee', null)).toEqual({ above: [], heading: 'TM. ỦY BAN NHÂN DÂN' });
    expect(signerLines('committee', 'Công chức Tư pháp - Hộ tịch')).toEqual({ above: [], heading: 'CÔNG CHỨC TƯ PHÁP - HỘ TỊCH' });
  });
});
