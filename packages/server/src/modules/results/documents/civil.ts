// A certificate or extract laid out as its prescribed form: a title, then the form's items in the
// form's order ("label: value"), with the register number and book in the header. The forms
// themselves (which items, in which order, from which circular) are data in ../civil-forms.ts.
import { documentTitle, nationalHeader, signatureLines } from './header.ts';
import type { DocumentBase } from './types.ts';
import { drawLine, wrapRuns } from './text.ts';
import { DocWriter } from './writer.ts';

const SIZE = 11;

/** Items side by side in equal columns (a run of spaces would collapse when the line is wrapped). */
function fieldsOnOneLine(w: DocWriter, items: { label: string; value: string }[]): void {
  const lh = w.lineHeight(SIZE);
  const colW = w.width / items.length;
  const wrapped = items.map((f) =>
    wrapRuns(
      [
        { text: `${f.label}: `, font: w.fonts.regular },
        { text: f.value, font: w.fonts.bold },
      ],
      SIZE,
      colW - 6,
    ),
  );
  const rows = Math.max(...wrapped.map((l) => l.length));
  w.ensureSpace(rows * lh);
  wrapped.forEach((lines, i) =>
    lines.forEach((line, k) => drawLine(w.page, line, w.left + i * colW, w.y - (k + 1) * lh + (lh - SIZE) / 2, SIZE, colW - 6, 'left')),
  );
  w.y -= rows * lh + 2;
}

export type CivilBlock =
  | { kind: 'field'; label: string; value: string }
  /** Several short items on one line, as the forms print "Dân tộc: … Quốc tịch: …". */
  | { kind: 'fields'; items: { label: string; value: string }[] }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** One row per item, one column per party (e.g. the wife and the husband of a marriage). */
  | { kind: 'parties'; columns: string[]; rows: { label: string; values: string[] }[] };

export interface CivilRecordInput extends DocumentBase {
  title: string;
  subtitle?: string;
  blocks: CivilBlock[];
  signer: { above: string[]; heading: string; fullName: string };
}

export async function renderCivilRecord(input: CivilRecordInput): Promise<Uint8Array> {
  const w = await DocWriter.create(input.title, input.dossierCode, input.verificationUrl);
  nationalHeader(w, input, input.issuedAt ?? new Date());
  documentTitle(w, input.title.toUpperCase(), input.subtitle);
  for (const b of input.blocks) {
    if (b.kind === 'field') w.field(b.label, b.value, { spaceAfter: 2 });
    else if (b.kind === 'fields') fieldsOnOneLine(w, b.items);
    else if (b.kind === 'heading') w.paragraph([{ text: b.text, font: w.fonts.bold }], { align: 'left', spaceBefore: 4 });
    else if (b.kind === 'paragraph') w.paragraph(b.text, { spaceAfter: 5 });
    else {
      const share = 0.34;
      const rest = (1 - share) / b.columns.length;
      w.table(
        [{ header: 'Nội dung', width: share }, ...b.columns.map((header) => ({ header, width: rest }))],
        b.rows.map((r) => [r.label, ...r.values]),
      );
    }
  }
  w.gap(12);
  w.columns([
    { width: 0.45, lines: [] },
    { width: 0.55, lines: signatureLines({ above: input.signer.above, heading: input.signer.heading, name: input.signer.fullName }) },
  ]);
  return w.finish();
}
