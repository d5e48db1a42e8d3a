import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { DossierProgress, IssuedDocument } from '@motcua/core/api';
import { deriveDossier } from '@motcua/core/dossier';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../platform/access.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { appendAudit, auditActor, canonicalJson } from '../audit/index.ts';
import type { CatalogService } from '../catalog/index.ts';
import { systemActor } from '../dossiers/index.ts';
import type { DossierService } from '../dossiers/index.ts';
import { openStored, type BlobStore, type UploadsService } from '../uploads/index.ts';
import { officialsById } from '../identity/index.ts';
import { KIND_TITLE, registerFor, renderDocument, type RenderContext } from './inputs.ts';
import { drawRegisterNumber } from './register.ts';
import { issuerOf } from './issuer.ts';
import { UnitSigners } from './signers.ts';
import { lockedVault } from './credential-vault.ts';
import { inspectSignedPdf, sha256Hex } from './signing/index.ts';
import { resultsStore as store, type DocumentRow } from './store.ts';
import type { DocumentKind } from './tables.ts';

/** Outbox topic: render and sign the document a recorded dossier event calls for. */
export const RESULTS_ISSUE = 'results.issue';

export interface IssueJob {
  dossierCode: string;
  seq: number;
  kind: DocumentKind;
}

/** A signed document as the API lists it (@motcua/core/api `IssuedDocument`). */
export type DocumentJson = IssuedDocument;

const SIGNER = systemActor('Hệ thống ký số Motcua');
/** Length of the QR link's `h`: 80 bits of a SHA-256, unguessable yet short enough for a QR code. */
const TOKEN_HEX = 20;

export function blobKeyFor(sha256: string): string {
  return `results/${sha256.slice(0, 2)}/${sha256}.pdf`;
}

