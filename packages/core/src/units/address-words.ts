/**
 * Tokenises a Vietnamese address into folded words and spots unit-type words ("xã", "huyện",
 * abbreviations like "TT.", "Q.1", "TP."), so names can be matched by key.
 */
import { nfc } from '../text/index.ts';
import { nameKey } from './names.ts';

export type Level = 'commune' | 'district' | 'province';

export interface TypeWord {
  /** Folded words of the keyword. */
  words: string[];
  /** The accented spelling; a written word with any diacritic must equal it ("xà" is not "xã"). */
  accented: string[];
  levels: Level[];
  /** Unit types this word announces (current and historic). */
  types: string[];
}

const TYPE_WORDS: TypeWord[] = [
  { words: ['thanh', 'pho'], accented: ['thành', 'phố'], levels: ['district', 'province'], types: ['city', 'provincial_city'] },
  { words: ['thi', 'tran'], accented: ['thị', 'trấn'], levels: ['commune'], types: ['township'] },
  { words: ['thi', 'xa'], accented: ['thị', 'xã'], levels: ['district'], types: ['town'] },
  { words: ['dac', 'khu'], accented: ['đặc', 'khu'], levels: ['commune'], types: ['special_zone'] },
  { words: ['phuong'], accented: ['phường'], levels: ['commune'], types: ['ward'] },
  { words: ['xa'], accented: ['xã'], levels: ['commune'], types: ['commune'] },
  { words: ['huyen'], accented: ['huyện'], levels: ['district'], types: ['district'] },
  { words: ['quan'], accented: ['quận'], levels: ['district'], types: ['urban_district'] },
  { words: ['tinh'], accented: ['tỉnh'], levels: ['province'], types: ['province'] },
];

/** Words that open a house-number, street or hamlet part, which resolution skips. */
const LOCAL_WORDS = new Set([
  'so',
  'ap',
  'thon',
  'ban',
  'to',
  'xom',
  'khom',
  'khu',
  'duong',
  'ngo',
  'ngach',
  'hem',
  'kiet',
  'pho',
  'buon',
  'lang',
  'doi',
  'tdp',
  'kp',
]);

/** Abbreviations, expanded before tokenising: "TT." → "thị trấn", "Q.1"/"Q1" → "quận 1", "TP.HCM". */
const ABBREVIATIONS: [RegExp, string][] = [
  [/(^|[\s,;(])tp\.?\s*hcm\b/giu, '$1thành phố hồ chí minh'],
  [/(^|[\s,;(])tp\.\s*|(^|[\s,;(])tp\s+/giu, '$1$2thành phố '],
  [/(^|[\s,;(])tt\.\s*|(^|[\s,;(])tt\s+/giu, '$1$2thị trấn '],
  [/(^|[\s,;(])tx\.\s*|(^|[\s,;(])tx\s+/giu, '$1$2thị xã '],
  [/(^|[\s,;(])đk\.\s*/giu, '$1đặc khu '],
  [/(^|[\s,;(])q\.\s*|(^|[\s,;(])q(?=\d)/giu, '$1$2quận '],
  [/(^|[\s,;(])p\.\s*|(^|[\s,;(])p(?=\d)/giu, '$1$2phường '],
  [/(^|[\s,;(])x\.\s*/giu, '$1xã '],
  [/(^|[\s,;(])h\.\s*/giu, '$1huyện '],
  [/(^|[\s,;(])t\.\s*/giu, '$1tỉnh '],
];

export interface AddressWords {
  /** Folded, nameKey-normalised words. */
  keys: string[];
  /** The words as written (lower case, NFC). */
  raw: string[];
  /** Index of the first word of each comma-separated part. */
  partStarts: Set<number>;
  /** The type word ending just before index i, if any. */
  typeBefore: (i: number) => TypeWord | undefined;
  /** Is word i part of a type word? */
  isTypeWord: (i: number) => boolean;
  /** Written with diacritics at all (then tone marks are meaningful). */
  accented: boolean;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point: anything outside it carries a diacritic
const HAS_MARKS = /[^\u0000-\u007f]/;

export function addressWords(address: string): AddressWords {
  // Case is kept for nameKey, which reads Roman ward numbers only in capitals ("Phường IV").
  let text = nfc(address);
  for (const [re, to] of ABBREVIATIONS) text = text.replace(re, to);
  const raw: string[] = [];
  const keys: string[] = [];
  const partStarts = new Set<number>([0]);
  for (const part of text.split(/[,;\n]+/)) {
    if (raw.length) partStarts.add(raw.length);
    for (const w of part.split(/[\s.\-–/:()]+/)) {
      const key = nameKey(w);
      if (!key) continue;
      for (const k of key.split(' ')) {
        raw.push(w.toLowerCase());
        keys.push(k);
      }
    }
  }
  const typeEnds = new Map<number, TypeWord>();
  const typeCovers = new Set<number>();
  for (let i = 0; i < keys.length; i++) {
    // The "xã" of "thị xã" is no type word of its own, nor is a word right after one ("Phường Phương Liệt" folded).
    if (typeCovers.has(i) || typeEnds.has(i)) continue;
    for (const t of TYPE_WORDS) {
      const n = t.words.length;
      const ok = t.words.every((w, j) => keys[i + j] === w && (!HAS_MARKS.test(raw[i + j] ?? '') || raw[i + j] === t.accented[j]));
      if (ok) {
        typeEnds.set(i + n, t);
        for (let j = 0; j < n; j++) typeCovers.add(i + j);
        break;
      }
    }
  }
  return {
    keys,
    raw,
    partStarts,
    typeBefore: (i) => typeEnds.get(i),
    isTypeWord: (i) => typeCovers.has(i),
    accented: HAS_MARKS.test(address),
  };
}

/**
 * Where the administrative part starts: a leading house number, street or hamlet part
 * ("Số 12, ấp Long Hòa 1, xã Long Hòa…") is skipped up to the first part that names a unit type.
 */
export function adminStart(words: AddressWords): number {
  const first = words.keys[0];
  if (first === undefined || (!LOCAL_WORDS.has(first) && !/^\d/.test(first))) return 0;
  for (let i = 1; i < words.keys.length; i++) {
    const t = words.typeBefore(i);
    if (t && i - t.words.length > 0 && t.levels.includes('commune')) return i - t.words.length;
  }
  return 0;
}

/** Strips a leading type word from a folded query: "xa phu lam" → { key: "phu lam", types: ['commune'] }. */
export function stripTypeWord(key: string): { key: string; types: string[] } {
  const words = key.split(' ');
  for (const t of TYPE_WORDS) {
    if (words.length > t.words.length && t.words.every((w, j) => words[j] === w)) {
      return { key: words.slice(t.words.length).join(' '), types: t.types };
    }
  }
  return { key, types: [] };
}
