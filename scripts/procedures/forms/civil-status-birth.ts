/** Forms for birth registration and parent/child recognition (Luật Hộ tịch 2014). */
import type { FormSchema } from '../../../packages/core/src/catalog/types.ts';
import { choice, date, form, int, person, step, text, yesNo, type Options } from './fragments.ts';

const CHILD_PARTS = ['fullName', 'dateOfBirth', 'sex', 'ethnicity', 'nationality', 'placeOfBirth', 'hometown'] as const;
const PARENT_PARTS = ['fullName', 'dateOfBirth', 'ethnicity', 'nationality', 'cccd', 'residence'] as const;

const DECLARANT_RELATIONSHIP: Options = [
  ['cha', 'Cha', 'Father'],
  ['me', 'Mẹ', 'Mother'],
  ['ong_ba', 'Ông, bà', 'Grandparent'],
  ['nguoi_than', 'Người thân thích khác', 'Other relative'],
  ['nguoi_duoc_uy_quyen', 'Người được ủy quyền', 'Authorised person'],
];

const BIRTH_PROOF: Options = [
  ['giay_chung_sinh', 'Giấy chứng sinh', 'Birth certificate from the health facility'],
  ['van_ban_lam_chung', 'Văn bản của người làm chứng', 'Written statement of a witness'],
  ['giay_cam_doan', 'Giấy cam đoan về việc sinh', 'Sworn statement about the birth'],
];

const RECOGNITION_EVIDENCE: Options = [
  ['giam_dinh_adn', 'Văn bản giám định ADN', 'DNA test report'],
  ['giay_to_khac', 'Giấy tờ khác theo Thông tư 04/2020/TT-BTP', 'Other evidence under Circular 04/2020/TT-BTP'],
];

function childStep() {
  return step('Người được khai sinh', 'Child', person('child', 'người được khai sinh', 'the child', CHILD_PARTS), ['childHometown']);
}

function parentSteps(fatherOptional: boolean) {
  const mother = person('mother', 'người mẹ', 'the mother', PARENT_PARTS);
  const father = person('father', 'người cha', 'the father', PARENT_PARTS);
  return [
    step('Thông tin người mẹ', 'Mother', mother, ['motherCccd']),
    // Without recognition, a child may be registered with the father's section left blank.
    step('Thông tin người cha', 'Father', father, fatherOptional ? Object.keys(father) : ['fatherCccd']),
  ];
}

const birthRegistration: FormSchema = form('Tờ khai đăng ký khai sinh', 'Birth registration declaration', [
  childStep(),
  ...parentSteps(true),
  step(
    'Giấy tờ và yêu cầu',
    'Evidence and requests',
    {
      birthProofKind: choice('Giấy tờ chứng minh việc sinh', 'Proof of birth', BIRTH_PROOF),
      birthCertificateNumber: text('Số Giấy chứng sinh', 'Birth certificate number', 'From the health facility, if any', 30),
      declarantRelationship: choice('Quan hệ của người đi khai với người được khai sinh', "Declarant's relationship to the child", DECLARANT_RELATIONSHIP),
      linkResidenceAndInsurance: yesNo(
        'Đề nghị liên thông đăng ký thường trú và cấp thẻ BHYT cho trẻ dưới 6 tuổi',
        'Also register permanent residence and issue health insurance card (child under 6)',
        'Linked procedure under Decree 63/2024/ND-CP',
      ),
      extraCopies: int('Số bản sao Giấy khai sinh đề nghị cấp', 'Number of extra certified copies requested', 0, 20),
    },
    ['birthCertificateNumber', 'linkResidenceAndInsurance', 'extraCopies'],
  ),
]);

const birthWithRecognition: FormSchema = form(
  'Tờ khai đăng ký khai sinh kết hợp nhận cha, mẹ, con',
  'Birth registration combined with parent/child recognition',
  [
    childStep(),
    ...parentSteps(false),
    step('Nhận cha, mẹ, con', 'Recognition', {
      recognizingParent: choice('Người nhận con', 'Parent recognising the child', [
        ['cha', 'Cha nhận con', 'Father recognises the child'],
        ['me', 'Mẹ nhận con', 'Mother recognises the child'],
      ]),
      evidenceKind: choice('Chứng cứ chứng minh quan hệ cha, mẹ, con', 'Evidence of the parent/child relationship', RECOGNITION_EVIDENCE),
      birthProofKind: choice('Giấy tờ chứng minh việc sinh', 'Proof of birth', BIRTH_PROOF),
      declarantRelationship: choice('Quan hệ của người đi khai với người được khai sinh', "Declarant's relationship to the child", DECLARANT_RELATIONSHIP),
    }),
  ],
);

const recognition: FormSchema = form('Tờ khai đăng ký nhận cha, mẹ, con', 'Parent/child recognition declaration', [
  step('Loại yêu cầu', 'Request', {
    recognitionKind: choice('Nội dung đăng ký', 'What is recognised', [
      ['cha_nhan_con', 'Cha nhận con', 'Father recognises child'],
      ['me_nhan_con', 'Mẹ nhận con', 'Mother recognises child'],
      ['con_nhan_cha', 'Con nhận cha', 'Child recognises father'],
      ['con_nhan_me', 'Con nhận mẹ', 'Child recognises mother'],
    ]),
    evidenceKind: choice('Chứng cứ chứng minh quan hệ cha, mẹ, con', 'Evidence of the parent/child relationship', RECOGNITION_EVIDENCE),
  }),
  step(
    'Người cha hoặc mẹ',
    'Parent',
    person('parent', 'người cha/mẹ', 'the parent', ['fullName', 'dateOfBirth', 'ethnicity', 'nationality', 'cccd', 'residence']),
  ),
  step(
    'Người con',
    'Child',
    {
      ...person('child', 'người con', 'the child', ['fullName', 'dateOfBirth', 'sex', 'ethnicity', 'nationality', 'cccd', 'residence']),
      childBirthRegistrationNumber: text('Số Giấy khai sinh của người con', "Child's birth certificate number", undefined, 30),
    },
    ['childCccd', 'childBirthRegistrationNumber'],
  ),
]);

