// Maps a dossier (its event log, intake and procedure) to the document engine's plain inputs.
import type { DossierView } from '@motcua/core/dossier';
import type { FormField, FormScalarField, Procedure } from '@motcua/core/catalog';
import { inProvisionalYear, type IntakeDetails } from '../dossiers/index.ts';
import type { StoredEvent } from '../dossiers/index.ts';
import { CIVIL_FORMS, signerLines, type FormContext } from './civil-forms.ts';
import {
  renderApology,
  renderCivilRecord,
  renderReceipt,
  renderRefusal,
  renderResult,
  renderSupplementRequest,
  vnShortDate,
  type Channel,
  type DossierNotice,
  type ReceivedDocument,
  type TemplateValue,
} from './documents/index.ts';
import type { Issuer } from './issuer.ts';
import type { RegisterKind, RegisterNumber } from './register.ts';
import type { DocumentKind } from './tables.ts';

export const KIND_TITLE: Record<DocumentKind, { vi: string; en: string }> = {
  receipt: { vi: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01)', en: 'Receipt and appointment (form 01)' },
  supplement_request: { vi: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02)', en: 'Request to complete the dossier (form 02)' },
  refusal: { vi: 'Phiếu từ chối tiếp nhận, giải quyết hồ sơ (mẫu 03)', en: 'Refusal notice (form 03)' },
  apology: { vi: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)', en: 'Apology with a new date (form 04)' },
  result: { vi: 'Kết quả giải quyết thủ tục hành chính', en: 'Result of the administrative procedure' },
};

const CHANNEL: Record<string, Channel> = { online: 'online', counter: 'counter', outreach: 'counter', postal: 'postal' };
const DELIVERY: Record<string, Channel> = { counter: 'counter', post: 'postal', electronic: 'online' };
const pad2 = (n: number) => String(n).padStart(2, '0');

function processingTime(view: DossierView): string {
  return 'sameDay' in view.processing ? 'Trong ngày làm việc' : `${pad2(view.processing.workingDays)} ngày làm việc`;
}

function receivedDocuments(intake: IntakeDetails, procedure: Procedure | null): ReceivedDocument[] {
  if (intake.attachments.length > 0) {
    return intake.attachments.map((a) => ({ name: a.label ?? a.filename, originals: 0, copies: 1, note: 'Bản điện tử' }));
  }
  return (procedure?.documents ?? []).map((d) => ({ name: d.name, originals: 1, copies: 0, note: d.required ? '' : 'Nếu có' }));
}

/** The appointment in force just before an event: the latest receipt, supplement or apology. */
function dueBefore(events: readonly StoredEvent[], seq: number): Date | null {
  let due: string | null = null;
  for (const e of events) {
    if (e.seq >= seq) break;
    if (e.type === 'submitted' || e.type === 'receive' || e.type === 'submit_supplement') due = e.data.dueAt ?? due;
    if (e.type === 'record_apology') due = e.data.newAppointment;
  }
  return due ? new Date(due) : null;
}

function receivedAt(view: DossierView): Date {
  return new Date(view.receivedAt ?? view.submittedAt);
}

/** A form answer as printed: choices by their Vietnamese title, lists item by item. */
function display(field: FormField | undefined, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (Array.isArray(value)) {
    const item = field && field.type === 'array' ? field.items.properties : {};
    return value
      .map(
        (v, i) =>
          `${i + 1}) ${Object.entries(v as Record<string, unknown>)
            .map(([k, x]) => `${item[k]?.title ?? k}: ${display(item[k], x)}`)
            .join('; ')}`,
      )
      .join(' ');
  }
  const scalar = field as FormScalarField | undefined;
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (scalar?.type === 'string' && scalar.oneOf) return scalar.oneOf.find((c) => c.const === value)?.title ?? String(value);
  if (scalar?.type === 'string' && scalar.format === 'date' && typeof value === 'string') return vnShortDate(new Date(`${value}T12:00:00+07:00`));
  return String(value);
}

