import { nfc } from '@motcua/core/text';

/** One SMS segment in the GSM 03.38 default alphabet; any other character forces UCS-2 (70). */
export const SMS_MAX = 160;

// GSM 03.38 basic set. Extension characters (^{}[]~|€\) cost two septets, so we avoid them.
const GSM7 = new Set('@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà');
const PUNCTUATION: Record<string, string> = { '–': '-', '—': '-', '‘': "'", '’': "'", '“': '"', '”': '"', '…': '...', '\u00a0': ' ' };

/**
 * Vietnamese without diacritics, case kept ("Đã tiếp nhận" → "Da tiep nhan"), in plain GSM-7 so a
 * notice fits one 160-character SMS. foldKey does the same folding but lower-cases and drops
 * punctuation, which is right for keys and wrong for a message.
 */
export function toSmsText(text: string): string {
  return fold(text).replace(/ {2,}/g, ' ').trim();
}

function fold(text: string): string {
  const folded = nfc(text)
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
  let out = '';
  for (const ch of folded) out += GSM7.has(ch) ? ch : (PUNCTUATION[ch] ?? (/\s/.test(ch) ? ' ' : '?'));
  return out;
}

export function isGsm7(text: string): boolean {
  return [...text].every((ch) => GSM7.has(ch));
}

/**
 * Builds an SMS from a fixed head and tail around a variable part (a reason typed by an official),
 * shortening only the variable part with "..." so that the whole stays within one segment.
 */
export function fitSms(head: string, variable: string, tail = ''): string {
  const h = fold(head).trimStart();
  const v = toSmsText(variable);
  const t = fold(tail).trimEnd();
  const room = SMS_MAX - h.length - t.length;
  if (v.length <= room) return h + v + t;
  if (room <= 3) return (h + t).slice(0, SMS_MAX);
  return h + v.slice(0, room - 3).trimEnd() + '...' + t;
}
