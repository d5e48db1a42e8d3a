/**
 * Fee exemptions per procedure code, quoted from the source's fee note (`fee_vnd.note_vi`).
 * The build checks each phrase still appears in that note, so nothing here can drift from it.
 */
export const exemptionsByCode: Readonly<Record<string, readonly string[]>> = {
  '1.001193': ['Đăng ký khai sinh đúng hạn', 'Người thuộc gia đình có công', 'Hộ nghèo', 'Người khuyết tật'],
  '1.000689': ['Phần khai sinh đúng hạn'],
  '1.001022': ['Người thuộc gia đình có công', 'Hộ nghèo', 'Người khuyết tật'],
  '1.000894': ['Công dân Việt Nam cư trú trong nước'],
  '1.000656': ['Đăng ký khai tử đúng hạn'],
  '1.004873': ['Đối tượng miễn theo Điều 11 Luật Hộ tịch'],
};
