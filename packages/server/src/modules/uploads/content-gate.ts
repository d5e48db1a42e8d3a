import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { fileTypeFromBuffer } from 'file-type';
import { PROBLEM } from '@motcua/core/problems';
import { Problem } from '../../platform/errors.ts';

export const ACCEPTED_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AcceptedMediaType = (typeof ACCEPTED_MEDIA_TYPES)[number];

/** What the gate learned about a file that passed it. */
export interface Inspection {
  sha256: string;
  size: number;
  mediaType: AcceptedMediaType;
}

// Acrobat's rule: the end-of-file marker must appear within the last 1024 bytes.
const TAIL_BYTES = 1024;
// file-type's own sample size: enough for every signature it knows.
const HEAD_BYTES = 4100;
const PNG_IEND = Buffer.from([0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

export const uploadProblems = {
  tooLarge: (max: number) => {
    const mb = Math.round((max / (1024 * 1024)) * 10) / 10;
    return new Problem(
      413,
      PROBLEM.upload_too_large,
      `Tệp vượt quá dung lượng cho phép (tối đa ${mb} MB). Vui lòng giảm độ phân giải ảnh hoặc chia nhỏ tệp.`,
      `The file is larger than the ${mb} MB limit. Please lower the image resolution or split the file.`,
      { maxBytes: max },
    );
  },
  empty: () =>
    new Problem(
      422,
      PROBLEM.upload_empty,
      'Tệp tải lên rỗng (0 byte), vui lòng chọn lại tệp.',
      'The uploaded file is empty (0 bytes); please choose the file again.',
    ),
  heic: () =>
    new Problem(
      415,
      PROBLEM.upload_heic_unsupported,
      'Ảnh HEIC từ iPhone chưa được hỗ trợ, vui lòng chụp lại ở định dạng JPEG hoặc xuất ra PDF.',
      'HEIC photos from iPhone are not supported yet; please take the photo again as JPEG or export it to PDF.',
    ),
  unsupported: (detected: string | null) =>
    new Problem(
      415,
      PROBLEM.upload_unsupported_type,
      'Chỉ nhận tệp PDF, ảnh JPEG hoặc PNG. Nội dung tệp này không thuộc các định dạng đó (đổi đuôi tên tệp không đổi được định dạng).',
      "Only PDF, JPEG and PNG files are accepted. This file's content is none of them (renaming a file does not change its format).",
      { detected, accepted: [...ACCEPTED_MEDIA_TYPES] },
    ),
  incomplete: (what: 'PDF' | 'PNG') =>
    new Problem(
      422,
      PROBLEM.upload_incomplete,
      `Tệp ${what} không hoàn chỉnh (thiếu phần kết thúc), có thể bị cắt khi tải về hoặc sao chép. Vui lòng xuất lại tệp và thử lại.`,
      `The ${what} file is incomplete (its end is missing), probably cut off while downloading or copying. Please export it again and retry.`,
    ),
};

/**
 * Sits between the incoming bytes and storage: counts and hashes them, decides the type from the
 * first bytes (not the file name), and fails the stream as soon as the file is too large or of a
 * refused type, or at the end when it is empty or structurally incomplete. A failed stream makes
 * the BlobStore discard what it wrote, so a refused file never lands.
 */
export class ContentGate extends Transform {
  private size = 0;
  private readonly hash: Hash = createHash('sha256');
  private head: Buffer[] = [];
  private headLength = 0;
  private mediaType: AcceptedMediaType | undefined;
  private tail: Buffer = Buffer.alloc(0);
  private result: Inspection | undefined;
  /** The refusal, if any: kept because stores may wrap the stream error in their own. */
  failure: Problem | undefined;

  constructor(private readonly maxBytes: number) {
    super();
  }

  get inspection(): Inspection {
    if (!this.result) throw new Error('ContentGate has not finished');
    return this.result;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return this.refuse(uploadProblems.tooLarge(this.maxBytes), callback);
    this.hash.update(chunk);
    this.tail = chunk.length >= TAIL_BYTES ? chunk.subarray(chunk.length - TAIL_BYTES) : Buffer.concat([this.tail, chunk]).subarray(-TAIL_BYTES);
    if (this.mediaType) return callback(null, chunk);
    this.head.push(chunk);
    this.headLength += chunk.length;
    if (this.headLength < HEAD_BYTES) return callback(null, chunk);
    this.sniff().then(
      () => callback(null, chunk),
      (err: Problem) => this.refuse(err, callback),
    );
  }

  override _flush(callback: TransformCallback): void {
    if (this.size === 0) return this.refuse(uploadProblems.empty(), callback);
    const sniffed = this.mediaType ? Promise.resolve() : this.sniff();
    sniffed
      .then(() => {
        this.checkComplete();
        this.result = { sha256: this.hash.digest('hex'), size: this.size, mediaType: this.mediaType! };
        callback();
      })
      .catch((err: unknown) => this.refuse(err, callback));
  }

  private refuse(err: unknown, callback: TransformCallback) {
    if (err instanceof Problem) this.failure = err;
    callback(err instanceof Error ? err : new Error(String(err)));
  }

  private async sniff(): Promise<void> {
    const head = Buffer.concat(this.head);
    this.head = [];
    const found = await fileTypeFromBuffer(head);
    if (found?.ext === 'heic' || found?.mime.startsWith('image/hei')) throw uploadProblems.heic();
    if (!found || !(ACCEPTED_MEDIA_TYPES as readonly string[]).includes(found.mime)) throw uploadProblems.unsupported(found?.mime ?? null);
    this.mediaType = found.mime as AcceptedMediaType;
    // file-type settles for "%PDF"; a real header is "%PDF-<version>".
    if (this.mediaType === 'application/pdf' && !head.subarray(0, 5).equals(Buffer.from('%PDF-'))) throw uploadProblems.unsupported(null);
  }

  /** A PDF must end with `startxref … %%EOF`, a PNG with its IEND chunk; a cut-off file has neither. */
  private checkComplete(): void {
    if (this.mediaType === 'application/pdf') {
      const tail = this.tail.toString('latin1');
      if (!tail.includes('%%EOF') || !tail.includes('startxref')) throw uploadProblems.incomplete('PDF');
    }
    if (this.mediaType === 'image/png' && this.tail.indexOf(PNG_IEND) === -1) throw uploadProblems.incomplete('PNG');
  }
}
