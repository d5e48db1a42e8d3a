// Sample inputs shared by the document and signing tests (a birth registration at Xã Phú Lâm).
import type { ReceiptInput, ResultInput } from './types.ts';

export const UNIT = {
  parentName: 'TỈNH AN GIANG',
  name: 'ỦY BAN NHÂN DÂN XÃ PHÚ LÂM',
  nameInText: 'Ủy ban nhân dân Xã Phú Lâm',
  department: 'Bộ phận tiếp nhận và trả kết quả',
  place: 'Phú Lâm',
  phone: '0296 3861 234',
};

export const VERIFY_URL = 'https://motcua.example.vn/xac-thuc/000.19.01.H91-261123-0001?k=7f3a9c';

const APPLICANT = {
  fullName: 'Nguyễn Thị Hoà',
  idNumber: '089190001234',
  address: 'Ấp Phú Hưng, Xã Phú Lâm, Tỉnh An Giang',
  phone: '0912 345 678',
};

export function receiptInput(documentCount = 3): ReceiptInput {
  const names = ['Tờ khai đăng ký khai sinh', 'Giấy chứng sinh', 'Giấy chứng nhận kết hôn của cha mẹ', 'Văn bản ủy quyền'];
  return {
    unit: UNIT,
    dossierCode: '000.19.01.H91-261123-0001',
    verificationUrl: VERIFY_URL,
    issuedAt: new Date('2026-11-23T02:15:00Z'),
    applicant: APPLICANT,
    procedure: { code: '1.001193', name: 'Đăng ký khai sinh' },
    documents: Array.from({ length: documentCount }, (_, i) => ({
      name: names[i % names.length]! + (i >= names.length ? ` (bộ ${Math.floor(i / names.length) + 1})` : ''),
      originals: 1,
      copies: i % 2,
    })),
    receivedAt: new Date('2026-11-23T02:15:00Z'),
    appointmentAt: new Date('2026-11-24T09:00:00Z'),
    processingTime: '01 ngày làm việc',
    channel: 'counter',
    resultDelivery: 'counter',
    official: { fullName: 'Trần Văn Bình', title: 'Công chức tiếp nhận' },
  };
}

export function resultInput(): ResultInput {
  return {
    unit: { ...UNIT, department: undefined },
    dossierCode: '000.19.01.H91-261123-0001',
    verificationUrl: VERIFY_URL,
    issuedAt: new Date('2026-11-24T01:00:00Z'),
    documentNumber: '125/TB-UBND',
    title: 'Thông báo kết quả giải quyết hồ sơ',
    subtitle: 'Về việc đăng ký khai sinh',
    body: [
      'Căn cứ Luật Hộ tịch ngày 20 tháng 11 năm 2014; căn cứ hồ sơ đề nghị của {requesterName} nộp ngày {submittedOn}, Ủy ban nhân dân Xã Phú Lâm thông báo kết quả giải quyết hồ sơ đăng ký khai sinh cho trẻ {childName} như sau.',
      'Việc đăng ký khai sinh đã được ghi vào Sổ đăng ký khai sinh số {registerNo}. Người yêu cầu nhận bản chính Giấy khai sinh tại Bộ phận tiếp nhận và trả kết quả Xã Phú Lâm.',
    ],
    keyFields: [
      { label: 'Họ, chữ đệm, tên', value: '{childName}' },
      { label: 'Ngày, tháng, năm sinh', value: '{birthDate}' },
      { label: 'Nơi sinh', value: '{birthPlace}' },
      { label: 'Họ tên mẹ', value: '{requesterName}' },
    ],
    formData: {
      requesterName: 'Nguyễn Thị Hoà',
      childName: 'Lê Minh Khôi',
      birthDate: new Date('2026-11-02T03:00:00Z'),
      birthPlace: 'Trạm Y tế Xã Phú Lâm, Tỉnh An Giang',
      submittedOn: new Date('2026-11-23T02:15:00Z'),
      registerNo: 'Quyển 01/2026, số 215',
    },
    signer: { onBehalfOf: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', fullName: 'Phạm Quốc Hùng' },
    recipients: ['Người yêu cầu', 'Lưu: VT, HT'],
  };
}
