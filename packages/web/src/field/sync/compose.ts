import { dueDate, vnDate, type Processing, type WorkCalendar } from '@motcua/core/calendar';
import type { Applicant as ApiApplicant } from '@motcua/core/api';
import type { Procedure } from '@motcua/core/catalog';
import { codeFromReservedBlock, type ReservedCodeBlock } from '@motcua/core/dossier';
import { sha256Hex, type Sealer } from './crypto.ts';
import type { FieldFile, OutboxItem, OpSummary } from './types.ts';

/** The parts of the kit that numbering and due dates need (see the server's FieldKit). */
export interface KitBasics {
  session: { id: string; day: string; unitCode: string };
  calendar: WorkCalendar;
  codeBlock: ReservedCodeBlock;
}

/** The applicant as the field app sends it (no e-mail: the outreach form does not ask for one). */
export type Applicant = Omit<ApiApplicant, 'email'>;

let lastSeq = 0;
/** Creation order that survives reloads (wall clock) and never repeats within one (bump). */
export function nextSeq(): number {
  lastSeq = Math.max(Date.now(), lastSeq + 1);
  return lastSeq;
}

/** The server's rule (dossiers/validate.ts processingFor): same day, catalog days, or the desk's number. */
function processingOf(procedure: Pick<Procedure, 'sameDay' | 'processingDays'>, deskDays?: number): Processing | null {
  if (procedure.sameDay) return { sameDay: true };
  if (procedure.processingDays !== null) return { workingDays: procedure.processingDays };
  return deskDays !== undefined && deskDays > 0 ? { workingDays: deskDays } : null;
}

/** The dossier's code from the reserved block and its appointment, exactly as the server will compute them. */
function numberDossier(kit: KitBasics, offset: number, receivedAt: Date, processing: Processing): { code: string; dueAt: string } {
  return {
    code: codeFromReservedBlock(kit.codeBlock, vnDate(receivedAt), offset),
    dueAt: dueDate(receivedAt, processing, kit.calendar).toISOString(),
  };
}

const baseItem = (kind: OutboxItem['kind'], sessionId: string, at: string, summary: OpSummary): Omit<OutboxItem, 'sealed'> => ({
  id: crypto.randomUUID(),
  seq: nextSeq(),
  sessionId,
  kind,
  at,
  state: 'queued',
  summary,
  fileIds: [],
  prepared: false,
  attempts: 0,
  nextAttemptAt: 0,
});

async function captureFile(sealer: Sealer, opId: string, name: string, mediaType: FieldFile['mediaType'], bytes: Uint8Array): Promise<FieldFile> {
  const id = crypto.randomUUID();
  return { id, opId, name, mediaType, size: bytes.length, sha256: await sha256Hex(bytes), sealed: await sealer.seal(bytes, id), complete: false };
}

export interface ReceiveInput {
  kit: KitBasics;
  offset: number;
  receivedAt: Date;
  procedure: Pick<Procedure, 'code' | 'sameDay' | 'processingDays'>;
  /** Only when the catalog states no time: the official sets it at intake. */
  processingDays?: number;
  applicant: Applicant;
  form: Record<string, unknown>;
  files: { name: string; mediaType: FieldFile['mediaType']; bytes: Uint8Array }[];
  resultDelivery: 'counter' | 'post' | 'electronic';
  postalAddress?: string;
  consent: { method: 'signature' | 'verbal' | 'written'; note?: string };
}

/** A receive_dossier op with its sealed body and sealed files, ready to store. */
export async function receiveOp(sealer: Sealer, input: ReceiveInput): Promise<{ item: OutboxItem; files: FieldFile[] }> {
  const processing = processingOf(input.procedure, input.processingDays);
  if (!processing) throw new RangeError('processing time unknown: the official must set processingDays');
  const at = input.receivedAt.toISOString();
  const { code, dueAt } = numberDossier(input.kit, input.offset, input.receivedAt, processing);
  const base = baseItem('receive_dossier', input.kit.session.id, at, {
    dossierCode: code,
    procedureCode: input.procedure.code,
    hamletCode: input.applicant.hamlet,
    receivedAt: at,
    dueAt,
    fileCount: input.files.length,
  });
  const files = await Promise.all(input.files.map((f) => captureFile(sealer, base.id, f.name, f.mediaType, f.bytes)));
  const body = {
    id: base.id,
    kind: 'receive_dossier',
    at,
    dossier: {
      code,
      receivedAt: at,
      procedureCode: input.procedure.code,
      applicant: input.applicant,
      form: input.form,
      resultDelivery: input.resultDelivery,
      ...(input.postalAddress ? { postalAddress: input.postalAddress } : {}),
      consent: input.consent,
      ...(input.processingDays !== undefined && !input.procedure.sameDay && input.procedure.processingDays === null
        ? { processingDays: input.processingDays }
        : {}),
    },
  };
  return { item: { ...base, fileIds: files.map((f) => f.id), sealed: await sealer.sealJson(body, base.id) }, files };
}

/**
 * complete_on_spot for a dossier received in this session; baseVersion is filled in at sync time.
 * Never dated before the receipt (a clock offset re-measured in between could do that): the
 * server refuses a history that goes backwards.
 */
export async function completeOp(sealer: Sealer, received: OutboxItem, at: Date, note?: string): Promise<OutboxItem> {
  const code = received.summary.dossierCode!;
  const when = new Date(Math.max(at.getTime(), Date.parse(received.at)));
  const base = {
    ...baseItem('complete_on_spot', received.sessionId, when.toISOString(), {
      dossierCode: code,
      procedureCode: received.summary.procedureCode,
      hamletCode: received.summary.hamletCode ?? null,
    }),
    dependsOn: received.id,
  };
  const body = { id: base.id, kind: 'complete_on_spot', at: base.at, dossierCode: code, ...(note ? { note } : {}) };
  return { ...base, sealed: await sealer.sealJson(body, base.id) };
}

export async function consultationOp(
  sealer: Sealer,
  sessionId: string,
  at: Date,
  input: { hamletCode: string | null; topic: string; procedureCode?: string; people: number },
): Promise<OutboxItem> {
  const summary = {
    hamletCode: input.hamletCode,
    topic: input.topic,
    people: input.people,
    ...(input.procedureCode ? { procedureCode: input.procedureCode } : {}),
  };
  const base = baseItem('record_consultation', sessionId, at.toISOString(), summary);
  const body = {
    id: base.id,
    kind: 'record_consultation',
    at: base.at,
    hamletCode: input.hamletCode,
    topic: input.topic,
    people: input.people,
    ...(input.procedureCode ? { procedureCode: input.procedureCode } : {}),
  };
  return { ...base, sealed: await sealer.sealJson(body, base.id) };
}

export async function surveyOp(
  sealer: Sealer,
  sessionId: string,
  at: Date,
  input: { hamletCode: string | null; ratings: { overall: number; staff: number; convenience: number }; comment?: string },
): Promise<OutboxItem> {
  const base = baseItem('record_survey', sessionId, at.toISOString(), { hamletCode: input.hamletCode, ratings: input.ratings });
  const comment = input.comment?.trim();
  const body = { id: base.id, kind: 'record_survey', at: base.at, hamletCode: input.hamletCode, ratings: input.ratings, ...(comment ? { comment } : {}) };
  return { ...base, sealed: await sealer.sealJson(body, base.id) };
}
