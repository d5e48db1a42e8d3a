import { randomUUID } from 'node:crypto';
import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PersonalDocument, Upload } from '@motcua/core/api';
import { PROBLEM } from '@motcua/core/problems';
import { nfc } from '@motcua/core/text';
import { inTransaction, type Db } from '../../db/database.ts';
import type { Actor } from '../../platform/access.ts';
import type { AppContext } from '../../platform/context.ts';
import { badRequest, forbidden, Problem } from '../../platform/errors.ts';
import { unitScope } from '../../platform/privacy.ts';
import { BlobMissingError, openBlob, type BlobStore } from './blob-store.ts';
import { ContentGate, type Inspection } from './content-gate.ts';
import { uploadsStore as store, type AttachmentRow, type UploadRow } from './store.ts';

export type OfficialActor = Extract<Actor, { kind: 'official' }>;
export type CitizenActor = Extract<Actor, { kind: 'citizen' }>;

/** Called inside a transaction for every read of an upload by an official (wire the audit log here). */
export type OfficialReadHook = (trx: Db, actor: OfficialActor, uploadId: string, dossierCode: string | null) => Promise<void>;

export interface UploadsServiceOptions {
  blobs: BlobStore;
  onOfficialRead?: OfficialReadHook;
}

/** An upload and a kept document as the API shows them (@motcua/core/api). */
export type UploadView = Upload;
export type { PersonalDocument };

export interface AttachmentInput {
  uploadId: string;
  /** Which dossier component the file answers (procedure's component key). */
  kind?: string | null;
  label?: string | null;
}

export interface Attachment extends AttachmentInput {
  dossierCode: string;
  upload: UploadView;
}

export type PersonalDocumentInput =
  | { uploadId: string; title: string; source: 'upload' | 'result'; dossierCode?: string | null }
  | { blobKey: string; filename?: string; title: string; source: 'upload' | 'result'; dossierCode?: string | null };

const EXT: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what file names and titles lose
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/g;

/** Keeps a display name only: no folders, no control characters, NFC, at most 200 characters. */
export function cleanFilename(raw: string | undefined, mediaType: string): string {
  const base = nfc(raw ?? '')
    .split(/[\\/]/)
    .pop()!
    .replace(CONTROL_CHARS, '')
    .trim();
  const fallback = `tai-lieu.${EXT[mediaType] ?? 'bin'}`;
  if (!base || base === '.' || base === '..') return fallback;
  if (base.length <= 200) return base;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return base.slice(0, 200 - ext.length) + ext;
}

export const uploadNotFound = (id: string) =>
  new Problem(404, PROBLEM.upload_not_found, `Không tìm thấy tệp "${id}".`, `Upload "${id}" was not found.`, { uploadId: id });

/**
 * The record exists but its bytes are not in this node's storage: every node must share one
 * storage (deploy/README.md). 503, not 500 or 404, because the file is not gone: another node,
 * or this one once storage is mounted, serves it.
 */
export const fileUnavailable = (key: string) =>
  new Problem(
    503,
    PROBLEM.file_unavailable,
    'Tệp đã được lưu nhưng máy chủ này hiện không đọc được. Vui lòng thử lại sau ít phút.',
    'The file is recorded but this server cannot read it right now. Please try again in a few minutes.',
    { retryAfterSeconds: 60, storageKey: key.split('/')[0] },
    { 'retry-after': '60' },
  );

