/** Forms for death registration, corrections, extract copies and guardianship (Luật Hộ tịch 2014). */
import type { FormSchema } from '../../../packages/core/src/catalog/types.ts';
import { choice, date, form, int, longText, person, step, text, time, yesNo, type Options } from './fragments.ts';

const DECLARANT_TO_DECEASED: Options = [
  ['vo_chong', 'Vợ hoặc chồng', 'Spouse'],
  ['con', 'Con', 'Child'],
  ['cha_me', 'Cha, mẹ', 'Parent'],
  ['nguoi_than', 'Người thân thích khác', 'Other relative'],
  ['co_quan_to_chuc', 'Đại diện cơ quan, tổ chức', 'Representative of an agency or organisation'],
];

const CIVIL_RECORD_KIND: Options = [
  ['khai_sinh', 'Khai sinh', 'Birth'],
  ['ket_hon', 'Kết hôn', 'Marriage'],
  ['khai_tu', 'Khai tử', 'Death'],
  ['nhan_cha_me_con', 'Nhận cha, mẹ, con', 'Parent/child recognition'],
  ['giam_ho', 'Giám hộ', 'Guardianship'],
  ['thay_doi_cai_chinh', 'Thay đổi, cải chính hộ tịch', 'Change or correction of civil status'],
  ['khac', 'Việc hộ tịch khác', 'Other civil-status event'],
];

const deathRegistration: FormSchema = form('Tờ khai đăng ký khai tử', 'Death registration declaration', [
  step(
    'Người đã chết',
    'Deceased',
    person('deceased', 'người đã chết', 'the deceased', ['fullName', 'dateOfBirth', 'sex', 'ethnicity', 'nationality', 'cccd', 'residence']),
    ['deceasedCccd'],
  ),
  step(
    'Việc chết',
    'Death',
    {
      dateOfDeath: date('Ngày chết', 'Date of death', 'Death must be declared within 15 days'),
      timeOfDeath: time('Giờ chết', 'Time of death'),
      placeOfDeath: text('Nơi chết', 'Place of death'),
      causeOfDeath: text('Nguyên nhân chết', 'Cause of death', undefined, 300),
      deathNoticeKind: choice('Giấy tờ chứng minh việc chết', 'Proof of death', [
        ['giay_bao_tu', 'Giấy báo tử', 'Death notice'],
        ['giay_to_thay_the', 'Giấy tờ thay thế giấy báo tử', 'Document replacing the death notice'],
      ]),
      deathNoticeNumber: text('Số giấy báo tử', 'Death notice number', undefined, 30),
    },
    ['timeOfDeath', 'causeOfDeath', 'deathNoticeNumber'],
  ),
  step(
    'Người đi khai tử',
    'Declarant',
    {
      declarantRelationship: choice('Quan hệ với người đã chết', 'Relationship to the deceased', DECLARANT_TO_DECEASED),
      linkResidenceDeletion: yesNo('Đề nghị liên thông xóa đăng ký thường trú', 'Also cancel permanent residence (linked procedure)', 'Decree 63/2024/ND-CP'),
      linkFuneralSupport: yesNo('Đề nghị liên thông hưởng trợ cấp mai táng', 'Also claim funeral allowance (linked procedure)', 'Decree 63/2024/ND-CP'),
    },
    ['linkResidenceDeletion', 'linkFuneralSupport'],
  ),
]);

const deathReregistration: FormSchema = form('Tờ khai đăng ký lại khai tử', 'Death re-registration declaration', [
  step('Người đã chết', 'Deceased', {
    ...person('deceased', 'người đã chết', 'the deceased', ['fullName', 'dateOfBirth', 'sex', 'residence']),
    dateOfDeath: date('Ngày chết', 'Date of death'),
    placeOfDeath: text('Nơi chết', 'Place of death'),
  }),
  step(
    'Việc khai tử trước đây',
    'Original registration',
    {
      originalRegistrationPlace: text('Nơi đã đăng ký khai tử trước đây', 'Where the death was originally registered'),
      originalRegistrationDate: date('Ngày đăng ký khai tử trước đây', 'Original registration date'),
      declarantRelationship: choice('Quan hệ với người đã chết', 'Relationship to the deceased', DECLARANT_TO_DECEASED),
    },
    ['originalRegistrationDate'],
  ),
]);

const correction: FormSchema = form(
  'Tờ khai đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch, xác định lại dân tộc',
  'Change, correction or supplement of civil-status information',
  [
    step(
      'Loại yêu cầu',
      'Request',
      {
        requestKind: choice('Nội dung yêu cầu', 'What is requested', [
          ['thay_doi', 'Thay đổi thông tin hộ tịch', 'Change (e.g. name)'],
          ['cai_chinh', 'Cải chính thông tin hộ tịch', 'Correction of an error'],
          ['bo_sung', 'Bổ sung thông tin hộ tịch', 'Supplement missing information'],
          ['xac_dinh_lai_dan_toc', 'Xác định lại dân tộc', 'Re-determination of ethnicity'],
        ]),
        recordKind: choice('Việc hộ tịch cần sửa', 'Civil-status record concerned', CIVIL_RECORD_KIND),
        recordNumber: text('Số đăng ký / số giấy tờ hộ tịch', 'Record or certificate number', undefined, 30),
        registrationPlace: text('Nơi đã đăng ký hộ tịch', 'Where the record was registered'),
      },
      ['recordNumber'],
    ),
    step(
      'Người có thông tin cần sửa',
      'Person concerned',
      {
        ...person('subject', 'người có thông tin cần sửa', 'the person concerned', ['fullName', 'dateOfBirth', 'cccd']),
        subjectRelationship: choice('Quan hệ của người yêu cầu với người này', "Applicant's relationship to this person", [
          ['ban_than', 'Chính là người yêu cầu', 'The applicant themself'],
          ['cha_me', 'Cha, mẹ', 'Parent'],
          ['nguoi_giam_ho', 'Người giám hộ', 'Guardian'],
          ['nguoi_duoc_uy_quyen', 'Người được ủy quyền', 'Authorised person'],
        ]),
      },
      ['subjectCccd'],
    ),
    step('Nội dung sửa', 'Content', {
      currentContent: longText('Nội dung hiện ghi trong giấy tờ hộ tịch', 'Content as currently recorded'),
      requestedContent: longText('Nội dung đề nghị ghi lại', 'Content requested'),
      reason: longText('Lý do', 'Reason'),
    }),
  ],
);