export interface RenderContext {
  kind: DocumentKind;
  event: StoredEvent;
  view: DossierView;
  events: readonly StoredEvent[];
  intake: IntakeDetails;
  procedure: Procedure | null;
  issuer: Issuer;
  verificationUrl: string;
  issuedAt: Date;
  /** The number drawn for a result (registerFor); absent for forms 01–04. */
  register?: RegisterNumber;
  /** Who decided (the event's actor) and their position as recorded by the identity module. */
  signer?: { fullName: string; jobTitle: string | null };
}

/** The register a dossier's result is entered in: its civil-status book, else the outgoing documents. */
export function registerFor(procedureCode: string): RegisterKind {
  return CIVIL_FORMS[procedureCode]?.register ?? 'outgoing';
}

/** The title a result is listed under: its form's name, else the generic notice's. */
export function resultTitle(procedureCode: string, procedureName: string): string {
  return CIVIL_FORMS[procedureCode]?.listTitle ?? `${KIND_TITLE.result.vi}: ${procedureName}`;
}

/** Renders the unsigned PDF of one document; the title is what lists and the verify page show. */
export async function renderDocument(c: RenderContext): Promise<{ pdf: Uint8Array; title: string }> {
  const a = c.intake.applicant;
  const notice: DossierNotice = {
    unit: { ...c.issuer.unit, department: 'Bộ phận tiếp nhận và trả kết quả' },
    dossierCode: c.view.code,
    verificationUrl: c.verificationUrl,
    issuedAt: c.issuedAt,
    applicant: { fullName: a.fullName, idNumber: a.idNumber, address: a.addressLine, phone: a.phone, ...(a.email ? { email: a.email } : {}) },
    procedure: { code: c.view.procedureCode, name: c.intake.procedureName },
    receivedAt: receivedAt(c.view),
    official: { fullName: c.event.actor.name, title: 'Công chức tiếp nhận' },
  };
  const title = c.kind === 'result' ? resultTitle(c.view.procedureCode, c.intake.procedureName) : KIND_TITLE[c.kind].vi;
  const e = c.event;
  switch (c.kind) {
    case 'receipt': {
      const due = dueBefore(c.events, e.seq + 1);
      if (!due) throw new Error(`Dossier ${c.view.code} has no appointment at event ${e.seq}`);
      return {
        title,
        pdf: await renderReceipt({
          ...notice,
          documents: receivedDocuments(c.intake, c.procedure),
          processingTime: processingTime(c.view),
          appointmentAt: due,
          appointmentProvisional: inProvisionalYear(due),
          channel: CHANNEL[c.view.channel] ?? 'counter',
          resultDelivery: DELIVERY[c.intake.resultDelivery] ?? 'counter',
        }),
      };
    }
    case 'supplement_request': {
      if (e.type !== 'request_supplement') throw new Error('supplement request needs a request_supplement event');
      return { title, pdf: await renderSupplementRequest({ ...notice, missingItems: e.data.missingDocuments, reason: e.data.reason }) };
    }
    case 'refusal': {
      if (e.type !== 'refuse_intake' && e.type !== 'refuse') throw new Error('refusal needs a refuse_intake or refuse event');
      const official = e.type === 'refuse' ? { fullName: e.actor.name, title: 'Người có thẩm quyền giải quyết' } : notice.official;
      return { title, pdf: await renderRefusal({ ...notice, official, reason: e.data.reason }) };
    }
    case 'apology': {
      if (e.type !== 'record_apology') throw new Error('apology needs a record_apology event');
      const original = dueBefore(c.events, e.seq) ?? receivedAt(c.view);
      return {
        title,
        pdf: await renderApology({
          ...notice,
          official: { fullName: e.actor.name, title: 'Thủ trưởng cơ quan' },
          originalAppointmentAt: original,
          newAppointmentAt: new Date(e.data.newAppointment),
          reason: e.data.reason,
        }),
      };
    }
    case 'result': {
      const form = CIVIL_FORMS[c.view.procedureCode];
      return { title, pdf: form ? await renderCivilRecord(civilInput(c, form)) : await renderResult(resultInput(c)) };
    }
  }
}

const lines = (l: { above: string[]; heading: string }) => ({ above: l.above, title: l.heading });

