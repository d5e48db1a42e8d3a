// Plain-data inputs of the document engine. Callers (the results service) map dossiers to these;
// the engine knows nothing about storage. All text is NFC-normalised when drawn.
import type { TemplateValue } from './format.ts';

/** The unit that issues the document, printed in the top-left block. */
export interface IssuingUnit {
  /** Optional superior line, e.g. "TỈNH ĐỒNG THÁP". */
  parentName?: string;
  /** e.g. "ỦY BAN NHÂN DÂN XÃ PHÚ LÂM" (printed as given). */
  name: string;
  /** e.g. "Bộ phận tiếp nhận và trả kết quả"; omitted for documents issued by the unit itself. */
  department?: string;
  /** Name as written inside sentences, e.g. "Ủy ban nhân dân xã Phú Lâm"; defaults to `name`. */
  nameInText?: string;
  /** Place name for the date line: "Phú Lâm, ngày …". */
  place: string;
  /** Hotline printed on forms 02 and 04. */
  phone?: string;
}

export interface Person {
  fullName: string;
  idNumber?: string;
  address?: string;
  phone?: string;
  email?: string;
}

/** An official who signs or handles the document. */
export interface Official {
  fullName: string;
  /** e.g. "Công chức tiếp nhận", "CHỦ TỊCH". */
  title?: string;
}

export interface ProcedureRef {
  code?: string;
  name: string;
}

/** How the dossier came in, and how the applicant collects the result. */
export type Channel = 'counter' | 'online' | 'postal';

/** Fields every document carries. */
export interface DocumentBase {
  unit: IssuingUnit;
  dossierCode: string;
  /** Encoded in the QR code and printed in the footer. */
  verificationUrl: string;
  /** Date printed on the document; defaults to now. */
  issuedAt?: Date;
  /** Official number, e.g. "125/GTN-UBND"; a blank "Số: …" line is printed when absent. */
  documentNumber?: string;
  /** Register book, printed as "Quyển số: …" under the number (civil-status documents). */
  documentBook?: string;
}

/** Fields shared by forms 01–04 (Thông tư 01/2018/TT-VPCP). */
export interface DossierNotice extends DocumentBase {
  applicant: Person;
  procedure: ProcedureRef;
  receivedAt: Date;
  official: Official;
}

export interface ReceivedDocument {
  name: string;
  originals?: number;
  copies?: number;
  note?: string;
}

/** Form 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
export interface ReceiptInput extends DossierNotice {
  documents: ReceivedDocument[];
  /** Number of dossier sets received; defaults to 1. */
  sets?: number;
  /** Statutory processing time, e.g. "05 ngày làm việc". */
  processingTime?: string;
  appointmentAt: Date;
  /** Printed "(dự kiến)": the appointment falls in a year whose days off are not announced yet. */
  appointmentProvisional?: boolean;
  channel: Channel;
  resultDelivery?: Channel;
}

/** Form 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
export interface SupplementRequestInput extends DossierNotice {
  missingItems: string[];
  reason: string;
}

/** Form 03 — Phiếu từ chối tiếp nhận, giải quyết hồ sơ. */
export interface RefusalInput extends DossierNotice {
  reason: string;
}

/** Form 04 — Phiếu xin lỗi và hẹn lại ngày trả kết quả. */
export interface ApologyInput extends DossierNotice {
  originalAppointmentAt: Date;
  reason: string;
  newAppointmentAt: Date;
}

export interface SignerBlock {
  /** e.g. "TM. ỦY BAN NHÂN DÂN" (on behalf of a collective body). */
  onBehalfOf?: string;
  /** Lines above the title, e.g. ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]; replaces onBehalfOf. */
  above?: string[];
  /** e.g. "CHỦ TỊCH". */
  title: string;
  fullName: string;
}

/** A procedure's result document, produced from a template and the dossier's form data. */
export interface ResultInput extends DocumentBase {
  title: string;
  subtitle?: string;
  /** Paragraphs with {field} placeholders filled from formData; a missing field throws. */
  body: string[];
  /** Key fields shown as a two-column table; values may contain placeholders too. */
  keyFields: { label: string; value: string }[];
  formData: Record<string, TemplateValue>;
  signer: SignerBlock;
  /** "Nơi nhận" list printed bottom-left. */
  recipients?: string[];
}

export const CHANNEL_LABEL: Record<Channel, string> = {
  counter: 'Trực tiếp tại Bộ phận tiếp nhận và trả kết quả',
  online: 'Trực tuyến qua Cổng dịch vụ công',
  postal: 'Qua dịch vụ bưu chính công ích',
};