const extractCopy: FormSchema = form('Tờ khai cấp bản sao trích lục hộ tịch', 'Request for copies of civil-status extracts', [
  step(
    'Việc hộ tịch',
    'Record',
    {
      recordKind: choice('Loại việc hộ tịch', 'Kind of civil-status record', CIVIL_RECORD_KIND),
      subjectFullName: text('Họ, chữ đệm và tên người được ghi trong trích lục', 'Full name of the person in the record', undefined, 100),
      subjectDateOfBirth: date('Ngày sinh người được ghi trong trích lục', 'Date of birth of that person'),
      recordNumber: text('Số đăng ký', 'Registration number', undefined, 30),
      registrationDate: date('Ngày đăng ký', 'Registration date'),
      registrationPlace: text('Nơi đăng ký', 'Where it was registered'),
    },
    ['subjectDateOfBirth', 'recordNumber', 'registrationDate'],
  ),
  step(
    'Yêu cầu',
    'Request',
    {
      copies: int('Số bản sao đề nghị cấp', 'Number of copies', 1, 20),
      purpose: text('Mục đích sử dụng', 'Purpose', undefined, 300),
    },
    ['purpose'],
  ),
]);

const guardianship: FormSchema = form('Tờ khai đăng ký giám hộ', 'Guardianship registration declaration', [
  step(
    'Hình thức giám hộ',
    'Kind',
    {
      guardianshipKind: choice('Hình thức giám hộ', 'Kind of guardianship', [
        ['giam_ho_cu', 'Giám hộ cử', 'Appointed guardian'],
        ['giam_ho_duong_nhien', 'Giám hộ đương nhiên', 'Guardian by law'],
      ]),
      appointmentDocument: text('Văn bản cử người giám hộ (số, ngày)', 'Appointment document (number, date)', 'For appointed guardianship', 200),
    },
    ['appointmentDocument'],
  ),
  step('Người được giám hộ', 'Ward', person('ward', 'người được giám hộ', 'the ward', ['fullName', 'dateOfBirth', 'sex', 'nationality', 'cccd', 'residence']), [
    'wardCccd',
  ]),
  step('Người giám hộ', 'Guardian', {
    ...person('guardian', 'người giám hộ', 'the guardian', ['fullName', 'dateOfBirth', 'nationality', 'cccd', 'residence']),
    guardianshipReason: longText('Lý do đăng ký giám hộ', 'Reason for guardianship'),
  }),
]);

const guardianshipTermination: FormSchema = form('Tờ khai đăng ký chấm dứt giám hộ', 'Guardianship termination declaration', [
  step(
    'Việc giám hộ',
    'Guardianship',
    {
      wardFullName: text('Họ, chữ đệm và tên người được giám hộ', 'Full name of the ward', undefined, 100),
      wardDateOfBirth: date('Ngày sinh người được giám hộ', 'Date of birth of the ward'),
      guardianFullName: text('Họ, chữ đệm và tên người giám hộ', 'Full name of the guardian', undefined, 100),
      guardianshipRecordNumber: text('Số đăng ký giám hộ', 'Guardianship registration number', undefined, 30),
      guardianshipRegistrationDate: date('Ngày đăng ký giám hộ', 'Guardianship registration date'),
    },
    ['guardianshipRecordNumber', 'guardianshipRegistrationDate'],
  ),
  step(
    'Căn cứ chấm dứt',
    'Grounds',
    {
      // Grounds follow Article 62 of the Civil Code 2015.
      terminationGround: choice('Căn cứ chấm dứt giám hộ', 'Ground for termination', [
        ['du_nang_luc', 'Người được giám hộ đã có năng lực hành vi dân sự đầy đủ', 'Ward now has full legal capacity'],
        ['nguoi_duoc_giam_ho_chet', 'Người được giám hộ chết', 'Ward has died'],
        [
          'cha_me_du_dieu_kien',
          'Cha, mẹ của người được giám hộ đã đủ điều kiện thực hiện quyền, nghĩa vụ',
          "Ward's parents can now exercise their rights and duties",
        ],
        ['duoc_nhan_con_nuoi', 'Người được giám hộ được nhận làm con nuôi', 'Ward has been adopted'],
      ]),
      groundDetail: longText('Giấy tờ làm căn cứ, ghi chú thêm', 'Supporting document and notes'),
    },
    ['groundDetail'],
  ),
]);

export const civilStatusOtherForms: Record<string, FormSchema> = {
  '1.000656': deathRegistration,
  '1.005461': deathReregistration,
  '1.004859': correction,
  '2.000635': extractCopy,
  '1.004837': guardianship,
  '1.004845': guardianshipTermination,
};
