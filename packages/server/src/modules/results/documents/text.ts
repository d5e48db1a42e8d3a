// Word wrapping and drawing of mixed-font text runs (e.g. a regular label followed by a bold value).
import { nfc } from '@motcua/core/text';
import { rgb, type PDFFont, type PDFPage } from 'pdf-lib';

export interface Run {
  text: string;
  font: PDFFont;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

interface Word {
  text: string;
  font: PDFFont;
  width: number;
  /** Whitespace separated it from the previous word in the source. */
  spaceBefore: boolean;
}

export interface Line {
  words: Word[];
  width: number;
  /** Last line of a paragraph: never stretched when justifying. */
  last: boolean;
}

const BLACK = rgb(0, 0, 0);

/**
 * pdf-lib measures a custom font's text by shaping it with fontkit on every call (GSUB/GPOS
 * lookups): that was most of a receipt's cost (≈ 370 ms of ≈ 600, docs/decisions.md). The width
 * is linear in the size and depends only on the font file and the text, so it is kept per process,
 * keyed by the font's PostScript name (each new document embeds new PDFFont objects).
 */
const widths = new Map<string, Map<string, number>>();
const WIDTH_CACHE_LIMIT = 50_000;

export function textWidth(font: PDFFont, text: string, size: number): number {
  const key = font.name;
  let perFont = widths.get(key);
  if (!perFont) widths.set(key, (perFont = new Map()));
  let w = perFont.get(text);
  if (w === undefined) {
    w = font.widthOfTextAtSize(text, 1000);
    // Names and addresses vary without end: a full cache starts again rather than growing.
    if (perFont.size >= WIDTH_CACHE_LIMIT) perFont.clear();
    perFont.set(text, w);
  }
  return (w * size) / 1000;
}

function spaceWidth(font: PDFFont, size: number): number {
  return textWidth(font, ' ', size);
}

/** Splits a word wider than the line into pieces that fit, character by character. */
function breakLongWord(word: Word, size: number, maxWidth: number): Word[] {
  const pieces: Word[] = [];
  let current = '';
  for (const ch of Array.from(word.text)) {
    const next = current + ch;
    if (current && textWidth(word.font, next, size) > maxWidth) {
      pieces.push({ ...word, text: current, width: textWidth(word.font, current, size) });
      current = ch;
    } else current = next;
  }
  pieces.push({ ...word, text: current, width: textWidth(word.font, current, size) });
  return pieces.map((p, i) => ({ ...p, spaceBefore: i === 0 ? word.spaceBefore : false }));
}

function toWords(runs: Run[], size: number, maxWidth: number): Word[] {
  const words: Word[] = [];
  let pendingSpace = false;
  for (const run of runs) {
    for (const part of nfc(run.text).split(/(\s+)/)) {
      if (part === '') continue;
      if (/^\s+$/.test(part)) {
        pendingSpace = true;
        continue;
      }
      const word = { text: part, font: run.font, width: textWidth(run.font, part, size), spaceBefore: pendingSpace };
      words.push(...(word.width > maxWidth ? breakLongWord(word, size, maxWidth) : [word]));
      pendingSpace = false;
    }
  }
  return words;
}

/** Greedy line breaking; explicit "\n" in a run starts a new paragraph line. */
export function wrapRuns(runs: Run[], size: number, maxWidth: number): Line[] {
  const lines: Line[] = [];
  // Split on hard newlines first, keeping fonts.
  const paragraphs: Run[][] = [[]];
  for (const run of runs) {
    nfc(run.text)
      .split('\n')
      .forEach((piece, i) => {
        if (i > 0) paragraphs.push([]);
        paragraphs[paragraphs.length - 1]!.push({ text: piece, font: run.font });
      });
  }
  for (const para of paragraphs) {
    let current: Word[] = [];
    let width = 0;
    for (const word of toWords(para, size, maxWidth)) {
      const gap = current.length > 0 && word.spaceBefore ? spaceWidth(word.font, size) : 0;
      if (current.length > 0 && width + gap + word.width > maxWidth) {
        lines.push({ words: current, width, last: false });
        current = [{ ...word, spaceBefore: false }];
        width = word.width;
      } else {
        current.push(current.length === 0 ? { ...word, spaceBefore: false } : word);
        width += gap + word.width;
      }
    }
    lines.push({ words: current, width, last: true });
  }
  return lines;
}

/** Draws one wrapped line with its baseline at y. */
export function drawLine(page: PDFPage, line: Line, x: number, y: number, size: number, maxWidth: number, align: Align): void {
  const gaps = line.words.filter((w, i) => i > 0 && w.spaceBefore).length;
  let cursor = x;
  let extra = 0;
  if (align === 'center') cursor += (maxWidth - line.width) / 2;
  else if (align === 'right') cursor += maxWidth - line.width;
  else if (align === 'justify' && !line.last && gaps > 0) extra = (maxWidth - line.width) / gaps;

  if (extra === 0) {
    // Draw consecutive same-font words as one string: smaller content streams, cleaner extraction.
    let i = 0;
    while (i < line.words.length) {
      const font = line.words[i]!.font;
      let text = '';
      let j = i;
      for (; j < line.words.length && line.words[j]!.font === font; j++) {
        const w = line.words[j]!;
        text += j > 0 && w.spaceBefore ? ` ${w.text}` : w.text;
      }
      page.drawText(text, { x: cursor, y, size, font, color: BLACK });
      cursor += textWidth(font, text, size);
      i = j;
    }
    return;
  }
  for (const [i, w] of line.words.entries()) {
    if (i > 0 && w.spaceBefore) cursor += spaceWidth(w.font, size) + extra;
    page.drawText(w.text, { x: cursor, y, size, font: w.font, color: BLACK });
    cursor += w.width;
  }
}

/** Largest size ≤ max at which the text fits on one line of the given width. */
export function fitSize(text: string, font: PDFFont, max: number, width: number): number {
  const natural = textWidth(font, nfc(text), max);
  return natural <= width ? max : Math.floor(((max * width) / natural) * 10) / 10;
}
