import type { DossierError, DossierState, ErrorCode } from './types.ts';

/** Vietnamese names of states, for messages shown to officials and applicants. */
export const STATE_LABEL_VI: Record<DossierState, string> = {
  submitted: 'đã nộp, chờ kiểm tra',
  received: 'đã tiếp nhận',
  supplement_requested: 'chờ bổ sung',
  in_progress: 'đang xử lý',
  pending_approval: 'chờ phê duyệt',
  approved: 'đã phê duyệt',
  rejected: 'bị từ chối giải quyết',
  result_ready: 'đã có kết quả',
  returned: 'đã trả kết quả',
  refused_intake: 'từ chối tiếp nhận',
  withdrawn: 'đã rút',
  cancelled: 'đã hủy',
};

/** Every state once, in the order of the workflow (the label record above lists each exactly once). */
export const DOSSIER_STATES = Object.keys(STATE_LABEL_VI) as DossierState[];

function error(code: ErrorCode, messageVi: string, messageEn: string, field?: string): DossierError {
  return field === undefined ? { code, messageVi, messageEn } : { code, messageVi, messageEn, field };
}

export const errors = {
  unknownAction: (action: string) => error('invalid_input', `Thao tác không hợp lệ: "${action}".`, `Unknown action: "${action}".`, 'action'),
  notYourRole: () => error('forbidden', 'Bạn không có quyền thực hiện thao tác này.', 'Your roles do not allow this action.'),
  outsideUnit: () => error('forbidden', 'Hồ sơ không thuộc đơn vị của bạn.', 'This dossier is not in one of your units.'),
  notOwner: () => error('forbidden', 'Chỉ người nộp hồ sơ mới được thực hiện thao tác này.', 'Only the applicant may do this.'),
  notAssignee: () => error('forbidden', 'Hồ sơ không được phân công cho bạn.', 'This dossier is not assigned to you.'),
  wrongState: (state: DossierState) =>
    error('invalid_state', `Không thể thực hiện khi hồ sơ ở trạng thái "${STATE_LABEL_VI[state]}".`, `Not allowed while the dossier is "${state}".`),
  notSameDay: () =>
    error('invalid_state', 'Chỉ thủ tục giải quyết trong ngày mới được trả kết quả ngay.', 'Only same-day procedures can be completed on the spot.'),
  late: (dueAt: string) =>
    error(
      'late_needs_apology',
      `Hồ sơ đã quá hạn (hẹn trả ${dueAt}). Cần lập văn bản xin lỗi và hẹn lại ngày trả kết quả trước.`,
      `The dossier is overdue (due ${dueAt}). Record an apology with a new appointment first.`,
    ),
  required: (field: string) => error('invalid_input', `Trường "${field}" là bắt buộc.`, `"${field}" is required.`, field),
  notText: (field: string) => error('invalid_input', `Trường "${field}" phải là chuỗi ký tự.`, `"${field}" must be a string.`, field),
  tooLong: (field: string, max: number) =>
    error('invalid_input', `Trường "${field}" dài quá ${max} ký tự.`, `"${field}" is longer than ${max} characters.`, field),
  notList: (field: string) =>
    error('invalid_input', `Trường "${field}" phải là danh sách chuỗi ký tự không rỗng.`, `"${field}" must be a list of non-empty strings.`, field),
  notOption: (field: string, options: readonly string[]) =>
    error('invalid_input', `Trường "${field}" phải là một trong: ${options.join(', ')}.`, `"${field}" must be one of: ${options.join(', ')}.`, field),
  notDateTime: (field: string) =>
    error(
      'invalid_input',
      `Trường "${field}" phải là thời điểm ISO 8601 có múi giờ (ví dụ 2025-07-01T17:00:00+07:00).`,
      `"${field}" must be an ISO 8601 date-time with an offset (e.g. 2025-07-01T17:00:00+07:00).`,
      field,
    ),
  appointmentTooEarly: () =>
    error(
      'invalid_input',
      'Ngày hẹn mới phải sau thời điểm hiện tại và sau ngày hẹn cũ.',
      'The new appointment must be later than now and than the current appointment.',
      'newAppointment',
    ),
  sameUnit: () => error('invalid_input', 'Đơn vị chuyển đến phải khác đơn vị hiện tại.', 'The target unit must differ from the current one.', 'toUnitCode'),
  sameAssignee: () => error('invalid_input', 'Hồ sơ đã được phân công cho người này.', 'The dossier is already assigned to this person.', 'assigneeUserId'),
  badCode: () =>
    error(
      'invalid_input',
      'Mã hồ sơ không đúng định dạng MÃĐƠNVỊ-YYMMDD-NNNN của đơn vị tiếp nhận.',
      "The dossier code is not in the receiving unit's AGENCYCODE-YYMMDD-NNNN format.",
      'code',
    ),
  badProcessing: () =>
    error(
      'invalid_input',
      'Thời hạn giải quyết phải là số ngày làm việc (bội của 0,5, tối đa 365) hoặc trong ngày.',
      'Processing time must be working days (a multiple of 0.5, at most 365) or same-day.',
      'processing',
    ),
  channelNotForActor: () => error('forbidden', 'Bạn không được tiếp nhận hồ sơ qua kênh này.', 'You may not take in dossiers through this channel.', 'channel'),
};
