/** Forms for land-dispute mediation, construction permits and household-business registration. */
import type { FormSchema } from '../../../packages/core/src/catalog/types.ts';
import { amount, cccd, choice, date, form, int, list, longText, step, text } from './fragments.ts';

const parcel = () => ({
  parcelAddress: text('Địa chỉ thửa đất', 'Parcel address', undefined, 300),
  parcelNumber: text('Số thửa', 'Parcel number', undefined, 20),
  mapSheetNumber: text('Tờ bản đồ số', 'Cadastral map sheet number', undefined, 20),
});

const landMediation: FormSchema = form('Đơn yêu cầu hòa giải tranh chấp đất đai', 'Land-dispute mediation request', [
  step('Thửa đất tranh chấp', 'Disputed land', parcel(), ['parcelNumber', 'mapSheetNumber']),
  step('Bên tranh chấp', 'Other party', {
    otherPartyFullName: text('Họ, chữ đệm và tên bên tranh chấp', 'Full name of the other party', undefined, 100),
    otherPartyAddress: text('Địa chỉ bên tranh chấp', 'Address of the other party', undefined, 300),
  }),
  step('Nội dung', 'Dispute', {
    disputeDescription: longText('Nội dung tranh chấp', 'What the dispute is about'),
    request: longText('Yêu cầu hòa giải', 'What the applicant asks for'),
  }),
]);

const constructionPermit: FormSchema = form('Đơn đề nghị cấp giấy phép xây dựng', 'Construction permit application', [
  step('Địa điểm xây dựng', 'Site', {
    ...parcel(),
    landUseCertificateNumber: text('Số Giấy chứng nhận quyền sử dụng đất', 'Land-use certificate number', undefined, 50),
  }),
  step(
    'Công trình',
    'Works',
    {
      buildingKind: choice('Loại công trình', 'Kind of works', [
        ['nha_o_rieng_le', 'Nhà ở riêng lẻ', 'Detached house'],
        ['cap_iii', 'Công trình cấp III', 'Grade III works'],
        ['cap_iv', 'Công trình cấp IV', 'Grade IV works'],
      ]),
      floors: int('Số tầng', 'Number of floors', 1, 50),
      buildingFootprintM2: amount('Diện tích xây dựng tầng 1 (m²)', 'Ground-floor footprint (m²)'),
      totalFloorAreaM2: amount('Tổng diện tích sàn (m²)', 'Total floor area (m²)'),
      heightM: amount('Chiều cao công trình (m)', 'Height (m)'),
      designUnit: text('Đơn vị, cá nhân thiết kế', 'Designer', undefined, 200),
      expectedCompletion: date('Dự kiến hoàn thành', 'Expected completion date'),
    },
    ['designUnit', 'expectedCompletion'],
  ),
]);

const householdBusiness: FormSchema = form('Giấy đề nghị đăng ký hộ kinh doanh', 'Household-business registration', [
  step(
    'Hộ kinh doanh',
    'Business',
    {
      businessName: text('Tên hộ kinh doanh', 'Business name', undefined, 200),
      businessAddress: text('Địa điểm kinh doanh', 'Business address', undefined, 300),
      businessLines: longText('Ngành, nghề kinh doanh', 'Business lines'),
      capitalVnd: int('Vốn kinh doanh (đồng)', 'Business capital (VND)', 0),
      employees: int('Số lao động', 'Number of workers', 0, 10000),
    },
    ['employees'],
  ),
  step(
    'Thành viên',
    'Members',
    {
      registrationMode: choice('Hình thức đăng ký', 'Who registers', [
        ['ca_nhan', 'Cá nhân đăng ký', 'An individual'],
        ['thanh_vien_ho_gia_dinh', 'Các thành viên hộ gia đình cùng đăng ký', 'Household members together'],
      ]),
      members: list(
        'Thành viên hộ gia đình tham gia',
        'Participating household members',
        ['Thành viên', 'Member'],
        {
          fullName: text('Họ, chữ đệm và tên', 'Full name', undefined, 100),
          cccd: cccd('Số định danh cá nhân', 'Personal ID number'),
        },
        { minItems: 0 },
      ),
    },
    ['members'],
  ),
]);

export const landConstructionBusinessForms: Record<string, FormSchema> = {
  '1.012812': landMediation,
  '1.013225': constructionPermit,
  '1.001612': householdBusiness,
};
