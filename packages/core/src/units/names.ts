import { nfc, searchKey, tidy } from '../text/index.ts';

/** Unit-type words that open a unit's full name, longest first so "thị xã" wins over "xã". */
const PREFIXES = ['thành phố', 'thị trấn', 'thị xã', 'đặc khu', 'phường', 'huyện', 'quận', 'tỉnh', 'xã'] as const;

export type UnitPrefix = (typeof PREFIXES)[number];

/** "Xã Long Hòa" → { prefix: 'xã', name: 'Long Hòa' }; a name without a known prefix keeps prefix null. */
export function splitUnitName(fullName: string): { prefix: UnitPrefix | null; name: string } {
  const text = nfc(fullName).replace(/\s+/g, ' ').trim();
  const lower = tidy(text);
  for (const prefix of PREFIXES) {
    if (lower.startsWith(prefix + ' ')) return { prefix, name: text.slice(prefix.length + 1).trim() };
  }
  return { prefix: null, name: text };
}

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9, X: 10 };

/**
 * Matching key of a unit name: diacritics-, case- and i/y-insensitive; numbered units compare by
 * number ("Phường 01" = "Phường IV"-style Roman capitals = "Phường 4"); the state-farm marker of
 * "Thị trấn Nông trường Phong Hải" / "Thị trấn NT Phong Hải" is dropped.
 */
export function nameKey(name: string): string {
  const words = nfc(name)
    .split(/\s+/)
    .map((w) => (ROMAN[w] !== undefined ? String(ROMAN[w]) : w));
  return searchKey(words.join(' '))
    .split(' ')
    .map((w) => (/^\d+$/.test(w) ? String(Number(w)) : w))
    .join(' ')
    .replace(/^(nong truong|n t|nt) (?=\S)/, '');
}

/** nameKey without spaces: "Ea Trol" = "EaTrol", "Ga Ri" = "Gari", "H' Neng" = "Hneng". */
export function compactKey(name: string): string {
  return nameKey(name).replace(/ /g, '');
}
