/** Forms for social protection, poverty reduction and people with merit. */
import type { FormSchema } from '../../../packages/core/src/catalog/types.ts';
import { PAYMENT_METHOD, choice, date, form, int, longText, person, step, text, yesNo, type StepDef } from './fragments.ts';

const REQUEST_KIND = [
  ['thuc_hien', 'Đề nghị hưởng', 'Start receiving'],
  ['dieu_chinh', 'Điều chỉnh mức hưởng', 'Adjust the amount'],
  ['thoi_huong', 'Thôi hưởng', 'Stop receiving'],
] as const;

const BENEFICIARY_PARTS = ['fullName', 'dateOfBirth', 'sex', 'cccd', 'residence'] as const;

function paymentStep(): StepDef {
  return step(
    'Nhận tiền',
    'Payment',
    {
      paymentMethod: choice('Hình thức nhận trợ cấp', 'How the allowance is paid', PAYMENT_METHOD),
      bankAccountNumber: text('Số tài khoản', 'Bank account number', 'For bank transfer', 30),
      bankName: text('Ngân hàng', 'Bank', undefined, 100),
    },
    ['bankAccountNumber', 'bankName'],
  );
}

const monthlyAllowance: FormSchema = form('Tờ khai đề nghị trợ giúp xã hội', 'Monthly social allowance / care support request', [
  step(
    'Yêu cầu',
    'Request',
    {
      requestKind: choice('Nội dung đề nghị', 'What is requested', REQUEST_KIND),
      beneficiaryCategory: choice(
        'Nhóm đối tượng',
        'Beneficiary category',
        [
          ['tre_em', 'Trẻ em không có nguồn nuôi dưỡng', 'Child without means of support'],
          ['nguoi_cao_tuoi', 'Người cao tuổi', 'Elderly person'],
          ['nguoi_khuyet_tat', 'Người khuyết tật nặng, đặc biệt nặng', 'Person with severe disability'],
          ['don_than_ngheo', 'Người đơn thân thuộc hộ nghèo đang nuôi con', 'Single parent in a poor household'],
          ['khac', 'Đối tượng khác theo Nghị định 20/2021/NĐ-CP', 'Other category under Decree 20/2021/ND-CP'],
        ],
        'Decree 20/2021/ND-CP, article 5',
      ),
      changeReason: longText('Lý do điều chỉnh, thôi hưởng', 'Reason for adjusting or stopping'),
    },
    ['changeReason'],
  ),
  step('Người hưởng', 'Beneficiary', person('beneficiary', 'người hưởng trợ cấp', 'the beneficiary', BENEFICIARY_PARTS), ['beneficiaryCccd']),
  paymentStep(),
]);

const funeralSupport: FormSchema = form('Tờ khai đề nghị hỗ trợ chi phí mai táng', 'Funeral-cost support request', [
  step(
    'Người đã chết',
    'Deceased',
    {
      ...person('deceased', 'người đã chết', 'the deceased', ['fullName', 'dateOfBirth', 'residence']),
      dateOfDeath: date('Ngày chết', 'Date of death'),
      deceasedCategory: text('Đối tượng bảo trợ xã hội đang hưởng', 'Social-protection category of the deceased', undefined, 200),
      deathRecordNumber: text('Số giấy báo tử / trích lục khai tử', 'Death notice or extract number', undefined, 30),
    },
    ['deathRecordNumber'],
  ),
  step('Người tổ chức mai táng', 'Funeral organiser', {
    organiserRelationship: text('Quan hệ với người đã chết', 'Relationship to the deceased', 'Or the organisation that held the funeral', 100),
  }),
  paymentStep(),
]);

const DISABILITY_KIND = [
  ['van_dong', 'Khuyết tật vận động', 'Physical'],
  ['nghe_noi', 'Khuyết tật nghe, nói', 'Hearing / speech'],
  ['nhin', 'Khuyết tật nhìn', 'Visual'],
  ['than_kinh_tam_than', 'Khuyết tật thần kinh, tâm thần', 'Neurological / psychiatric'],
  ['tri_tue', 'Khuyết tật trí tuệ', 'Intellectual'],
  ['khac', 'Khuyết tật khác', 'Other'],
] as const;

const disabilityAssessment: FormSchema = form('Đơn đề nghị xác định mức độ khuyết tật', 'Disability-level assessment request', [
  step('Yêu cầu', 'Request', {
    requestKind: choice('Nội dung đề nghị', 'What is requested', [
      ['xac_dinh', 'Xác định mức độ khuyết tật', 'First assessment'],
      ['xac_dinh_lai', 'Xác định lại mức độ khuyết tật', 'Re-assessment'],
    ]),
  }),
  step(
    'Người được xác định khuyết tật',
    'Person assessed',
    {
      ...person('person', 'người khuyết tật', 'the person with a disability', BENEFICIARY_PARTS),
      disabilityKind: choice('Dạng khuyết tật chính', 'Main kind of disability', DISABILITY_KIND),
      hasMedicalRecords: yesNo('Có giấy tờ y tế liên quan đến khuyết tật', 'Has medical records about the disability'),
    },
    ['personCccd', 'hasMedicalRecords'],
  ),
]);