function requireRegister(c: RenderContext): RegisterNumber {
  if (!c.register || !c.signer) throw new Error(`Result of ${c.view.code} needs its register number and signer`);
  return c.register;
}

/** The form's answers as printed, for a civil-status form's items. */
function formContext(c: RenderContext): FormContext {
  const props = (c.procedure?.formSchema.properties ?? {}) as Record<string, FormField>;
  const text = (key: string) => display(props[key], c.intake.form[key]);
  return {
    text,
    year: (key) => {
      const v = c.intake.form[key];
      return typeof v === 'string' && /^\d{4}-/.test(v) ? v.slice(0, 4) : '';
    },
    applicant: c.intake.applicant,
    registeredBy: c.issuer.placeOfRegistration,
    registeredOn: vnShortDate(c.issuedAt),
  };
}

function civilInput(c: RenderContext, form: (typeof CIVIL_FORMS)[string]) {
  const register = requireRegister(c);
  return {
    unit: c.issuer.unit,
    dossierCode: c.view.code,
    verificationUrl: c.verificationUrl,
    issuedAt: c.issuedAt,
    documentNumber: `${register.number}${form.numberSuffix}`,
    ...(form.printBook ? { documentBook: register.book } : {}),
    title: form.title,
    subtitle: '(Bản điện tử)',
    blocks: form.blocks(formContext(c)),
    signer: { ...signerLines(form.signer, c.signer!.jobTitle), fullName: c.signer!.fullName },
  };
}

/**
 * Procedures without a prescribed form here (civil-forms.ts) get a notice of result: the decision,
 * the procedure's stated result and the applicant's answers in the order of the procedure's form.
 * Numbered in the unit's outgoing-documents register ("TB" for thông báo, Decree 30/2020/NĐ-CP
 * Appendix III). Values go through placeholders so text typed by citizens is never read as a template.
 */
function resultInput(c: RenderContext) {
  const register = requireRegister(c);
  const a = c.intake.applicant;
  const formData: Record<string, TemplateValue> = {
    applicantName: a.fullName,
    idNumber: a.idNumber,
    address: a.addressLine,
    submittedOn: new Date(c.view.submittedAt),
    procedureName: c.intake.procedureName,
    resultName: c.procedure?.result || c.intake.procedureName,
    unitName: c.issuer.displayName,
  };
  const keyFields = [
    { label: 'Người yêu cầu', value: '{applicantName}' },
    { label: 'Số định danh cá nhân', value: '{idNumber}' },
    { label: 'Địa chỉ', value: '{address}' },
  ];
  const props = (c.procedure?.formSchema.properties ?? {}) as Record<string, FormField>;
  // The form's order, not the order the answers happened to be stored in; answers the form no
  // longer has come last.
  const keys = [...Object.keys(props).filter((k) => Object.hasOwn(c.intake.form, k)), ...Object.keys(c.intake.form).filter((k) => !Object.hasOwn(props, k))];
  keys.forEach((key, i) => {
    const text = display(props[key], c.intake.form[key]);
    if (!text) return;
    formData[`f${i}`] = text;
    keyFields.push({ label: props[key]?.title ?? key, value: `{f${i}}` });
  });
  // The approver's note is an internal remark (e.g. "Đồng ý.."), not part of the decision.
  return {
    unit: c.issuer.unit,
    dossierCode: c.view.code,
    verificationUrl: c.verificationUrl,
    issuedAt: c.issuedAt,
    documentNumber: `${register.number}/TB-UBND`,
    title: 'Thông báo kết quả giải quyết hồ sơ',
    subtitle: `Về việc: ${c.intake.procedureName}`,
    body: [
      'Căn cứ hồ sơ đề nghị của ông/bà {applicantName} nộp ngày {submittedOn} về thủ tục {procedureName}; {unitName} đã xem xét và chấp thuận giải quyết.',
      'Kết quả giải quyết: {resultName}.',
    ],
    keyFields,
    formData,
    signer: { ...lines(signerLines('committee', c.signer!.jobTitle)), fullName: c.signer!.fullName },
    recipients: ['Người yêu cầu', 'Lưu: VT, Bộ phận Một cửa'],
  };
}
