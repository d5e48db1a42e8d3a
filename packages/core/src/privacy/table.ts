/**
 * Who sees what: the one table, role × kind of data, that the server enforces
 * (packages/server/src/platform/privacy.ts), the drill checks (drill/access-matrix.ts), the office
 * app reads to decide which screens to offer, and docs/privacy.md is generated from
 * (scripts/privacy-doc.ts). Change it here and regenerate the doc; a test fails when they differ.
 *
 * Legal basis: Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân (Decree 13/2023 on personal data
 * protection). Only articles we could read are cited; see `DECREE_13`.
 */
import type { Role } from '../api/identity.ts';

/** Kinds of data Motcua holds, from the most to the least personal. */
export type DataKind =
  | 'identity'
  | 'contact'
  | 'application'
  | 'documents'
  | 'results'
  | 'internal_notes'
  | 'residents'
  | 'access_log'
  | 'account'
  | 'staff'
  | 'accounts'
  | 'figures';

/** Who is asking: no login, a citizen (VNeID), or an official holding one of the roles. */
export type Viewer = 'anonymous' | 'citizen' | OfficialRoleName;

/** The official roles, declared once in the contract (`OFFICIAL_ROLES`). */
export type OfficialRoleName = Role;

/**
 * How far a viewer sees a kind of data:
 * - `none`: never;
 * - `own`: a citizen, data about themselves (their dossiers, files, results, log); an official,
 *   their own account;
 * - `unit`: an official, data of the communes listed in their account, nowhere else;
 * - `province`: an official, data of the units listed and of every commune of a province listed;
 * - `all`: every unit.
 */
export type Reach = 'none' | 'own' | 'unit' | 'province' | 'all';

export interface Text {
  vi: string;
  en: string;
}

/** Articles of Decree 13/2023/NĐ-CP the table relies on, each read in the decree's text. */
export const DECREE_13 = {
  personalData: {
    ref: 'khoản 1 Điều 2',
    vi: 'Dữ liệu cá nhân: thông tin gắn liền với một con người cụ thể hoặc giúp xác định một con người cụ thể.',
    en: 'Personal data: information tied to, or identifying, a specific person.',
  },
  basicData: {
    ref: 'khoản 3 Điều 2',
    vi: 'Dữ liệu cá nhân cơ bản: họ tên, ngày sinh, giới tính, nơi thường trú và địa chỉ liên hệ, số điện thoại, số định danh cá nhân, tình trạng hôn nhân, quan hệ gia đình…',
    en: 'Basic personal data: name, date of birth, sex, residence and contact address, phone number, personal ID number, marital status, family relations…',
  },
  sensitiveData: {
    ref: 'khoản 4 Điều 2',
    vi: 'Dữ liệu cá nhân nhạy cảm, trong đó có thông tin về tình trạng sức khỏe.',
    en: 'Sensitive personal data, health information among it.',
  },
  processing: {
    ref: 'khoản 7 Điều 2',
    vi: 'Xử lý dữ liệu cá nhân gồm cả việc truy cập, truy xuất, chia sẻ, cung cấp.',
    en: 'Processing includes accessing, retrieving, sharing and providing.',
  },
  purpose: { ref: 'khoản 3 Điều 3', vi: 'Chỉ xử lý đúng mục đích đã tuyên bố.', en: 'Processed only for the declared purpose.' },
  minimisation: {
    ref: 'khoản 4 Điều 3',
    vi: 'Thu thập phù hợp và giới hạn trong phạm vi, mục đích cần xử lý.',
    en: 'Collected only as far as the purpose needs.',
  },
  rightToKnow: {
    ref: 'khoản 1 Điều 9',
    vi: 'Quyền được biết về hoạt động xử lý dữ liệu cá nhân của mình.',
    en: "The right to know how one's data is processed.",
  },
  rightOfAccess: { ref: 'khoản 3 Điều 9', vi: 'Quyền truy cập để xem dữ liệu cá nhân của mình.', en: "The right to access and view one's data." },
  rightToData: {
    ref: 'khoản 7 Điều 9',
    vi: 'Quyền yêu cầu Bên Kiểm soát cung cấp cho bản thân dữ liệu cá nhân của mình.',
    en: "The right to be provided with one's own data.",
  },
  withoutConsent: {
    ref: 'Điều 17',
    vi: 'Các trường hợp xử lý dữ liệu cá nhân không cần sự đồng ý của chủ thể dữ liệu.',
    en: "Processing without the data subject's consent.",
  },
} as const satisfies Record<string, { ref: string } & Text>;