const birthReregistration: FormSchema = form('Tờ khai đăng ký lại khai sinh', 'Birth re-registration declaration', [
  step(
    'Người được đăng ký lại khai sinh',
    'Person',
    person('person', 'người được khai sinh', 'the person', ['fullName', 'dateOfBirth', 'sex', 'ethnicity', 'nationality', 'placeOfBirth', 'hometown', 'cccd']),
    ['personHometown', 'personCccd'],
  ),
  step(
    'Cha, mẹ',
    'Parents',
    {
      motherFullName: text('Họ, chữ đệm và tên người mẹ', 'Full name of the mother', undefined, 100),
      fatherFullName: text('Họ, chữ đệm và tên người cha', 'Full name of the father', undefined, 100),
    },
    ['motherFullName', 'fatherFullName'],
  ),
  step(
    'Việc khai sinh trước đây',
    'Original registration',
    {
      originalRegistrationPlace: text('Nơi đã đăng ký khai sinh trước đây', 'Where the birth was originally registered'),
      originalRegistrationDate: date(
        'Ngày đăng ký khai sinh trước đây',
        'Original registration date',
        'Re-registration applies to births registered before 1 January 2016 whose register and original were lost',
      ),
      supportingDocuments: text('Giấy tờ, tài liệu có nội dung khai sinh nộp kèm', 'Copies of documents showing the birth details', undefined, 500),
    },
    ['originalRegistrationDate'],
  ),
]);

const birthWithPersonalRecords: FormSchema = form(
  'Tờ khai đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân',
  'Birth registration for a person with personal records',
  [
    step(
      'Người được khai sinh',
      'Person',
      person('person', 'người được khai sinh', 'the person', [
        'fullName',
        'dateOfBirth',
        'sex',
        'ethnicity',
        'nationality',
        'placeOfBirth',
        'hometown',
        'cccd',
      ]),
      ['personHometown', 'personCccd'],
    ),
    step(
      'Cha, mẹ',
      'Parents',
      {
        motherFullName: text('Họ, chữ đệm và tên người mẹ', 'Full name of the mother', undefined, 100),
        fatherFullName: text('Họ, chữ đệm và tên người cha', 'Full name of the father', undefined, 100),
      },
      ['motherFullName', 'fatherFullName'],
    ),
    step('Hồ sơ cá nhân', 'Personal records', {
      personalRecordKind: text(
        'Loại hồ sơ, giấy tờ cá nhân có thông tin khai sinh',
        'Kind of personal record holding the birth details',
        'e.g. school records, civil-servant file',
        300,
      ),
      isPublicEmployee: yesNo(
        'Là cán bộ, công chức, viên chức hoặc người đang phục vụ trong lực lượng vũ trang',
        'Is a public employee or member of the armed forces',
        'If so, a confirmation from the head of the agency is required',
      ),
    }),
  ],
);

const birthForeignElement: FormSchema = form('Tờ khai đăng ký khai sinh có yếu tố nước ngoài', 'Birth registration with a foreign element', [
  childStep(),
  step('Thông tin người mẹ', 'Mother', {
    ...person('mother', 'người mẹ', 'the mother', ['fullName', 'dateOfBirth', 'nationality', 'residence']),
    motherIdDocument: text('Số CCCD hoặc hộ chiếu của người mẹ', "Mother's ID card or passport number", undefined, 20),
  }),
  step(
    'Thông tin người cha',
    'Father',
    {
      ...person('father', 'người cha', 'the father', ['fullName', 'dateOfBirth', 'nationality', 'residence']),
      fatherIdDocument: text('Số CCCD hoặc hộ chiếu của người cha', "Father's ID card or passport number", undefined, 20),
    },
    ['fatherFullName', 'fatherDateOfBirth', 'fatherNationality', 'fatherResidence', 'fatherIdDocument'],
  ),
  step(
    'Quốc tịch của con',
    "Child's nationality",
    {
      chosenNationality: text('Quốc tịch được chọn cho con', 'Nationality chosen for the child', undefined, 60),
      parentsAgreementAttached: yesNo(
        'Có văn bản thỏa thuận của cha, mẹ về việc chọn quốc tịch',
        "Parents' written agreement on the child's nationality is attached",
        'Needed when the father or mother is a foreigner',
      ),
      birthCertificateNumber: text('Số Giấy chứng sinh', 'Birth certificate number', undefined, 30),
    },
    ['parentsAgreementAttached', 'birthCertificateNumber'],
  ),
]);

export const birthForms: Record<string, FormSchema> = {
  '1.001193': birthRegistration,
  '1.000689': birthWithRecognition,
  '1.001022': recognition,
  '1.004884': birthReregistration,
  '1.004772': birthWithPersonalRecords,
  '2.000528': birthForeignElement,
};
