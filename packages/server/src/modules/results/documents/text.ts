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

function spaceWidth(font: PDFFont, size: number): number {
  return font.widthOfTextAtSize(' ', size);
}

/** Splits a word wider than the line into pieces that fit, character by character. */
function breakLongWord(word: Word, size: number, maxWidth: number): Word[] {
  const pieces: Word[] = [];
  let current = '';
  for (const ch of Array.from(word.text)) {
    const next = current + ch;
    if (current && word.font.widthOfTextAtSize(next, size) > maxWidth) {
      pieces.push({ ...word, text: current, width: word.font.widthOfTextAtSize(current, size) });
      current = ch;
    } else current = next;
  }
  pieces.push({ ...word, text: current, width: word.font.widthOfTextAtSize(current, size) });
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
      const word = { text: part, font: run.font, width: run.font.widthOfTextAtSize(part, size), spaceBefore: pendingSpace };
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
      cursor += font.widthOfTextAtSize(text, size);
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
  const natural = font.widthOfTextAtSize(nfc(text), max);
  return natural <= width ? max : Math.floor(((max * width) / natural) * 10) / 10;
}
