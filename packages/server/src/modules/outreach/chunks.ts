import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FieldUpload as FieldUploadView } from '@motcua/core/api';
import { PROBLEM } from '@motcua/core/problems';
import { nfc } from '@motcua/core/text';
import type { AppContext } from '../../platform/context.ts';
import { badRequest, forbidden, notFound, Problem } from '../../platform/errors.ts';
import type { UploadsService } from '../uploads/index.ts';
import type { Official } from './access.ts';
import { PlanningStore } from './store.ts';

/** 256 KiB: small enough to get through on one bar of 3G, large enough to keep requests few. */
export const CHUNK_SIZE = 256 * 1024;
const MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const SHA256 = /^[0-9a-f]{64}$/;

export type { FieldUpload as FieldUploadView } from '@motcua/core/api';

const notFoundUpload = (id: string) => notFound('tệp tải lên', 'Upload', id);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Resumable uploads for the field: declare (size, SHA-256, type) → PUT chunks in any order, each
 * idempotent → GET shows what is missing → complete assembles, checks the SHA-256 and hands the
 * file to the uploads module (its content checks and storage). Every step is safe to repeat.
 */
export class FieldUploads {
  constructor(
    private readonly ctx: AppContext,
    private readonly uploads: UploadsService,
    private readonly boundSession: string | null = null,
  ) {}

  /** The same service limited to one session (the caller used a session-bound offline credential). */
  bound(sessionId: string | null): FieldUploads {
    return sessionId === null ? this : new FieldUploads(this.ctx, this.uploads, sessionId);
  }

  async declare(actor: Official, input: { sessionId: string; size: number; sha256: string; mediaType: string; filename: string }): Promise<FieldUploadView> {
    const session = await new PlanningStore(this.ctx.db).session(input.sessionId);
    if (!session || (this.boundSession !== null && this.boundSession !== session.id)) throw notFound('buổi lưu động', 'Outreach session', input.sessionId);
    if (!actor.unitCodes.includes(session.unitCode)) throw forbidden();
    if (input.size > this.ctx.config.uploadMaxBytes) {
      throw new Problem(
        413,
        PROBLEM.payload_too_large,
        `Tệp vượt quá ${Math.floor(this.ctx.config.uploadMaxBytes / 1048576)} MB.`,
        `The file exceeds ${Math.floor(this.ctx.config.uploadMaxBytes / 1048576)} MB.`,
      );
    }
    if (!MEDIA_TYPES.includes(input.mediaType))
      throw badRequest('Chỉ nhận tệp PDF, JPEG hoặc PNG.', 'Only PDF, JPEG or PNG files are accepted.', { field: 'mediaType' });
    if (!SHA256.test(input.sha256))
      throw badRequest('SHA-256 phải là 64 ký tự hex chữ thường.', 'sha256 must be 64 lowercase hex characters.', { field: 'sha256' });
    const id = randomUUID();
    await this.ctx.db
      .insertInto('outreach_upload')
      .values({
        id,
        session_id: session.id,
        user_id: actor.userId,
        size: input.size,
        sha256: input.sha256,
        media_type: input.mediaType,
        filename: nfc(input.filename).trim() || 'tai-lieu',
        chunk_size: CHUNK_SIZE,
        chunk_count: Math.max(1, Math.ceil(input.size / CHUNK_SIZE)),
        created_at: this.ctx.clock.now(),
      })
      .execute();
    return this.view(actor, id);
  }

  private async row(actor: Official, id: string) {
    const row = await this.ctx.db.selectFrom('outreach_upload').selectAll().where('id', '=', id).executeTakeFirst();
    // Someone else's upload, or another session's under a session-bound credential, reads as missing.
    if (!row || row.user_id !== actor.userId || (this.boundSession !== null && row.session_id !== this.boundSession)) throw notFoundUpload(id);
    return row;
  }

  async view(actor: Official, id: string): Promise<FieldUploadView> {
    const row = await this.row(actor, id);
    const have = (await this.ctx.db.selectFrom('outreach_upload_chunk').select('idx').where('outreach_upload_id', '=', id).orderBy('idx').execute()).map(
      (c) => c.idx,
    );
    // Chunks are dropped once the file is stored: a complete upload has them all.
    const present = new Set(row.upload_id ? Array.from({ length: row.chunk_count }, (_, i) => i) : have);
    return {
      id,
      sessionId: row.session_id,
      size: Number(row.size),
      sha256: row.sha256,
      mediaType: row.media_type,
      filename: row.filename,
      chunkSize: row.chunk_size,
      chunkCount: row.chunk_count,
      received: [...present].sort((a, b) => a - b),
      missing: Array.from({ length: row.chunk_count }, (_, i) => i).filter((i) => !present.has(i)),
      complete: row.upload_id !== null,
      uploadId: row.upload_id,
    };
  }

