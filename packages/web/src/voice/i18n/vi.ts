/** The citizen's voice (ratings): Vietnamese. Criteria and levels come from @motcua/core/voice. */
export const voiceVi = {
  rate: {
    title: 'Đánh giá mức độ hài lòng',
    intro: 'Ý kiến của ông/bà giúp xã phục vụ tốt hơn. Đánh giá được tổng hợp ẩn danh, không ai biết ai đã đánh giá.',
    dossier: 'Hồ sơ {{code}} — {{procedure}}',
    comment: 'Góp ý thêm (không bắt buộc)',
    commentHint: 'Xin đừng ghi họ tên, số điện thoại hay số căn cước.',
    send: 'Gửi đánh giá',
    sending: 'Đang gửi…',
    thanks: 'Cảm ơn ông/bà đã đánh giá!',
    thanksKiosk: 'Cảm ơn ông/bà! Xin trả máy cho cán bộ.',
    needOverall: 'Xin chọn mức độ hài lòng chung.',
    loading: 'Đang tải…',
    rateButton: 'Đánh giá',
    rated: 'Ông/bà đã đánh giá hồ sơ này. Cảm ơn!',
    optional: 'Các tiêu chí khác không bắt buộc.',
  },
  kiosk: {
    open: 'Mở phiếu đánh giá tại quầy',
    hint: 'Mở trên máy tính bảng ở quầy, hoặc để người dân quét mã QR bằng điện thoại. Phiếu dùng được một lần, trong 30 phút.',
    link: 'Mở phiếu đánh giá',
  },
};
export type VoiceMessages = typeof voiceVi;
