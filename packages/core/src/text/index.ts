/**
 * Vietnamese text normalisation shared by server and browser.
 *
 * Vietnamese has two tone-mark placements in use ("Hoà" vs "Hòa", "Thuỷ" vs "Thủy") and people
 * type without diacritics on cheap phones, so comparisons go through keys rather than raw text.
 */

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ALL_MARKS = /[\u0300-\u036f]/g;

/** Canonical composed form; every text that enters the system goes through this first. */
export function nfc(text: string): string {
  return text.normalize('NFC');
}

/** Lower case, trimmed, single spaces, NFC. */
export function tidy(text: string): string {
  return nfc(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Key that ignores where the tone mark sits inside a word but keeps which tone it is:
 * "hoà" and "hòa" share a key, "hòa" and "hóa" do not.
 */
export function toneKey(text: string): string {
  return tidy(text)
    .split(' ')
    .map((word) => {
      const decomposed = word.normalize('NFD');
      const tones = decomposed.match(TONE_MARKS)?.join('') ?? '';
      return decomposed.replace(TONE_MARKS, '').normalize('NFC') + tones;
    })
    .join(' ');
}

/** Diacritics-free, punctuation-free, lower-case key: "Đăng ký khai sinh" → "dang ky khai sinh". */
export function foldKey(text: string): string {
  return nfc(text)
    .toLowerCase()
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(ALL_MARKS, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Search key that also forgives common spelling variants: i/y ("ki" vs "ky") after folding.
 * Use only for matching, never for display.
 */
export function searchKey(text: string): string {
  return foldKey(text).replace(/y/g, 'i');
}