  /** Stores chunk `index`. The same bytes again is a no-op; different bytes for a stored chunk are refused. */
  async putChunk(actor: Official, id: string, index: number, data: Buffer): Promise<{ index: number; stored: boolean }> {
    const row = await this.row(actor, id);
    if (index < 0 || index >= row.chunk_count)
      throw badRequest(`Số thứ tự phần ${index} ngoài khoảng 0–${row.chunk_count - 1}.`, `Chunk index ${index} is outside 0–${row.chunk_count - 1}.`, {
        field: 'index',
      });
    const last = index === row.chunk_count - 1;
    const expected = last ? Number(row.size) - row.chunk_size * (row.chunk_count - 1) : row.chunk_size;
    if (data.length !== expected)
      throw badRequest(`Phần ${index} phải dài ${expected} byte, nhận ${data.length}.`, `Chunk ${index} must be ${expected} bytes, got ${data.length}.`, {
        field: 'body',
      });
    const digest = sha256(data);
    const inserted = await this.ctx.db
      .insertInto('outreach_upload_chunk')
      .values({ outreach_upload_id: id, idx: index, sha256: digest, data })
      .onConflict((oc) => oc.columns(['outreach_upload_id', 'idx']).doNothing())
      .returning('idx')
      .executeTakeFirst();
    if (inserted) return { index, stored: true };
    const existing = await this.ctx.db
      .selectFrom('outreach_upload_chunk')
      .select('sha256')
      .where('outreach_upload_id', '=', id)
      .where('idx', '=', index)
      .executeTakeFirstOrThrow();
    if (existing.sha256 !== digest)
      throw new Problem(409, PROBLEM.chunk_mismatch, `Phần ${index} đã nhận với nội dung khác.`, `Chunk ${index} was already received with different content.`);
    return { index, stored: false };
  }

  /**
   * Assembles and verifies, then stores through the uploads module. Not one transaction (the
   * store writes its own rows), so a race or a crash between the store and our update can leave
   * an unattached upload behind; the answer is still always the one recorded upload id.
   */
  async complete(actor: Official, id: string): Promise<FieldUploadView> {
    const row = await this.row(actor, id);
    if (row.upload_id) return this.view(actor, id);
    const chunks = await this.ctx.db.selectFrom('outreach_upload_chunk').select(['idx', 'data']).where('outreach_upload_id', '=', id).orderBy('idx').execute();
    if (chunks.length !== row.chunk_count) {
      // A concurrent complete may have just stored the file and dropped the chunks.
      if ((await this.row(actor, id)).upload_id) return this.view(actor, id);
      const have = new Set(chunks.map((c) => c.idx));
      const missing = Array.from({ length: row.chunk_count }, (_, i) => i).filter((i) => !have.has(i));
      throw new Problem(409, PROBLEM.upload_incomplete, `Còn thiếu ${missing.length} phần của tệp.`, `${missing.length} chunks are still missing.`, {
        missing,
      });
    }
    const file = Buffer.concat(chunks.map((c) => Buffer.from(c.data)));
    if (file.length !== Number(row.size) || sha256(file) !== row.sha256) {
      // A corrupted chunk cannot be told apart from the rest: start the file over.
      await this.ctx.db.deleteFrom('outreach_upload_chunk').where('outreach_upload_id', '=', id).execute();
      throw new Problem(
        422,
        PROBLEM.checksum_mismatch,
        'Tệp ghép lại không khớp mã SHA-256 đã khai báo; các phần đã bị xóa, hãy tải lại từ đầu.',
        'The assembled file does not match the declared SHA-256; its chunks were discarded, upload it again.',
      );
    }
    const stored = await this.uploads.receive(actor, Readable.from([file]), row.filename);
    await this.ctx.db
      .updateTable('outreach_upload')
      .set({ upload_id: stored.id, completed_at: this.ctx.clock.now() })
      .where('id', '=', id)
      .where('upload_id', 'is', null)
      .execute();
    // Chunks have done their job once the file is stored.
    await this.ctx.db.deleteFrom('outreach_upload_chunk').where('outreach_upload_id', '=', id).execute();
    return this.view(actor, id);
  }
}
