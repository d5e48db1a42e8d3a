/** Forms for certification (chứng thực, Nghị định 23/2015/NĐ-CP); fees depend on pages and copies. */
import type { FormSchema } from '../../../packages/core/src/catalog/types.ts';
import { cccd, choice, date, form, int, list, longText, step, text, yesNo } from './fragments.ts';

const pages = () => int('Số trang', 'Number of pages', 1, 500);
const copies = () => int('Số bản cần chứng thực', 'Number of certified copies', 1, 100);

const copyFromOriginal: FormSchema = form('Yêu cầu chứng thực bản sao từ bản chính', 'Certification of copies from originals', [
  step(
    'Giấy tờ cần chứng thực',
    'Documents',
    {
      documents: list(
        'Danh sách giấy tờ',
        'Documents to certify',
        ['Giấy tờ', 'Document'],
        {
          documentName: text('Tên giấy tờ, văn bản', 'Document title'),
          issuingAuthority: text('Cơ quan cấp', 'Issuing authority'),
          pages: pages(),
          copies: copies(),
        },
        { optional: ['issuingAuthority'] },
      ),
      copiesPreparedByRequester: yesNo(
        'Người yêu cầu tự chuẩn bị bản sao',
        'The requester brings their own photocopies',
        'Otherwise the office makes the copies',
      ),
    },
    ['copiesPreparedByRequester'],
  ),
]);

const signature: FormSchema = form('Yêu cầu chứng thực chữ ký', 'Certification of a signature', [
  step('Giấy tờ cần chứng thực chữ ký', 'Document', {
    documentTitle: text('Tên giấy tờ, văn bản', 'Document title'),
    pages: pages(),
    copies: copies(),
  }),
  step(
    'Trường hợp đặc biệt',
    'Special cases',
    {
      cannotSign: yesNo('Người yêu cầu không ký, không điểm chỉ được', 'The requester can neither sign nor fingerprint', 'A witness must then attend'),
      witnessFullName: text('Họ, chữ đệm và tên người làm chứng', 'Full name of the witness', undefined, 100),
      witnessCccd: cccd('Số định danh cá nhân của người làm chứng', 'Personal ID number of the witness'),
    },
    ['cannotSign', 'witnessFullName', 'witnessCccd'],
  ),
]);

const translatorSignature: FormSchema = form('Yêu cầu chứng thực chữ ký người dịch', "Certification of a translator's signature", [
  step('Bản dịch', 'Translation', {
    sourceDocumentTitle: text('Tên giấy tờ được dịch', 'Title of the translated document'),
    sourceLanguage: text('Dịch từ tiếng', 'Source language', undefined, 50),
    targetLanguage: text('Dịch sang tiếng', 'Target language', undefined, 50),
    pages: pages(),
    copies: copies(),
  }),
  step('Người dịch', 'Translator', {
    translatorQualification: text(
      'Bằng cấp, chứng chỉ ngoại ngữ của người dịch',
      "Translator's degree or language certificate",
      'Must match the language translated',
      300,
    ),
  }),
]);

const CONTRACT_KIND = [
  ['chuyen_nhuong_qsdd', 'Chuyển nhượng quyền sử dụng đất', 'Transfer of land-use rights'],
  ['tang_cho', 'Tặng cho tài sản', 'Gift of property'],
  ['the_chap', 'Thế chấp', 'Mortgage'],
  ['thue_muon', 'Thuê, mượn nhà ở', 'Lease or loan of a house'],
  ['mua_ban_nha', 'Mua bán nhà ở', 'Sale of a house'],
  ['dong_san', 'Giao dịch về động sản', 'Transaction on movable property'],
  ['khac', 'Hợp đồng, giao dịch khác', 'Other contract or transaction'],
] as const;

