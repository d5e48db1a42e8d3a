import { PassThrough, type Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

/**
 * Rows of an uploaded extract, one at a time: CSV (UTF-8, comma or semicolon, through csv-parse's
 * stream) or Excel (.xlsx, through exceljs's streaming WorkbookReader). Neither holds the file in
 * memory, so a million-row extract costs one row at a time (docs/decisions.md).
 */
export interface FileRow {
  /** Row number in the file, the header being 1. */
  row: number;
  cells: string[];
}

export class UnreadableFile extends Error {}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The first bytes of a stream, and a stream that still yields all of it. */
async function peek(source: Readable, want = 4096): Promise<{ head: Buffer; stream: Readable }> {
  const chunks: Buffer[] = [];
  let size = 0;
  const iterator = source[Symbol.asyncIterator]();
  while (size < want) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    chunks.push(chunk);
    size += chunk.length;
  }
  const head = Buffer.concat(chunks);
  const stream = new PassThrough();
  stream.write(head);
  (async () => {
    try {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        if (!stream.write(next.value)) await new Promise((resolve) => stream.once('drain', resolve));
      }
      stream.end();
    } catch (err) {
      stream.destroy(err as Error);
    }
  })();
  return { head, stream };
}

/** Comma or semicolon: whichever the header line has more of (Excel in Vietnamese locales writes ';'). */
function separatorOf(head: Buffer): ',' | ';' {
  const line = head.toString('utf8').split(/\r?\n/)[0] ?? '';
  return (line.match(/;/g)?.length ?? 0) > (line.match(/,/g)?.length ?? 0) ? ';' : ',';
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

async function* csvRows(stream: Readable, separator: string): AsyncGenerator<FileRow> {
  const parser = stream.pipe(parse({ delimiter: separator, bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }));
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    row++;
    yield { row, cells: record };
  }
}

async function* xlsxRows(stream: Readable): AsyncGenerator<FileRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit' });
  // Styles are cached: without them a date cell reads as its serial number.
  // The first sheet is the extract; any other sheets (notes, totals) are not rows of it.
  for await (const sheet of reader) {
    for await (const r of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = (r.values as ExcelJS.CellValue[]).slice(1);
      const cells = Array.from({ length: values.length }, (_, i) => cellText(values[i]).trim());
      if (cells.every((c) => c === '')) continue;
      yield { row: r.number, cells };
    }
    break;
  }
}

/** Every row of the file (header first); UnreadableFile when it is neither CSV text nor an .xlsx workbook. */
export async function* readRows(source: Readable): AsyncGenerator<FileRow> {
  const { head, stream } = await peek(source);
  if (head.length === 0) throw new UnreadableFile('empty');
  try {
    if (head.subarray(0, 4).equals(XLSX_MAGIC)) yield* xlsxRows(stream);
    else {
      if (head.includes(0)) throw new UnreadableFile('binary');
      yield* csvRows(stream, separatorOf(head));
    }
  } catch (err) {
    stream.destroy();
    if (err instanceof UnreadableFile) throw err;
    throw new UnreadableFile((err as Error).message);
  }
}
