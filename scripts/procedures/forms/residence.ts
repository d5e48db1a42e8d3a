/**
 * Forms for residence registration (Luật Cư trú 2020). They carry the procedure-specific parts of
 * the CT01 declaration; the declarant's own identity travels with the dossier.
 */
import type { FormSchema } from '../../../packages/core/src/catalog/types.ts';
import { cccd, choice, date, form, int, list, longText, person, step, text, yesNo, SEX } from './fragments.ts';

const LEGAL_RESIDENCE_PROOF = [
  ['so_huu', 'Chỗ ở thuộc quyền sở hữu của mình', 'Own property'],
  ['thue_muon', 'Thuê, mượn, ở nhờ (có hợp đồng hoặc văn bản)', 'Rented, borrowed or lodging, with a contract or letter'],
  ['nhap_ho_nguoi_than', 'Nhập vào chỗ ở của người thân', "Joining a relative's household"],
  ['khac', 'Giấy tờ khác chứng minh chỗ ở hợp pháp', 'Other proof of lawful residence'],
] as const;

/** Household head of the place joined, when it is someone else's home. */
const householdHead = () => ({
  ...person('householdHead', 'chủ hộ', 'the household head', ['fullName', 'cccd']),
  relationshipToHead: text('Quan hệ với chủ hộ', 'Relationship to the household head', 'e.g. con, vợ, cháu', 50),
  headConsent: yesNo('Chủ hộ, chủ sở hữu chỗ ở đã đồng ý', 'The household head / owner has consented'),
});
const HOUSEHOLD_HEAD_KEYS = ['householdHeadFullName', 'householdHeadCccd', 'relationshipToHead', 'headConsent'];

/** Other people (e.g. children) registering together with the declarant. */
const members = () =>
  list(
    'Người cùng thay đổi cư trú',
    'People registering together',
    ['Thành viên', 'Member'],
    {
      fullName: text('Họ, chữ đệm và tên', 'Full name', undefined, 100),
      dateOfBirth: date('Ngày sinh', 'Date of birth'),
      sex: choice('Giới tính', 'Sex', SEX),
      cccd: cccd('Số định danh cá nhân', 'Personal ID number'),
      relationshipToHead: text('Quan hệ với chủ hộ', 'Relationship to the household head', undefined, 50),
    },
    { optional: ['cccd'], minItems: 0 },
  );

const permanent: FormSchema = form('Đăng ký thường trú', 'Permanent residence registration', [
  step('Chỗ ở đăng ký', 'Address', {
    residenceAddress: text(
      'Địa chỉ chỗ ở đề nghị đăng ký thường trú',
      'Address to register as permanent residence',
      'House number, street/hamlet, commune, province',
      300,
    ),
    legalResidenceProof: choice('Giấy tờ chứng minh chỗ ở hợp pháp', 'Proof of lawful residence', LEGAL_RESIDENCE_PROOF),
  }),
  step('Chủ hộ', 'Household head', householdHead(), HOUSEHOLD_HEAD_KEYS),
  step('Người cùng đăng ký', 'Members', { members: members() }, ['members']),
]);

const temporary: FormSchema = form('Đăng ký tạm trú', 'Temporary residence registration', [
  step('Chỗ ở tạm trú', 'Address', {
    residenceAddress: text('Địa chỉ chỗ ở đề nghị đăng ký tạm trú', 'Address to register as temporary residence', undefined, 300),
    legalResidenceProof: choice('Giấy tờ chứng minh chỗ ở hợp pháp', 'Proof of lawful residence', LEGAL_RESIDENCE_PROOF),
    stayFrom: date('Tạm trú từ ngày', 'Staying from'),
    stayUntil: date('Tạm trú đến ngày', 'Staying until', 'At most 2 years per registration; can be extended'),
  }),
  step('Chủ hộ', 'Household head', householdHead(), HOUSEHOLD_HEAD_KEYS),
  step('Người cùng đăng ký', 'Members', { members: members() }, ['members']),
]);

const extension: FormSchema = form('Gia hạn tạm trú', 'Extension of temporary residence', [
  step(
    'Gia hạn',
    'Extension',
    {
      residenceAddress: text('Địa chỉ đang tạm trú', 'Current temporary address', undefined, 300),
      currentUntil: date('Thời hạn tạm trú hiện tại đến ngày', 'Current registration valid until', 'Apply within 15 days before it expires'),
      requestedUntil: date('Đề nghị gia hạn đến ngày', 'Extend until'),
      reason: text('Lý do gia hạn', 'Reason', undefined, 300),
    },
    ['reason'],
  ),
]);