const disabilityCertificateReissue: FormSchema = form('Đơn đề nghị đổi, cấp lại Giấy xác nhận khuyết tật', 'Renewal or re-issue of disability certificate', [
  step(
    'Yêu cầu',
    'Request',
    {
      ...person('person', 'người khuyết tật', 'the person with a disability', ['fullName', 'dateOfBirth', 'cccd']),
      certificateNumber: text('Số Giấy xác nhận khuyết tật đã cấp', 'Number of the certificate issued', undefined, 30),
      reason: choice('Lý do', 'Reason', [
        ['hu_hong', 'Giấy bị hư hỏng', 'Damaged'],
        ['bi_mat', 'Giấy bị mất', 'Lost'],
        ['thay_doi_thong_tin', 'Thay đổi thông tin cá nhân', 'Personal details changed'],
      ]),
    },
    ['personCccd', 'certificateNumber'],
  ),
]);

const socialPension: FormSchema = form('Tờ khai đề nghị hưởng trợ cấp hưu trí xã hội', 'Social pension allowance request', [
  step(
    'Yêu cầu',
    'Request',
    {
      requestKind: choice('Nội dung đề nghị', 'What is requested', REQUEST_KIND),
      changeReason: longText('Lý do điều chỉnh, thôi hưởng', 'Reason for adjusting or stopping'),
    },
    ['changeReason'],
  ),
  step('Người hưởng', 'Beneficiary', person('beneficiary', 'người hưởng trợ cấp', 'the beneficiary', BENEFICIARY_PARTS), ['beneficiaryCccd']),
  paymentStep(),
]);

const poorHousehold: FormSchema = form('Giấy đề nghị xét duyệt hộ nghèo, hộ cận nghèo', 'Poor / near-poor household review request', [
  step('Đề nghị', 'Request', {
    requestKind: choice('Nội dung đề nghị', 'What is requested', [
      ['ho_ngheo', 'Công nhận hộ nghèo', 'Recognition as a poor household'],
      ['ho_can_ngheo', 'Công nhận hộ cận nghèo', 'Recognition as a near-poor household'],
      ['thoat_ngheo', 'Công nhận hộ thoát nghèo', 'Exit from poverty'],
      ['thoat_can_ngheo', 'Công nhận hộ thoát cận nghèo', 'Exit from near-poverty'],
    ]),
    reason: longText('Lý do đề nghị', 'Reason', 'Changes in income, illness, loss of work, etc.'),
  }),
  step('Hộ gia đình', 'Household', {
    householdHeadFullName: text('Họ, chữ đệm và tên chủ hộ', 'Full name of the household head', undefined, 100),
    householdAddress: text('Địa chỉ của hộ', 'Household address', undefined, 300),
    householdSize: int('Số nhân khẩu', 'Number of household members', 1, 50),
  }),
]);

const martyrWorship: FormSchema = form('Bản khai đề nghị trợ cấp thờ cúng liệt sĩ', 'Martyr-worship allowance request', [
  step(
    'Liệt sĩ',
    'Martyr',
    {
      martyrFullName: text('Họ, chữ đệm và tên liệt sĩ', 'Full name of the martyr', undefined, 100),
      martyrDateOfBirth: date('Ngày sinh liệt sĩ', 'Date of birth of the martyr'),
      martyrHometown: text('Quê quán liệt sĩ', 'Home town of the martyr'),
      martyrCertificateNumber: text('Số Bằng "Tổ quốc ghi công"', 'Number of the "Fatherland Recognition" certificate', undefined, 30),
      dateOfSacrifice: date('Ngày hy sinh', 'Date of death'),
    },
    ['martyrDateOfBirth', 'dateOfSacrifice'],
  ),
  step(
    'Người thờ cúng',
    'Worshipper',
    {
      worshipperRelationship: text('Quan hệ với liệt sĩ', 'Relationship to the martyr', undefined, 100),
      authorisedByRelatives: yesNo(
        'Được thân nhân liệt sĩ ủy quyền thờ cúng',
        "Authorised by the martyr's relatives",
        'A signed authorisation record is then attached',
      ),
    },
    ['authorisedByRelatives'],
  ),
  paymentStep(),
]);

export const socialForms: Record<string, FormSchema> = {
  '1.001776': monthlyAllowance,
  '1.001731': funeralSupport,
  '1.001699': disabilityAssessment,
  '1.001653': disabilityCertificateReissue,
  '1.014027': socialPension,
  '1.011607': poorHousehold,
  '1.010803': martyrWorship,
};
