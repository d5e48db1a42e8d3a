/**
 * Vietnamese UI text: the source of truth for every key. English (en.ts) must mirror these keys,
 * which `Messages` enforces at compile time. Plural keys carry both `_one` and `_other` in both
 * languages so the key sets stay identical (Vietnamese only ever uses `_other`).
 */
export const vi = {
  site: {
    name: 'Motcua – Dịch vụ công một cửa',
    shortName: 'Motcua',
    footerText: 'Cổng dịch vụ công một cửa cấp xã, phường. Phần mềm mã nguồn mở.',
    footerHelp: 'Cần giúp đỡ? Hãy đến bộ phận một cửa của xã, phường nơi bạn ở.',
  },
  nav: {
    label: 'Điều hướng chính',
    procedures: 'Thủ tục',
    lookup: 'Tra cứu hồ sơ',
    login: 'Đăng nhập',
  },
  a11y: {
    skipToContent: 'Bỏ qua, đến nội dung chính',
  },
  settings: {
    toolsLabel: 'Tùy chọn hiển thị',
    switchLanguage: 'English',
    switchLanguageLabel: 'Switch to English',
    largeText: 'Chữ to, rõ',
  },
  common: {
    loading: 'Đang tải…',
    retry: 'Thử lại',
    backToSearch: 'Tìm thủ tục khác',
    goHome: 'Về trang chủ',
    sourceLanguageNote: 'Một số nội dung là văn bản chính thức, giữ nguyên tiếng Việt.',
  },
  home: {
    title: 'Trang chủ',
    heroTitle: 'Làm thủ tục hành chính ở xã, phường',
    heroText:
      'Tìm thủ tục bạn cần để biết phải mang giấy tờ gì, chờ bao lâu và mất bao nhiêu tiền. Nhiều thủ tục nộp được ngay trên điện thoại, không phải đi lại.',
    searchLabel: 'Bạn cần làm thủ tục gì?',
    searchHint: 'Ví dụ: khai sinh, chứng thực, tạm trú. Gõ không dấu cũng được.',
    fieldsTitle: 'Lĩnh vực thường dùng',
    allFields: 'Tất cả lĩnh vực',
    searching: 'Đang tìm…',
    resultsCount_one: 'Tìm thấy {{count}} thủ tục',
    resultsCount_other: 'Tìm thấy {{count}} thủ tục',
    noResults: 'Không tìm thấy thủ tục phù hợp. Hãy thử từ khác ngắn hơn, hoặc chọn một lĩnh vực.',
    idle: 'Gõ tên thủ tục hoặc chọn một lĩnh vực để xem danh sách.',
    lookupTitle: 'Tra cứu hồ sơ',
    lookupText: 'Đã nộp hồ sơ? Xem hồ sơ của bạn đang ở bước nào và khi nào có kết quả.',
    lookupAction: 'Tra cứu hồ sơ',
  },
  procedure: {
    field: 'Lĩnh vực',
    code: 'Mã thủ tục',
    onlineFull: 'Nộp trực tuyến toàn trình',
    onlinePartial: 'Trực tuyến một phần',
    processingTime: 'Thời gian giải quyết',
    sameDay: 'Trong ngày',
    workingDays_one: '{{days}} ngày làm việc',
    workingDays_other: '{{days}} ngày làm việc',
    seeNote: 'Xem ghi chú bên dưới',
    fee: 'Lệ phí',
    free: 'Miễn phí',
    feeByProvince: 'Theo quy định của HĐND tỉnh',
    documents: 'Giấy tờ cần chuẩn bị',
    required: 'Bắt buộc',
    optional: 'Nếu có',
    copies_one: '{{count}} bản',
    copies_other: '{{count}} bản',
    noDocuments: 'Không cần nộp giấy tờ.',
    result: 'Kết quả bạn nhận được',
    legalBasis: 'Căn cứ pháp lý',
    lowConfidenceTitle: 'Thông tin đang được kiểm tra lại',
    lowConfidence:
      'Một số thông tin của thủ tục này chưa được xác nhận đầy đủ. Bạn nên hỏi bộ phận một cửa của xã, phường trước khi nộp.',
    submitOnline: 'Nộp hồ sơ trực tuyến',
    onlineUnknown:
      'Chưa có thông tin về việc nộp trực tuyến thủ tục này. Bạn có thể nộp trực tiếp tại bộ phận một cửa của xã, phường.',
    uncertainLabel: 'Điểm chưa chắc chắn:',
    notFoundTitle: 'Không tìm thấy thủ tục',
    notFoundText: 'Không có thủ tục nào mang mã {{code}}. Có thể đường dẫn đã cũ.',
  },
  submit: {
    title: 'Nộp hồ sơ trực tuyến',
    forProcedure: 'Thủ tục: {{name}}',
    loginRequiredTitle: 'Bạn cần đăng nhập để nộp hồ sơ',
    loginRequiredText:
      'Đăng nhập giúp hệ thống ghi nhận hồ sơ đúng người nộp và báo kết quả cho bạn. Sau khi đăng nhập, bạn sẽ quay lại đúng trang này.',
    loginAction: 'Đăng nhập để nộp hồ sơ',
  },
  notFound: {
    title: 'Không tìm thấy trang',
    text: 'Trang bạn tìm không có hoặc đã được chuyển đi.',
  },
  errors: {
    loadFailedTitle: 'Chưa tải được thông tin',
    network: 'Không kết nối được tới máy chủ. Vui lòng kiểm tra mạng rồi bấm “Thử lại”.',
    badRequest: 'Thông tin gửi lên chưa đúng. Vui lòng kiểm tra lại.',
    unauthorized: 'Bạn cần đăng nhập để tiếp tục.',
    forbidden: 'Bạn không có quyền thực hiện việc này.',
    notFound: 'Không tìm thấy thông tin yêu cầu.',
    conflict: 'Thông tin đã thay đổi trong lúc bạn thao tác. Vui lòng tải lại trang.',
    tooLarge: 'Tệp gửi lên quá lớn.',
    rateLimited: 'Bạn thao tác quá nhanh. Vui lòng chờ một lát rồi thử lại.',
    server: 'Hệ thống đang gặp sự cố. Vui lòng thử lại sau ít phút.',
    unknown: 'Đã có lỗi xảy ra. Vui lòng thử lại.',
  },
};

/** Shape every language must provide: same keys as Vietnamese, string leaves. */
export type Messages = typeof vi;