export function verifyUrl(publicUrl: string, row: Pick<DocumentRow, 'dossier_code' | 'verify_token'>): string {
  return `${publicUrl}/verify/${encodeURIComponent(row.dossier_code)}?h=${row.verify_token}`;
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Issues the dossier's documents (forms 01–04 and the result): renders them with the dossier's
 * data, signs them with the unit's certificate, stores each signed file once, content-addressed,
 * and records its SHA-256 in `result_document` and the audit log. Lists and serves them under
 * the dossier's access rule.
 */
export class ResultsService {
  readonly signers: UnitSigners;

  constructor(
    private readonly ctx: AppContext,
    private readonly deps: { dossiers: DossierService; catalog: CatalogService; uploads: UploadsService; blobs: BlobStore },
  ) {
    this.signers = new UnitSigners(ctx.config.results, lockedVault(ctx.db, ctx.dbKind, ctx.config.results.pkiDir));
  }

  get dossiers(): DossierService {
    return this.deps.dossiers;
  }

  get blobs(): BlobStore {
    return this.deps.blobs;
  }

  /**
   * Does one job; safe to repeat (a retry finds the document of the same event and only finishes
   * what is left). Reads the dossier's log twice: once to render, once in the transaction of the
   * dossiers module's one narrow operation (followUp) that records the document and, for a
   * decision, moves the dossier to result_ready with the same commit.
   */
  async issue(job: IssueJob): Promise<DocumentRow> {
    const done = await store.documentByEvent(this.ctx.db, job.dossierCode, job.seq, job.kind);
    if (done) {
      // Recorded by an earlier attempt whose follow-up did not happen (e.g. the dossier was late).
      await this.deps.dossiers.followUp(SIGNER, job.dossierCode, job.seq, { resultDocumentId: done.id });
      return done;
    }
    return this.create(job);
  }

  private async create(job: IssueJob): Promise<DocumentRow> {
    const loaded = await this.deps.dossiers.load(job.dossierCode);
    const event = loaded?.events.find((e) => e.seq === job.seq);
    if (!loaded || !event) throw new Error(`No event ${job.seq} of dossier ${job.dossierCode}`);
    // The dossier as it stood right after the event (a later transfer does not re-head a receipt).
    const view = deriveDossier(loaded.events.filter((e) => e.seq <= job.seq));
    const issuer = issuerOf(view.unitCode);
    const procedure = await this.deps.catalog.get(view.procedureCode).catch(() => null);
    const token = sha256Hex(Buffer.from(canonicalJson({ kind: job.kind, code: view.code, seq: job.seq, nonce: randomBytes(16).toString('hex') }))).slice(
      0,
      TOKEN_HEX,
    );
    const url = verifyUrl(this.ctx.config.publicUrl, { dossier_code: view.code, verify_token: token });
    const issuedAt = this.ctx.clock.now();
    const numbered = job.kind === 'result' ? await this.numberAndSigner(view.unitCode, view.procedureCode, view.code, event, issuedAt) : {};
    const { pdf, title } = await renderDocument({
      ...numbered,
      kind: job.kind,
      event,
      view,
      events: loaded.events,
      intake: loaded.intake,
      procedure,
      issuer,
      verificationUrl: url,
      issuedAt,
    });

    const signer = await this.signers.get({ code: issuer.code, name: issuer.displayName });
    const signed = await signer.sign(pdf, {
      reason: `${KIND_TITLE[job.kind].vi} – hồ sơ ${view.code}`,
      location: `${issuer.unit.place}${issuer.unit.parentName ? `, ${issuer.unit.parentName}` : ''}`,
      signerName: issuer.displayName,
    });
    // Never store a file that would fail the verify page.
    const sig = inspectSignedPdf(signed).signatures[0];
    if (!sig?.digestValid || !sig.signatureValid || !sig.byteRangeCoversWholeFile) throw new Error(`Signature self-check failed for ${view.code}#${job.seq}`);
    const sha256 = sha256Hex(signed);
    const blobKey = blobKeyFor(sha256);
    await this.deps.blobs.put(blobKey, Readable.from([Buffer.from(signed)]));

    const row: DocumentRow = {
      id: randomUUID(),
      dossier_code: view.code,
      event_seq: job.seq,
      kind: job.kind,
      title,
      unit_code: issuer.code,
      unit_name: issuer.displayName,
      verify_token: token,
      sha256,
      blob_key: blobKey,
      size: signed.length,
      signed_at: sig.signedAt ?? new Date(),
      signer_subject: sig.certificateSubject,
      signer_issuer: sig.issuer,
      personal_document_id: null,
      created_at: issuedAt,
    };
    const decision = event.type === 'approve' || event.type === 'refuse' || event.type === 'complete_on_spot';
    await this.deps.dossiers.followUp(SIGNER, view.code, job.seq, { resultDocumentId: row.id }, async (trx) => {
      await store.insertDocument(trx, { ...row, created_at: undefined });
      await appendAudit(trx, {
        at: issuedAt,
        actor: auditActor(SIGNER),
        action: 'results.document.issued',
        dossierCode: view.code,
        detail: { documentId: row.id, kind: job.kind, eventSeq: job.seq, sha256, signer: row.signer_subject, blobKey },
      });
      if (decision && loaded.intake.resultDelivery === 'electronic') await this.keepForCitizen(trx, row, loaded.intake.applicant.idNumber);
    });
    return row;
  }

  /**
   * A result's register number (drawn once per event, so a retry prints the same one) and the
   * decider's position from the identity module, for the signature block.
   */
  private async numberAndSigner(
    unitCode: string,
    procedureCode: string,
    dossierCode: string,
    event: { seq: number; actor: { name: string; userId?: string } },
    at: Date,
  ): Promise<Pick<RenderContext, 'register' | 'signer'>> {
    const register = await drawRegisterNumber(this.ctx.db, { unitCode, register: registerFor(procedureCode), dossierCode, eventSeq: event.seq, at });
    const userId = event.actor.userId;
    const [official] = userId && /^[0-9a-f-]{36}$/i.test(userId) ? await officialsById(this.ctx.db, [userId]) : [];
    return { register, signer: { fullName: event.actor.name, jobTitle: official?.jobTitle ?? null } };
  }

  /** Electronic delivery: the signed result joins the citizen's personal document store, once. */
  async keepForCitizen(trx: Db, row: DocumentRow, idNumber: string): Promise<string> {
    const fresh = await store.document(trx, row.id);
    if (fresh?.personal_document_id) return fresh.personal_document_id;
    const kept = await this.deps.uploads.addToPersonalStore(trx, idNumber, {
      blobKey: row.blob_key,
      filename: `${row.dossier_code}-${row.kind}.pdf`,
      title: `${row.title} (${row.dossier_code})`,
      source: 'result',
      dossierCode: row.dossier_code,
    });
    await store.linkPersonalCopy(trx, row.id, kept.id);
    return kept.id;
  }

  json(row: DocumentRow): DocumentJson {
    return {
      id: row.id,
      kind: row.kind,
      title: row.title,
      titleEn: KIND_TITLE[row.kind].en,
      eventSeq: row.event_seq,
      issuingUnit: row.unit_name,
      sha256: row.sha256,
      size: row.size,
      signedAt: new Date(row.signed_at).toISOString(),
      signerSubject: row.signer_subject,
      verifyUrl: verifyUrl(this.ctx.config.publicUrl, row),
      downloadUrl: `/api/dossiers/${encodeURIComponent(row.dossier_code)}/documents/${row.id}.pdf`,
    };
  }

  async list(actor: Actor, code: string): Promise<DocumentJson[]> {
    await this.deps.dossiers.loadVisible(actor, code);
    const rows = await store.documents(this.ctx.db, code);
    await this.deps.dossiers.auditRead(actor, { action: 'results.document.list', dossierCode: code, kinds: ['results'], detail: { count: rows.length } });
    return rows.map((r) => this.json(r));
  }

  /** Where the dossier stands and how many documents are signed: what the office page polls. */
  async progress(actor: Actor, code: string): Promise<DossierProgress> {
    const standing = await this.deps.dossiers.standing(actor, code);
    return { ...standing, documents: await store.countDocuments(this.ctx.db, code) };
  }

  /** The signed file as issued. Officials' reads are audited before the bytes leave. */
  async open(actor: Actor, code: string, id: string): Promise<{ row: DocumentRow; stream: Readable }> {
    await this.deps.dossiers.loadVisible(actor, code);
    const row = /^[0-9a-f-]{36}$/i.test(id) ? await store.document(this.ctx.db, id) : undefined;
    if (!row || row.dossier_code !== code) throw notFound('văn bản', 'Document', id);
    await this.deps.dossiers.auditRead(actor, {
      action: 'results.document.read',
      dossierCode: code,
      kinds: ['results'],
      detail: { documentId: id, kind: row.kind, sha256: row.sha256 },
    });
    return { row, stream: await openStored(this.deps.blobs, row.blob_key) };
  }
}