const permanentDeletion: FormSchema = form('Xóa đăng ký thường trú', 'Cancellation of permanent residence registration', [
  step(
    'Người bị xóa đăng ký thường trú',
    'Person',
    {
      ...person('subject', 'người bị xóa đăng ký thường trú', 'the person', ['fullName', 'dateOfBirth', 'cccd']),
      residenceAddress: text('Địa chỉ thường trú', 'Registered permanent address', undefined, 300),
    },
    ['subjectCccd'],
  ),
  step(
    'Lý do',
    'Ground',
    {
      ground: choice('Trường hợp xóa đăng ký thường trú', 'Ground for cancellation', [
        ['chet_mat_tich', 'Người đó đã chết, bị tuyên bố mất tích hoặc đã chết', 'Died or declared missing/dead'],
        ['dinh_cu_nuoc_ngoai', 'Ra nước ngoài để định cư', 'Emigrated'],
        ['vang_mat_12_thang', 'Vắng mặt liên tục tại nơi thường trú từ 12 tháng trở lên', 'Absent 12 months or more without temporary registration elsewhere'],
        ['thoi_quoc_tich', 'Đã thôi quốc tịch Việt Nam', 'Renounced Vietnamese nationality'],
        ['khac', 'Trường hợp khác theo Điều 24 Luật Cư trú', 'Other case under Article 24, Law on Residence'],
      ]),
      groundDetail: longText('Giấy tờ chứng minh, ghi chú thêm', 'Supporting document and notes'),
    },
    ['groundDetail'],
  ),
]);

const householdSplit: FormSchema = form('Tách hộ', 'Household separation', [
  step('Hộ hiện tại', 'Current household', {
    residenceAddress: text('Địa chỉ thường trú của hộ', 'Household address', undefined, 300),
    ...person('householdHead', 'chủ hộ hiện tại', 'the current household head', ['fullName', 'cccd']),
    headConsent: yesNo('Chủ hộ, chủ sở hữu chỗ ở đồng ý cho tách hộ', 'The household head / owner agrees to the separation'),
  }),
  step(
    'Hộ mới',
    'New household',
    {
      ...person('newHead', 'chủ hộ mới', 'the new household head', ['fullName', 'cccd']),
      members: list(
        'Thành viên của hộ mới',
        'Members of the new household',
        ['Thành viên', 'Member'],
        {
          fullName: text('Họ, chữ đệm và tên', 'Full name', undefined, 100),
          dateOfBirth: date('Ngày sinh', 'Date of birth'),
          cccd: cccd('Số định danh cá nhân', 'Personal ID number'),
          relationshipToNewHead: text('Quan hệ với chủ hộ mới', 'Relationship to the new household head', undefined, 50),
        },
        { optional: ['cccd'], minItems: 0 },
      ),
    },
    ['members'],
  ),
]);

const temporaryAbsence: FormSchema = form('Khai báo tạm vắng', 'Declaration of temporary absence', [
  step('Thời gian và nơi đến', 'Absence', {
    absentFrom: date('Tạm vắng từ ngày', 'Absent from'),
    absentUntil: date('Tạm vắng đến ngày', 'Absent until'),
    destinationAddress: text('Nơi đến', 'Destination address', undefined, 300),
    reason: longText('Lý do tạm vắng', 'Reason'),
  }),
  step(
    'Đối tượng đặc thù',
    'Special categories',
    {
      specialCategory: yesNo(
        'Thuộc đối tượng phải có văn bản đồng ý của cơ quan quản lý',
        'Belongs to a category needing the managing agency’s consent',
        'Article 31, Law on Residence (e.g. people on probation or under supervision)',
      ),
      managingAgency: text('Cơ quan, người có thẩm quyền quản lý đã đồng ý', 'Managing agency that consented', undefined, 300),
    },
    ['specialCategory', 'managingAgency'],
  ),
]);

const residenceConfirmation: FormSchema = form('Xác nhận thông tin về cư trú', 'Confirmation of residence information', [
  step(
    'Nội dung xác nhận',
    'Request',
    {
      purpose: text('Mục đích xác nhận', 'Purpose', 'e.g. school enrolment, employment', 300),
      addressToConfirm: text('Địa chỉ cần xác nhận', 'Address to confirm', undefined, 300),
      periodFrom: date('Cư trú từ ngày', 'Resident from'),
      periodTo: date('Cư trú đến ngày', 'Resident until'),
      copies: int('Số bản đề nghị cấp', 'Number of copies', 1, 10),
    },
    ['addressToConfirm', 'periodFrom', 'periodTo'],
  ),
]);

export const residenceForms: Record<string, FormSchema> = {
  '1.004222': permanent,
  '1.004194': temporary,
  '1.002755': extension,
  '1.003197': permanentDeletion,
  '1.010038': householdSplit,
  '1.003677': temporaryAbsence,
  '1.010041': residenceConfirmation,
};
