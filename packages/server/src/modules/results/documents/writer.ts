// Page flow for A4 administrative documents: a cursor that moves down the page, starts a new page
// when content would run into the footer, and stamps every page with the QR/verification footer.
import { PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { loadFontBytes, preparedFontkit, type FontStyle } from './fonts.ts';
import { drawLine, wrapRuns, type Align, type Run } from './text.ts';

export const A4: [number, number] = [595.28, 841.89];
// Decree 30/2020 margins: left 30–35 mm, right 15–20 mm, top/bottom 20–25 mm.
const MARGIN = { left: 85, right: 57, top: 57 };
const FOOTER_TOP = 108; // content never goes below this y
const QR_SIZE = 72;
const BLACK = rgb(0, 0, 0);

export type Fonts = Record<FontStyle, PDFFont>;

export interface TextOptions {
  size?: number;
  align?: Align;
  indent?: number;
  spaceBefore?: number;
  spaceAfter?: number;
  /** Keep the whole paragraph on one page if it fits on an empty page. */
  keepTogether?: boolean;
}

/** One styled, wrapped line group inside a column (header blocks, signature blocks). */
export interface ColumnLine {
  text: string;
  style?: FontStyle;
  size?: number;
  spaceBefore?: number;
  /** Draw a short rule under the text (national motto, unit name). */
  rule?: 'text' | 'third';
  /** Centred unless told otherwise ("Nơi nhận" is left-aligned). */
  align?: Align;
}

export interface TableColumn {
  header: string;
  /** Fraction of the content width. */
  width: number;
  align?: Align;
}

export class DocWriter {
  page: PDFPage;
  y: number;
  readonly width = A4[0] - MARGIN.left - MARGIN.right;
  readonly left = MARGIN.left;

  private constructor(
    readonly doc: PDFDocument,
    readonly fonts: Fonts,
    private readonly qr: PDFImage,
    private readonly footer: { dossierCode: string; verificationUrl: string },
  ) {
    this.page = doc.addPage(A4);
    this.y = A4[1] - MARGIN.top;
  }

  static async create(title: string, dossierCode: string, verificationUrl: string): Promise<DocWriter> {
    const doc = await PDFDocument.create();
    // Fonts parsed once per process and their shaping kept (fonts.ts): most of a document's cost.
    doc.registerFontkit(preparedFontkit as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
    const embed = async (style: FontStyle): Promise<PDFFont> => doc.embedFont(await loadFontBytes(style), { subset: true });
    const fonts: Fonts = {
      regular: await embed('regular'),
      bold: await embed('bold'),
      italic: await embed('italic'),
      boldItalic: await embed('boldItalic'),
    };
    const png = await QRCode.toBuffer(verificationUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 8 });
    const qr = await doc.embedPng(png);
    doc.setTitle(title);
    doc.setLanguage('vi-VN');
    doc.setProducer('Motcua');
    doc.setCreator('Motcua results module');
    return new DocWriter(doc, fonts, qr, { dossierCode, verificationUrl });
  }

  lineHeight(size: number): number {
    return size * 1.45;
  }

  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.y = A4[1] - MARGIN.top;
  }

  /** Starts a new page unless `height` points still fit above the footer. */
  ensureSpace(height: number): void {
    if (this.y - height < FOOTER_TOP) this.newPage();
  }

  gap(points: number): void {
    this.y -= points;
  }

  /** A wrapped paragraph that may flow across pages line by line. */
  paragraph(content: string | Run[], opts: TextOptions = {}): void {
    const size = opts.size ?? 11;
    const indent = opts.indent ?? 0;
    const runs = typeof content === 'string' ? [{ text: content, font: this.fonts.regular }] : content;
    const lines = wrapRuns(runs, size, this.width - indent);
    const lh = this.lineHeight(size);
    this.y -= opts.spaceBefore ?? 0;
    if (opts.keepTogether && lines.length * lh <= A4[1] - MARGIN.top - FOOTER_TOP) this.ensureSpace(lines.length * lh);
    for (const line of lines) {
      this.ensureSpace(lh);
      this.y -= lh;
      drawLine(this.page, line, this.left + indent, this.y + (lh - size) / 2, size, this.width - indent, opts.align ?? 'justify');
    }
    this.y -= opts.spaceAfter ?? 3;
  }

  /** "Label: value" with the value in bold. */
  field(label: string, value: string, opts: TextOptions = {}): void {
    this.paragraph(
      [
        { text: `${label}: `, font: this.fonts.regular },
        { text: value, font: this.fonts.bold },
      ],
      { align: 'left', ...opts },
    );
  }

  private columnLayout(lines: ColumnLine[], width: number) {
    return lines.map((l) => {
      const size = l.size ?? 11;
      const wrapped = wrapRuns([{ text: l.text, font: this.fonts[l.style ?? 'regular'] }], size, width);
      return { l, size, wrapped, height: (l.spaceBefore ?? 0) + wrapped.length * this.lineHeight(size) + (l.rule ? 5 : 0) };
    });
  }

  /** Height a column of centred lines would take. */
  columnHeight(lines: ColumnLine[], width: number): number {
    return this.columnLayout(lines, width).reduce((h, c) => h + c.height, 0);
  }

  /** Draws centred lines within [x, x+width] from the given top; returns the height used. */
  column(lines: ColumnLine[], x: number, top: number, width: number): number {
    let y = top;
    for (const { l, size, wrapped } of this.columnLayout(lines, width)) {
      y -= l.spaceBefore ?? 0;
      const lh = this.lineHeight(size);
      for (const line of wrapped) {
        y -= lh;
        drawLine(this.page, line, x, y + (lh - size) / 2, size, width, l.align ?? 'center');
        if (l.rule) {
          const w = l.rule === 'text' ? line.width : width / 3;
          const y0 = y + (lh - size) / 2 - 4.5;
          this.page.drawLine({ start: { x: x + (width - w) / 2, y: y0 }, end: { x: x + (width + w) / 2, y: y0 }, thickness: 0.6, color: BLACK });
        }
      }
      if (l.rule) y -= 5;
    }
    return top - y;
  }

  /** Side-by-side centred blocks (signatures, "Nơi nhận"), kept together on one page. */
  columns(blocks: { lines: ColumnLine[]; width: number }[]): void {
    const height = Math.max(...blocks.map((b) => this.columnHeight(b.lines, b.width * this.width)));
    this.ensureSpace(height);
    let x = this.left;
    for (const b of blocks) {
      this.column(b.lines, x, this.y, b.width * this.width);
      x += b.width * this.width;
    }
    this.y -= height;
  }

  /** Bordered table; rows flow onto new pages and the header row is repeated. */
  table(columns: TableColumn[], rows: string[][], size = 10): void {
    const pad = 4;
    const lh = this.lineHeight(size);
    const widths = columns.map((c) => c.width * this.width);
    const layoutRow = (cells: string[], font: PDFFont) => {
      const wrapped = cells.map((text, i) => wrapRuns([{ text, font }], size, widths[i]! - 2 * pad));
      return { wrapped, height: Math.max(...wrapped.map((w) => w.length)) * lh + 2 * pad };
    };
    const drawRow = (row: ReturnType<typeof layoutRow>, header: boolean) => {
      let x = this.left;
      row.wrapped.forEach((lines, i) => {
        const w = widths[i]!;
        this.page.drawRectangle({ x, y: this.y - row.height, width: w, height: row.height, borderColor: BLACK, borderWidth: 0.6 });
        lines.forEach((line, k) => {
          const y = this.y - pad - (k + 1) * lh + (lh - size) / 2;
          drawLine(this.page, line, x + pad, y, size, w - 2 * pad, header ? 'center' : (columns[i]!.align ?? 'left'));
        });
        x += w;
      });
      this.y -= row.height;
    };
    const header = layoutRow(
      columns.map((c) => c.header),
      this.fonts.bold,
    );
    this.ensureSpace(header.height + lh + 2 * pad);
    drawRow(header, true);
    for (const cells of rows) {
      const row = layoutRow(cells, this.fonts.regular);
      if (this.y - row.height < FOOTER_TOP) {
        this.newPage();
        drawRow(header, true);
      }
      drawRow(row, false);
    }
    this.y -= 6;
  }

  /** Stamps QR, dossier code, verification URL and "Trang i/n" on every page, then serialises. */
  async finish(): Promise<Uint8Array> {
    const pages = this.doc.getPages();
    const size = 8;
    const textX = this.left + QR_SIZE + 10;
    const textWidth = this.width - QR_SIZE - 10;
    pages.forEach((page, i) => {
      const bottom = 30;
      page.drawImage(this.qr, { x: this.left, y: bottom, width: QR_SIZE, height: QR_SIZE });
      page.drawLine({
        start: { x: this.left, y: FOOTER_TOP - 6 },
        end: { x: this.left + this.width, y: FOOTER_TOP - 6 },
        thickness: 0.4,
        color: rgb(0.5, 0.5, 0.5),
      });
      const runs: Run[] = [
        { text: 'Mã hồ sơ: ', font: this.fonts.regular },
        { text: `${this.footer.dossierCode}\n`, font: this.fonts.bold },
        // Vietnamese only: the document is the administrative text; the verify page carries the English.
        { text: 'Quét mã QR hoặc truy cập địa chỉ sau để xác thực văn bản:\n', font: this.fonts.italic },
        { text: `${this.footer.verificationUrl}\n`, font: this.fonts.regular },
        { text: `Trang ${i + 1}/${pages.length}`, font: this.fonts.regular },
      ];
      let y = bottom + QR_SIZE;
      for (const line of wrapRuns(runs, size, textWidth)) {
        y -= this.lineHeight(size);
        drawLine(page, line, textX, y, size, textWidth, 'left');
      }
    });
    // No object streams: the signer appends a signature dictionary that must stay a plain object.
    return this.doc.save({ useObjectStreams: false });
  }
}