export type DecreeClause = keyof typeof DECREE_13;

export interface KindInfo {
  kind: DataKind;
  label: Text;
  /** What the kind covers in Motcua. */
  holds: Text;
  /** Whether it is personal data of citizens (what the access drill looks for). */
  personal: boolean;
  basis: DecreeClause[];
}

export const DATA_KINDS: readonly KindInfo[] = [
  {
    kind: 'identity',
    personal: true,
    basis: ['basicData'],
    label: { vi: 'Nhân thân', en: 'Identity' },
    holds: { vi: 'Họ tên, số CCCD, ngày sinh, giới tính của người nộp hồ sơ', en: "Applicant's name, CCCD number, date of birth, sex" },
  },
  {
    kind: 'contact',
    personal: true,
    basis: ['basicData'],
    label: { vi: 'Liên lạc, nơi ở', en: 'Contact and address' },
    holds: { vi: 'Số điện thoại, email, địa chỉ, thôn ấp, địa chỉ nhận bưu gửi', en: 'Phone, email, address, hamlet, postal address' },
  },
  {
    kind: 'application',
    personal: true,
    basis: ['basicData', 'purpose'],
    label: { vi: 'Nội dung hồ sơ', en: 'Application' },
    holds: {
      vi: 'Tờ khai (tình trạng hôn nhân, quan hệ gia đình…), tiến trình, ghi nhận đồng ý, lý do gửi công dân',
      en: 'Form answers (marital status, family relations…), progress, consent record, reasons given to the citizen',
    },
  },
  {
    kind: 'documents',
    personal: true,
    basis: ['basicData'],
    label: { vi: 'Giấy tờ đính kèm', en: 'Attached documents' },
    holds: { vi: 'Tệp tải lên (ảnh CCCD, bản chụp giấy tờ), kho giấy tờ cá nhân', en: 'Uploaded files (ID card photos, scans), the personal document store' },
  },
  {
    kind: 'results',
    personal: true,
    basis: ['basicData'],
    label: { vi: 'Văn bản phát hành, trả kết quả', en: 'Issued documents and delivery' },
    holds: {
      vi: 'Giấy tiếp nhận, phiếu, kết quả đã ký số, bưu gửi (người nhận, địa chỉ)',
      en: 'Receipts, notices, signed results, shipments (recipient, address)',
    },
  },
  {
    kind: 'internal_notes',
    personal: true,
    basis: ['purpose'],
    label: { vi: 'Ghi chú nội bộ', en: 'Internal notes' },
    holds: { vi: 'Đề xuất của chuyên viên, ý kiến của lãnh đạo khi duyệt', en: "The specialist's proposal, the approver's remarks" },
  },
  {
    kind: 'residents',
    personal: true,
    basis: ['basicData', 'sensitiveData'],
    label: { vi: 'Người cần hỗ trợ tại nhà', en: 'Residents needing help' },
    holds: {
      vi: 'Họ tên, thôn ấp, lý do (cao tuổi, khuyết tật, ốm đau) — có thông tin sức khỏe',
      en: 'Name, hamlet, reason (elderly, disabled, ill) — health information',
    },
  },
  {
    kind: 'access_log',
    personal: true,
    basis: ['rightToKnow'],
    label: { vi: 'Nhật ký truy cập', en: 'Access log' },
    holds: {
      vi: 'Cán bộ nào đã xem hồ sơ, giấy tờ, văn bản của công dân, khi nào',
      en: "Which official viewed a citizen's dossier, files or documents, and when",
    },
  },
  {
    kind: 'account',
    personal: true,
    basis: ['rightOfAccess', 'rightToData'],
    label: { vi: 'Tài khoản của chính mình', en: "One's own account" },
    holds: { vi: 'Thông tin nhận từ VNeID, các phiên đăng nhập', en: 'What VNeID sent, login sessions' },
  },
  {
    kind: 'staff',
    personal: false,
    basis: ['purpose'],
    label: { vi: 'Cán bộ', en: 'Staff' },
    holds: {
      vi: 'Họ tên, vai trò của cán bộ (phân công, tổ lưu động, người xử lý hồ sơ)',
      en: 'Names and roles of officials (assignment, outreach teams, who handled a dossier)',
    },
  },
  {
    kind: 'accounts',
    personal: false,
    basis: ['purpose'],
    label: { vi: 'Quản lý tài khoản cán bộ', en: 'Staff account administration' },
    holds: { vi: 'Tên đăng nhập, vai trò, đơn vị, mã truy cập API', en: 'Usernames, roles, units, API tokens' },
  },
  {
    kind: 'figures',
    personal: false,
    basis: ['personalData'],
    label: { vi: 'Số liệu tổng hợp', en: 'Figures' },
    holds: {
      vi: 'Số hồ sơ, tỉ lệ đúng hạn, trực tuyến, kết quả lưu động — không gắn với người nào',
      en: 'Counts, on-time and online rates, outreach tallies — tied to no person',
    },
  },
];

