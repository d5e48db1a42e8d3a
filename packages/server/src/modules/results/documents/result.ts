// A procedure's result document (e.g. a certificate or decision) built from a template whose
// paragraphs and key fields carry {placeholders} filled from the dossier's form data.
import { fillTemplate } from './format.ts';
import { documentTitle, nationalHeader, signatureLines } from './header.ts';
import type { ResultInput } from './types.ts';
import { DocWriter } from './writer.ts';

/** Renders the result; throws MissingPlaceholderError before drawing anything if data is missing. */
export async function renderResult(input: ResultInput): Promise<Uint8Array> {
  const fill = (t: string) => fillTemplate(t, input.formData);
  // Fill everything first so a missing field fails fast, not halfway through a PDF.
  const body = input.body.map(fill);
  const rows = input.keyFields.map((f) => [fill(f.label), fill(f.value)]);

  const w = await DocWriter.create(input.title, input.dossierCode, input.verificationUrl);
  nationalHeader(w, input, input.issuedAt ?? new Date());
  documentTitle(w, input.title.toUpperCase(), input.subtitle);
  for (const paragraph of body) w.paragraph(paragraph, { spaceAfter: 5 });
  if (rows.length > 0) {
    w.gap(4);
    w.table(
      [
        { header: 'Nội dung', width: 0.38 },
        { header: 'Thông tin', width: 0.62 },
      ],
      rows,
    );
  }
  w.gap(10);
  const s = input.signer;
  const recipients = input.recipients ?? [];
  w.columns([
    {
      width: 0.45,
      lines: recipients.length
        ? [
            { text: 'Nơi nhận:', style: 'boldItalic', size: 10, align: 'left' },
            ...recipients.map((r, i) => ({ text: `- ${r}${i === recipients.length - 1 ? '.' : ';'}`, size: 9, align: 'left' as const })),
          ]
        : [],
    },
    { width: 0.55, lines: signatureLines({ above: s.above ?? (s.onBehalfOf ? [s.onBehalfOf] : []), heading: s.title, name: s.fullName }) },
  ]);
  return w.finish();
}