/** The stored bytes under `key`, or the problem above when this node's storage lacks them. */
export async function openStored(blobs: BlobStore, key: string): Promise<Readable> {
  try {
    return await openBlob(blobs, key);
  } catch (err) {
    throw err instanceof BlobMissingError ? fileUnavailable(key) : err;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function view(row: UploadRow): UploadView {
  return {
    id: row.id,
    sha256: row.sha256,
    size: Number(row.size),
    mediaType: row.media_type,
    filename: row.filename,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

function ownedBy(row: UploadRow, kind: 'citizen' | 'official', ref: string): boolean {
  return row.owner_kind === kind && row.owner_ref === ref;
}

export class UploadsService {
  readonly blobs: BlobStore;
  private readonly onOfficialRead: OfficialReadHook | undefined;

  constructor(
    private readonly ctx: AppContext,
    options: UploadsServiceOptions,
  ) {
    this.blobs = options.blobs;
    this.onOfficialRead = options.onOfficialRead;
  }

  /**
   * Streams a file into storage through the content gate and records it. A refused file throws
   * the gate's Problem and leaves neither a stored object nor a row.
   */
  async receive(actor: Actor, source: Readable, filename?: string): Promise<UploadView> {
    const owner =
      actor.kind === 'citizen'
        ? { kind: 'citizen' as const, ref: actor.idNumber }
        : actor.kind === 'official'
          ? { kind: 'official' as const, ref: actor.userId }
          : null;
    if (!owner) throw forbidden();
    const id = randomUUID();
    const now = this.ctx.clock.now();
    const key = `u/${now.toISOString().slice(0, 7).replace('-', '/')}/${id}`;
    const gate = new ContentGate(this.ctx.config.uploadMaxBytes);
    source.on('error', (err) => gate.destroy(err));
    // A broken multipart body can end the part by destroying it without an error: pipe() would then
    // leave the gate waiting for an end that never comes (the request hung until the client gave up).
    // It may already be so when we get it (busboy reached the broken end before the handler ran).
    const closedEarly = () => {
      if (!source.readableEnded) gate.destroy(Object.assign(new Error('premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }));
    };
    if (source.destroyed) process.nextTick(closedEarly);
    else source.on('close', closedEarly);
    // A small refused file can fail the gate before the store attaches its own listeners; the
    // failure still reaches the caller through put() rejecting and gate.failure.
    gate.on('error', () => undefined);
    let inspection: Inspection;
    try {
      await this.blobs.put(key, source.pipe(gate));
      inspection = gate.inspection;
    } catch (err) {
      source.unpipe(gate);
      throw gate.failure ?? err;
    }
    try {
      const row = await store.insertUpload(this.ctx.db, {
        id,
        owner_kind: owner.kind,
        owner_ref: owner.ref,
        blob_key: key,
        sha256: inspection.sha256,
        size: inspection.size,
        media_type: inspection.mediaType,
        filename: cleanFilename(filename, inspection.mediaType),
        created_at: now,
      });
      return view(row);
    } catch (err) {
      await this.blobs.delete(key).catch(() => undefined);
      throw err;
    }
  }

  /**
   * Opens an upload for its owner, for the applicant of a dossier that attaches it, and for
   * officials of the units holding such a dossier. Everyone else gets 404, as if it did not exist.
   */
  async openForRead(actor: Actor, uploadId: string, dossierCode?: string): Promise<{ upload: UploadView; stream: Readable }> {
    if (!UUID.test(uploadId)) throw uploadNotFound(uploadId);
    const row = await inTransaction(this.ctx.db, async (trx) => {
      const row = await store.upload(trx, uploadId);
      if (!row) return undefined;
      if (actor.kind === 'citizen') {
        return ownedBy(row, 'citizen', actor.idNumber) || (await store.attachedForApplicant(trx, uploadId, actor.idNumber)) ? row : undefined;
      }
      if (actor.kind !== 'official') return undefined;
      let via: string | null = null;
      if (!ownedBy(row, 'official', actor.userId) || dossierCode) {
        // Attached files are personal data: only where the policy lets the official see documents.
        const dossiers = await store.dossiersInScope(trx, uploadId, unitScope(actor, 'documents'), dossierCode);
        if (dossiers.length === 0) return undefined;
        via = dossiers[0]!;
      }
      await this.onOfficialRead?.(trx, actor, uploadId, via);
      return row;
    });
    if (!row) throw uploadNotFound(uploadId);
    return { upload: view(row), stream: await openStored(this.blobs, row.blob_key) };
  }

  /**
   * For the dossier module, inside its transaction: records that the dossier carries these
   * uploads. Each must exist and belong to the actor, or, when an official files for a citizen
   * (`onBehalfOf`), to that citizen (e.g. from their personal store). `unitCode` is the unit
   * holding the dossier; its officials may then read the files. Returns the dossier's attachments
   * as now recorded for these uploads.
   */
  async attachToDossier(
    trx: Db,
    uploads: ReadonlyArray<string | AttachmentInput>,
    dossierCode: string,
    actor: Actor,
    options: { unitCode: string; onBehalfOf?: { idNumber: string } },
  ): Promise<Attachment[]> {
    const inputs = new Map<string, AttachmentInput>();
    for (const u of uploads) {
      const input = typeof u === 'string' ? { uploadId: u } : u;
      inputs.set(input.uploadId, input);
    }
    if (actor.kind === 'citizen' && options.onBehalfOf && options.onBehalfOf.idNumber !== actor.idNumber) {
      throw forbidden('Công dân chỉ nộp hồ sơ cho chính mình.', 'Citizens file dossiers for themselves only.');
    }
    if (actor.kind !== 'citizen' && actor.kind !== 'official') throw forbidden();
    const ids = [...inputs.keys()];
    const bad = ids.find((id) => !UUID.test(id));
    if (bad) throw uploadNotFound(bad);
    const rows = new Map((await store.uploads(trx, ids)).map((r) => [r.id, r]));
    const applicant = actor.kind === 'citizen' ? actor.idNumber : (options.onBehalfOf?.idNumber ?? null);
    for (const id of ids) {
      const row = rows.get(id);
      const allowed =
        row &&
        (actor.kind === 'citizen'
          ? ownedBy(row, 'citizen', actor.idNumber)
          : ownedBy(row, 'official', actor.userId) || (applicant !== null && ownedBy(row, 'citizen', applicant)));
      if (!allowed) throw uploadNotFound(id);
    }
    const by = actor.kind === 'citizen' ? `citizen:${actor.idNumber}` : `official:${actor.userId}`;
    const saved = await store.upsertAttachments(
      trx,
      ids.map((id) => ({
        dossier_code: dossierCode,
        upload_id: id,
        kind: inputs.get(id)!.kind ?? null,
        label: inputs.get(id)!.label ?? null,
        unit_code: options.unitCode,
        applicant_id_number: applicant,
        attached_by: by,
        attached_at: this.ctx.clock.now(),
      })),
    );
    return saved.map((a) => this.attachmentView(a, rows.get(a.upload_id)!));
  }

  /** The files a dossier carries, in the order they were attached. */
  async dossierAttachments(db: Db, dossierCode: string): Promise<Attachment[]> {
    const rows = await store.attachments(db, dossierCode);
    const uploads = new Map(
      (
        await store.uploads(
          db,
          rows.map((r) => r.upload_id),
        )
      ).map((u) => [u.id, u]),
    );
    return rows.map((a) => this.attachmentView(a, uploads.get(a.upload_id)!));
  }

  /** If a dossier is transferred to another unit, its files follow it. */
  async moveDossierAttachments(trx: Db, dossierCode: string, unitCode: string): Promise<void> {
    await trx.updateTable('dossier_attachment').set({ unit_code: unitCode }).where('dossier_code', '=', dossierCode).execute();
  }

  private attachmentView(a: AttachmentRow, u: UploadRow): Attachment {
    return { dossierCode: a.dossier_code, uploadId: a.upload_id, kind: a.kind, label: a.label, upload: view(u) };
  }

  /**
   * Adds a document to a citizen's personal store (kho giấy tờ cá nhân). Either an upload the
   * citizen owns, or a blob another module already wrote to this BlobStore (a dossier result),
   * which is inspected like any upload and recorded as the citizen's. Keeping the same upload
   * twice returns the existing entry.
   */
  async addToPersonalStore(trx: Db, idNumber: string, input: PersonalDocumentInput): Promise<PersonalDocument> {
    const title = this.cleanTitle(input.title);
    let upload: UploadRow;
    if ('uploadId' in input) {
      const row = UUID.test(input.uploadId) ? await store.upload(trx, input.uploadId) : undefined;
      if (!row || !ownedBy(row, 'citizen', idNumber)) throw uploadNotFound(input.uploadId);
      upload = row;
    } else {
      const inspection = await this.inspectBlob(input.blobKey);
      upload = await store.insertUpload(trx, {
        id: randomUUID(),
        owner_kind: 'citizen',
        owner_ref: idNumber,
        blob_key: input.blobKey,
        sha256: inspection.sha256,
        size: inspection.size,
        media_type: inspection.mediaType,
        filename: cleanFilename(input.filename ?? `${title}.${EXT[inspection.mediaType]}`, inspection.mediaType),
        created_at: this.ctx.clock.now(),
      });
    }
    const now = this.ctx.clock.now();
    await store.insertPersonalDocument(trx, {
      id: randomUUID(),
      owner_id_number: idNumber,
      upload_id: upload.id,
      title,
      source: input.source,
      dossier_code: input.dossierCode ?? null,
      created_at: now,
      updated_at: now,
    });
    const doc = await store.personalDocumentByUpload(trx, idNumber, upload.id);
    return this.documentView({ ...doc!, upload });
  }

  async personalDocuments(citizen: CitizenActor): Promise<PersonalDocument[]> {
    const rows = await store.personalDocuments(this.ctx.db, citizen.idNumber);
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      source: r.source,
      dossierCode: r.dossier_code,
      createdAt: new Date(r.created_at).toISOString(),
      updatedAt: new Date(r.updated_at).toISOString(),
      upload: { id: r.upload_id, sha256: r.sha256, size: Number(r.size), mediaType: r.media_type, filename: r.filename },
    }));
  }

  /** The files a citizen sent, as metadata (for the download of everything held about them). */
  async ownedBy(citizen: CitizenActor): Promise<UploadView[]> {
    return (await store.ownedByCitizen(this.ctx.db, citizen.idNumber)).map(view);
  }

  async keepUpload(citizen: CitizenActor, uploadId: string, title: string): Promise<PersonalDocument> {
    return inTransaction(this.ctx.db, (trx) => this.addToPersonalStore(trx, citizen.idNumber, { uploadId, title, source: 'upload' }));
  }

  async renamePersonalDocument(citizen: CitizenActor, id: string, title: string): Promise<PersonalDocument> {
    const clean = this.cleanTitle(title);
    if (!UUID.test(id) || !(await store.renamePersonalDocument(this.ctx.db, citizen.idNumber, id, clean, this.ctx.clock.now()))) throw documentNotFound(id);
    const doc = (await this.personalDocuments(citizen)).find((d) => d.id === id);
    return doc!;
  }

  /** Removes the entry from the list; the file stays while dossiers still carry it. */
  async removePersonalDocument(citizen: CitizenActor, id: string): Promise<void> {
    if (!UUID.test(id) || !(await store.deletePersonalDocument(this.ctx.db, citizen.idNumber, id))) throw documentNotFound(id);
  }

  private cleanTitle(title: string): string {
    const t = nfc(title).replace(CONTROL_CHARS, '').replace(/\s+/g, ' ').trim();
    if (t.length < 1 || t.length > 200) throw badRequest('Tên giấy tờ phải có từ 1 đến 200 ký tự.', 'A document title must have 1 to 200 characters.');
    return t;
  }

  private async inspectBlob(key: string): Promise<Inspection> {
    const gate = new ContentGate(Number.MAX_SAFE_INTEGER);
    try {
      await pipeline(this.blobs.get(key), gate, new Writable({ write: (_c, _e, cb) => cb() }));
    } catch (err) {
      throw gate.failure ?? err;
    }
    return gate.inspection;
  }

  private documentView(r: {
    id: string;
    title: string;
    source: 'upload' | 'result';
    dossier_code: string | null;
    created_at: Date;
    updated_at: Date;
    upload: UploadRow;
  }): PersonalDocument {
    const { createdAt: _c, ...upload } = view(r.upload);
    return {
      id: r.id,
      title: r.title,
      source: r.source,
      dossierCode: r.dossier_code,
      createdAt: new Date(r.created_at).toISOString(),
      updatedAt: new Date(r.updated_at).toISOString(),
      upload,
    };
  }
}

const documentNotFound = (id: string) =>
  new Problem(404, PROBLEM.document_not_found, `Không tìm thấy giấy tờ "${id}" trong kho của bạn.`, `Document "${id}" is not in your store.`);