export const VIEWERS: readonly { viewer: Viewer; label: Text; why: Text }[] = [
  {
    viewer: 'anonymous',
    label: { vi: 'Chưa đăng nhập', en: 'Anonymous' },
    why: {
      vi: 'Chỉ tra cứu tiến độ bằng mã hồ sơ kèm số điện thoại hoặc CCCD; không thấy dữ liệu cá nhân.',
      en: 'Status look-up with the code plus phone or CCCD only; no personal data.',
    },
  },
  {
    viewer: 'citizen',
    label: { vi: 'Công dân', en: 'Citizen' },
    why: {
      vi: 'Thấy mọi dữ liệu về mình, kể cả ai đã xem và khi nào, và tải về được; không thấy gì của người khác.',
      en: 'Sees all data about themselves, including who viewed it and when, and can download it; nothing of anyone else.',
    },
  },
  {
    viewer: 'receptionist',
    label: { vi: 'Tiếp nhận, trả kết quả', en: 'Receptionist' },
    why: { vi: 'Tiếp nhận, kiểm tra, trả kết quả hồ sơ của xã mình.', en: 'Receives, checks and returns the dossiers of their commune.' },
  },
  {
    viewer: 'specialist',
    label: { vi: 'Chuyên viên', en: 'Specialist' },
    why: { vi: 'Thẩm định hồ sơ của xã mình.', en: 'Examines the dossiers of their commune.' },
  },
  {
    viewer: 'approver',
    label: { vi: 'Lãnh đạo duyệt', en: 'Approver' },
    why: { vi: 'Duyệt, ký kết quả hồ sơ của xã mình.', en: 'Approves and signs the dossiers of their commune.' },
  },
  {
    viewer: 'outreach',
    label: { vi: 'Tổ lưu động', en: 'Outreach team' },
    why: {
      vi: 'Tiếp nhận lưu động và đến nhà người cần hỗ trợ trong xã mình.',
      en: 'Receives in the hamlets and visits residents needing help in their commune.',
    },
  },
  {
    viewer: 'commune_admin',
    label: { vi: 'Quản trị xã', en: 'Commune administrator' },
    why: {
      vi: 'Quản lý cán bộ, phân công, xử lý trường hợp đặc biệt của xã mình.',
      en: 'Manages staff, assigns work and handles exceptions in their commune.',
    },
  },
  {
    viewer: 'province_viewer',
    label: { vi: 'Theo dõi cấp tỉnh', en: 'Province viewer' },
    why: {
      vi: 'Theo dõi chỉ tiêu: chỉ số liệu tổng hợp, không mở hồ sơ (khoản 4 Điều 3: dữ liệu giới hạn trong phạm vi cần xử lý).',
      en: 'Follows the indicators: figures only, never a dossier (data limited to what the purpose needs).',
    },
  },
  {
    viewer: 'system_admin',
    label: { vi: 'Quản trị hệ thống', en: 'System administrator' },
    why: {
      vi: 'Vận hành nền tảng và tài khoản; không tham gia xử lý hồ sơ nên không xem dữ liệu cá nhân của công dân.',
      en: "Runs the platform and accounts; takes no part in dossiers, so reads no citizen's personal data.",
    },
  },
];