const contract: FormSchema = form('Yêu cầu chứng thực hợp đồng, giao dịch', 'Certification of a contract or transaction', [
  step(
    'Hợp đồng',
    'Contract',
    {
      contractKind: choice('Loại hợp đồng, giao dịch', 'Kind of contract', CONTRACT_KIND),
      assetDescription: longText('Mô tả tài sản', 'Description of the property', 'Land parcel, house or movable, with identifying details'),
      ownershipCertificateNumber: text(
        'Số Giấy chứng nhận quyền sử dụng đất, quyền sở hữu',
        'Land-use or ownership certificate number',
        'For property that must be registered',
        50,
      ),
      pages: pages(),
      copies: copies(),
    },
    ['ownershipCertificateNumber'],
  ),
  step('Các bên tham gia', 'Parties', {
    parties: list(
      'Các bên giao kết',
      'Contracting parties',
      ['Bên giao kết', 'Party'],
      {
        fullName: text('Họ, chữ đệm và tên / tên tổ chức', 'Full name or organisation name', undefined, 150),
        cccd: cccd('Số định danh cá nhân', 'Personal ID number'),
        role: text('Tư cách (bên bán, bên mua, bên tặng cho…)', 'Role in the contract', undefined, 100),
      },
      { optional: ['cccd'], minItems: 2 },
    ),
  }),
]);

const will: FormSchema = form('Yêu cầu chứng thực di chúc', 'Certification of a will', [
  step(
    'Di chúc',
    'Will',
    {
      pages: pages(),
      copies: copies(),
      concernsRegisteredAssets: yesNo(
        'Di chúc liên quan đến tài sản phải đăng ký quyền sở hữu, sử dụng',
        'The will concerns property subject to registration',
        'Proof of ownership is then required',
      ),
      assetDescription: longText('Mô tả tài sản', 'Description of the property'),
    },
    ['concernsRegisteredAssets', 'assetDescription'],
  ),
]);

const contractCorrection: FormSchema = form('Yêu cầu sửa lỗi sai sót trong hợp đồng, giao dịch', 'Correction of errors in a certified contract', [
  step('Hợp đồng đã chứng thực', 'Certified contract', {
    contractTitle: text('Tên hợp đồng, giao dịch', 'Contract title'),
    certificationNumber: text('Số chứng thực', 'Certification number', undefined, 30),
    certificationDate: date('Ngày chứng thực', 'Certification date'),
  }),
  step('Nội dung sửa', 'Correction', {
    errorDescription: longText('Nội dung sai sót', 'The error'),
    correctedContent: longText('Nội dung sửa lại', 'Corrected content'),
  }),
]);

const copyFromMasterRegister: FormSchema = form('Yêu cầu cấp bản sao từ sổ gốc', 'Request for a copy from the master register', [
  step(
    'Giấy tờ cần cấp bản sao',
    'Document',
    {
      documentKind: text('Loại giấy tờ', 'Kind of document', 'e.g. diploma, decision', 200),
      documentNumber: text('Số, ký hiệu giấy tờ', 'Document number', undefined, 50),
      issueDate: date('Ngày cấp', 'Issue date'),
      copies: int('Số bản sao đề nghị cấp', 'Number of copies', 1, 20),
    },
    ['documentNumber', 'issueDate'],
  ),
  step(
    'Người được cấp giấy tờ gốc',
    'Holder',
    {
      requestedFor: choice('Cấp bản sao cho', 'Copy requested for', [
        ['ban_than', 'Bản thân người yêu cầu', 'The applicant'],
        ['nguoi_khac', 'Người khác (người thân, người được ủy quyền)', 'Someone else (relative or principal)'],
      ]),
      holderFullName: text('Họ, chữ đệm và tên người được cấp bản chính', 'Full name of the original holder', 'When requested for someone else', 100),
      holderDateOfBirth: date('Ngày sinh người được cấp bản chính', 'Date of birth of the original holder'),
    },
    ['holderFullName', 'holderDateOfBirth'],
  ),
]);

export const certificationForms: Record<string, FormSchema> = {
  '2.000815': copyFromOriginal,
  '2.000884': signature,
  '2.001008': translatorSignature,
  '2.001035': contract,
  '2.001019': will,
  '2.000927': contractCorrection,
  '2.000908': copyFromMasterRegister,
};
