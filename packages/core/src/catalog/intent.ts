/**
 * Everyday phrases → the catalog's words. People type what they want done ("làm giấy khai sinh
 * cho con", "xin giấy xác nhận độc thân", "nhập hộ khẩu"), not the procedure's official name.
 * `intentKey` rewrites a query's search key: synonyms first (phrase → the name's words), then the
 * filler words that never name a procedure are dropped. Used only when the words as typed find
 * no procedure by name, so a query that already matches is never bent.
 */
import { searchKey } from '../text/index.ts';

/** [everyday phrase, the catalog's words], written with diacritics for reading; keyed below. */
const SYNONYMS: readonly (readonly [string, string])[] = [
  ['độc thân', 'tình trạng hôn nhân'],
  ['nhập hộ khẩu', 'đăng ký thường trú'],
  ['hộ khẩu', 'thường trú'],
  ['lấy vợ', 'kết hôn'],
  ['lấy chồng', 'kết hôn'],
  ['cưới', 'kết hôn'],
  ['báo tử', 'khai tử'],
  ['giấy chứng tử', 'khai tử'],
  ['sao y', 'chứng thực bản sao'],
  ['công chứng', 'chứng thực'],
  ['mở quán', 'hộ kinh doanh'],
  ['xây nhà', 'giấy phép xây dựng'],
];

/** Words of requests, courtesy and relations that carry no procedure's meaning. */
const FILLER = [
  'làm',
  'xin',
  'cho',
  'con',
  'cháu',
  'bé',
  'bố',
  'mẹ',
  'cha',
  'ông',
  'bà',
  'anh',
  'chị',
  'em',
  'vợ',
  'chồng',
  'tôi',
  'mình',
  'muốn',
  'cần',
  'phải',
  'thế',
  'nào',
  'ở',
  'đâu',
  'thủ',
  'tục',
  'hồ',
  'sơ',
  'nộp',
  'đi',
  'giấy',
  'của',
  'mới',
  'được',
  'không',
  'sao',
  'thì',
  'gì',
  'như',
  'cách',
  'hướng',
  'dẫn',
];

const SYNONYM_KEYS = SYNONYMS.map(([from, to]) => [` ${searchKey(from)} `, ` ${searchKey(to)} `] as const);
const FILLER_KEYS = new Set(FILLER.map(searchKey));

/** The query's key with synonyms replaced and filler dropped; '' when nothing meaningful is left. */
export function intentKey(qKey: string): string {
  let key = ` ${qKey} `;
  for (const [from, to] of SYNONYM_KEYS) key = key.split(from).join(to);
  // Synonym replacements keep their own words even when one is also filler ("giấy phép").
  const protectedWords = new Set(SYNONYM_KEYS.filter(([, to]) => key.includes(to)).flatMap(([, to]) => to.trim().split(' ')));
  return key
    .trim()
    .split(' ')
    .filter((w) => w !== '' && (protectedWords.has(w) || !FILLER_KEYS.has(w)))
    .join(' ');
}