/** Staff who work a commune's dossiers: every role of the one-stop desk. */
const DESK: Record<DataKind, Reach> = {
  identity: 'unit',
  contact: 'unit',
  application: 'unit',
  documents: 'unit',
  results: 'unit',
  internal_notes: 'unit',
  residents: 'none',
  access_log: 'none',
  account: 'own',
  staff: 'unit',
  accounts: 'none',
  figures: 'unit',
};

export const WHO_SEES: Readonly<Record<Viewer, Readonly<Record<DataKind, Reach>>>> = {
  anonymous: {
    identity: 'none',
    contact: 'none',
    application: 'none',
    documents: 'none',
    results: 'none',
    internal_notes: 'none',
    residents: 'none',
    access_log: 'none',
    account: 'none',
    staff: 'none',
    accounts: 'none',
    figures: 'none',
  },
  citizen: {
    identity: 'own',
    contact: 'own',
    application: 'own',
    documents: 'own',
    results: 'own',
    internal_notes: 'none',
    residents: 'none',
    access_log: 'own',
    account: 'own',
    staff: 'own',
    accounts: 'none',
    figures: 'none',
  },
  receptionist: { ...DESK, residents: 'unit' },
  specialist: DESK,
  approver: DESK,
  outreach: { ...DESK, residents: 'unit' },
  commune_admin: { ...DESK, residents: 'unit', accounts: 'unit' },
  province_viewer: {
    identity: 'none',
    contact: 'none',
    application: 'none',
    documents: 'none',
    results: 'none',
    internal_notes: 'none',
    residents: 'none',
    access_log: 'none',
    account: 'own',
    staff: 'none',
    accounts: 'none',
    figures: 'province',
  },
  system_admin: {
    identity: 'none',
    contact: 'none',
    application: 'none',
    documents: 'none',
    results: 'none',
    internal_notes: 'none',
    residents: 'none',
    access_log: 'none',
    account: 'own',
    staff: 'all',
    accounts: 'all',
    figures: 'all',
  },
};

const ORDER: readonly Reach[] = ['none', 'own', 'unit', 'province', 'all'];

/** The widest reach any of these roles gives (roles apply in every unit of the account). */
export function reachOf(viewers: readonly Viewer[], kind: DataKind): Reach {
  let best: Reach = 'none';
  for (const v of viewers) {
    const r = WHO_SEES[v]?.[kind] ?? 'none';
    if (ORDER.indexOf(r) > ORDER.indexOf(best)) best = r;
  }
  return best;
}

/** Whether holders of these roles see this kind of data anywhere (to offer a screen or not). */
export function seesAnywhere(viewers: readonly Viewer[], kind: DataKind): boolean {
  return reachOf(viewers, kind) !== 'none';
}

/**
 * Workflow steps whose notes are internal (kind `internal_notes`): the specialist's proposal and
 * the approver's remarks. The citizen sees that the step happened and when, not the note.
 */
export const INTERNAL_NOTE_ACTIONS: readonly string[] = ['propose', 'approve'];
