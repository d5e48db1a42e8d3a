// Blocks shared by every document: the two-column national header (Decree 30/2020 layout),
// the centred title and the signature block.
import { placeAndDate } from './format.ts';
import { fitSize } from './text.ts';
import type { DocumentBase, IssuingUnit } from './types.ts';
import type { ColumnLine, DocWriter } from './writer.ts';

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

const LEFT_SHARE = 0.42;

export function unitInText(unit: IssuingUnit): string {
  return unit.nameInText ?? unit.name;
}

/** Unit block left, national name and motto right, then "Số: …" and the place-and-date line. */
export function nationalHeader(w: DocWriter, base: DocumentBase, issuedAt: Date): void {
  const leftW = w.width * LEFT_SHARE;
  const rightW = w.width - leftW;
  const { unit } = base;
  const left: ColumnLine[] = [
    ...(unit.parentName ? [{ text: unit.parentName, size: 11 }] : []),
    { text: unit.name, style: 'bold', size: 11, rule: unit.department ? undefined : 'third' },
    ...(unit.department ? [{ text: unit.department, style: 'bold', size: 11, rule: 'third' } as const] : []),
  ];
  const right: ColumnLine[] = [
    { text: NATIONAL_NAME, style: 'bold', size: fitSize(NATIONAL_NAME, w.fonts.bold, 11.5, rightW) },
    { text: NATIONAL_MOTTO, style: 'bold', size: 12, rule: 'text' },
  ];
  const top = w.y;
  const used = Math.max(w.column(left, w.left, top, leftW), w.column(right, w.left + leftW, top, rightW));
  const second = top - used - 6;
  const number = `Số: ${base.documentNumber ?? '…………'}`;
  const numberLines = [{ text: number, size: 11 }, ...(base.documentBook ? [{ text: `Quyển số: ${base.documentBook}`, size: 11 }] : [])];
  const used2 = Math.max(
    w.column(numberLines, w.left, second, leftW),
    w.column([{ text: placeAndDate(unit.place, issuedAt), style: 'italic', size: 11 }], w.left + leftW, second, rightW),
  );
  w.y = second - used2 - 18;
}

export function documentTitle(w: DocWriter, title: string, subtitle?: string): void {
  w.paragraph([{ text: title, font: w.fonts.bold }], { size: 14, align: 'center', spaceAfter: 2 });
  if (subtitle) w.paragraph([{ text: subtitle, font: w.fonts.boldItalic }], { size: 11.5, align: 'center' });
  w.gap(12);
}

export interface SignatureSpec {
  heading: string;
  /** Line under the heading, e.g. "(Ký và ghi rõ họ tên)". */
  note?: string;
  /** Printed after the space left for the signature or seal. */
  name: string;
  /** Lines above the heading, e.g. "TM. ỦY BAN NHÂN DÂN". */
  above?: string[];
}

export function signatureLines(s: SignatureSpec): ColumnLine[] {
  return [
    ...(s.above ?? []).map((text) => ({ text, style: 'bold' as const })),
    { text: s.heading, style: 'bold' },
    ...(s.note ? [{ text: s.note, style: 'italic', size: 10 } as const] : []),
    { text: s.name, style: 'bold', spaceBefore: 54 },
  ];
}

/** One signature block on the right, or two side by side (applicant left, official right). */
export function signatures(w: DocWriter, right: SignatureSpec, left?: SignatureSpec): void {
  w.gap(8);
  w.columns([
    { lines: left ? signatureLines(left) : [], width: 0.45 },
    { lines: signatureLines(right), width: 0.55 },
  ]);
}
