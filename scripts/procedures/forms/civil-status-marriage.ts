/** Forms for marriage registration and marital-status certificates (Luật Hộ tịch 2014). */
import type { FormSchema } from '../../../packages/core/src/catalog/types.ts';
import { choice, date, form, int, person, step, text, yesNo } from './fragments.ts';

const SPOUSE_PARTS = ['fullName', 'dateOfBirth', 'ethnicity', 'nationality', 'cccd', 'residence'] as const;

function spouseStep(prefix: 'wife' | 'husband') {
  const [vi, en, titleVi, titleEn] = prefix === 'wife' ? ['bên nữ', 'the bride', 'Bên nữ', 'Bride'] : ['bên nam', 'the groom', 'Bên nam', 'Groom'];
  return step(titleVi, titleEn, {
    ...person(prefix, vi, en, SPOUSE_PARTS),
    [`${prefix}MarriageNumber`]: int(`Kết hôn lần thứ (${vi})`, `Which marriage this is for ${en}`, 1, 10),
  });
}

const marriage: FormSchema = form('Tờ khai đăng ký kết hôn', 'Marriage registration declaration', [
  spouseStep('wife'),
  spouseStep('husband'),
  step(
    'Giấy tờ kèm theo',
    'Supporting papers',
    {
      registeredOutsideResidence: yesNo(
        'Đăng ký tại nơi không phải nơi cư trú của bên có giấy xác nhận',
        'Registering where one party does not reside',
        'A marital-status certificate is then needed unless the data can be looked up',
      ),
      maritalStatusCertificateNumber: text('Số Giấy xác nhận tình trạng hôn nhân', 'Marital-status certificate number', undefined, 30),
      divorcedAbroad: yesNo('Một bên đã ly hôn ở nước ngoài', 'One party divorced abroad', 'The divorce must be recorded first (trích lục ghi chú ly hôn)'),
    },
    ['registeredOutsideResidence', 'maritalStatusCertificateNumber', 'divorcedAbroad'],
  ),
]);

// The person certified is the applicant; only the status and purpose are asked here.
const maritalStatusCertificate: FormSchema = form('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân', 'Marital-status certificate request', [
  step(
    'Tình trạng hôn nhân',
    'Marital status',
    {
      maritalStatus: choice('Tình trạng hôn nhân hiện tại', 'Current marital status', [
        ['chua_ket_hon', 'Chưa đăng ký kết hôn với ai', 'Never married'],
        ['dang_co_vo_chong', 'Đang có vợ/chồng', 'Currently married'],
        ['da_ly_hon', 'Đã ly hôn, chưa kết hôn lại', 'Divorced, not remarried'],
        ['vo_chong_da_chet', 'Vợ/chồng đã chết, chưa kết hôn lại', 'Widowed, not remarried'],
      ]),
      previousResidences: text(
        'Các nơi cư trú trước đây (nếu cần xác minh)',
        'Previous places of residence',
        'Where the person lived before, for verification',
        500,
      ),
    },
    ['previousResidences'],
  ),
  step(
    'Mục đích sử dụng',
    'Purpose',
    {
      purpose: choice('Mục đích sử dụng giấy xác nhận', 'Purpose of the certificate', [
        ['ket_hon', 'Để đăng ký kết hôn', 'To register a marriage'],
        ['muc_dich_khac', 'Mục đích khác', 'Other purpose'],
      ]),
      purposeDetail: text('Mục đích khác (ghi rõ)', 'Other purpose, in detail', 'e.g. buying a house, bank loan', 300),
      intendedSpouseFullName: text('Họ, chữ đệm và tên người dự định kết hôn', 'Full name of the intended spouse', undefined, 100),
      intendedSpouseDateOfBirth: date('Ngày sinh người dự định kết hôn', 'Date of birth of the intended spouse'),
      intendedMarriagePlace: text('Nơi dự định đăng ký kết hôn', 'Where the marriage will be registered'),
      copies: int('Số bản đề nghị cấp', 'Number of copies', 1, 10),
    },
    ['purposeDetail', 'intendedSpouseFullName', 'intendedSpouseDateOfBirth', 'intendedMarriagePlace'],
  ),
]);

const marriageReregistration: FormSchema = form('Tờ khai đăng ký lại kết hôn', 'Marriage re-registration declaration', [
  step('Bên vợ', 'Wife', person('wife', 'người vợ', 'the wife', ['fullName', 'dateOfBirth', 'nationality', 'cccd', 'residence'])),
  step('Bên chồng', 'Husband', person('husband', 'người chồng', 'the husband', ['fullName', 'dateOfBirth', 'nationality', 'cccd', 'residence'])),
  step(
    'Việc kết hôn trước đây',
    'Original registration',
    {
      originalMarriageDate: date('Ngày đăng ký kết hôn trước đây', 'Original marriage registration date'),
      originalRegistrationPlace: text('Nơi đã đăng ký kết hôn trước đây', 'Where the marriage was originally registered'),
      hasCertificateCopy: yesNo(
        'Còn bản sao Giấy chứng nhận kết hôn hoặc giấy tờ có nội dung về việc kết hôn',
        'A copy of the marriage certificate or other record is available',
      ),
    },
    ['originalMarriageDate', 'hasCertificateCopy'],
  ),
]);

const marriageForeignElement: FormSchema = form('Tờ khai đăng ký kết hôn có yếu tố nước ngoài', 'Marriage registration with a foreign element', [
  step('Bên là công dân Việt Nam', 'Vietnamese party', {
    ...person('vietnamese', 'bên công dân Việt Nam', 'the Vietnamese party', ['fullName', 'dateOfBirth', 'sex', 'ethnicity', 'cccd', 'residence']),
    vietnameseMarriageNumber: int('Kết hôn lần thứ (bên Việt Nam)', 'Which marriage this is for the Vietnamese party', 1, 10),
  }),
  step('Bên là người nước ngoài', 'Foreign party', {
    ...person('foreign', 'bên người nước ngoài', 'the foreign party', ['fullName', 'dateOfBirth', 'sex', 'nationality', 'residence']),
    // No 'Việt Nam' default here, unlike other nationality questions.
    foreignNationality: text('Quốc tịch bên người nước ngoài', 'Nationality of the foreign party', undefined, 60),
    foreignPassportNumber: text('Số hộ chiếu hoặc giấy tờ thay thế', 'Passport or substitute document number', undefined, 20),
    foreignMarriageNumber: int('Kết hôn lần thứ (bên nước ngoài)', 'Which marriage this is for the foreign party', 1, 10),
  }),
  step('Giấy tờ kèm theo', 'Supporting papers', {
    foreignMaritalStatusProof: text(
      'Giấy tờ chứng minh tình trạng hôn nhân của người nước ngoài',
      "Foreign party's proof of marital status",
      'Issued by the competent foreign authority and still valid',
      300,
    ),
    medicalCertificatesAttached: yesNo(
      'Có giấy xác nhận của tổ chức y tế của hai bên',
      'Medical certificates of both parties are attached',
      'Confirming neither party has an illness removing capacity to understand or control their acts',
    ),
  }),
]);

export const marriageForms: Record<string, FormSchema> = {
  '1.000894': marriage,
  '1.004873': maritalStatusCertificate,
  '1.004746': marriageReregistration,
  '2.000806': marriageForeignElement,
};
