/**
 * Parses the free-text `truocsapnhap` column of merger-2025.json ("Xã Long Hòa, Xã Phú Long và
 * một phần diện tích TN, quy mô dân số của Xã Phú Lâm (huyện Phú Tân)") into unit mentions.
 */
import { foldKey } from '@motcua/core/text';
import { splitUnitName, type UnitPrefix } from '@motcua/core/units';

export interface Mention {
  /** The item as written, for reports. */
  raw: string;
  prefix: UnitPrefix | null;
  /** True when the type word was not written and was carried over from the previous item. */
  inheritedPrefix: boolean;
  name: string;
  /** "(huyện Tân Phú)" → the district that disambiguates the name. */
  qualifier: { prefix: UnitPrefix | null; name: string } | null;
  /** Only part of the old unit went into the new one. */
  partial: boolean;
}

export interface ParsedPredecessors {
  unchanged: boolean;
  mentions: Mention[];
}

const PART_SCOPE = '§P';
const REST_SCOPE = '§R';
const PART_ITEM = '§p';
const REST_ITEM = '§r';

/** Strips every leading type word: "phường Phường Cửa Nam" → ("phường", "Cửa Nam"). */
function stripPrefixes(text: string): { prefix: UnitPrefix | null; name: string } {
  let current = { prefix: null as UnitPrefix | null, name: text };
  for (;;) {
    const next = splitUnitName(current.name);
    if (!next.prefix) return current;
    current = next;
  }
}

export function parsePredecessorText(text: string): ParsedPredecessors {
  if (foldKey(text) === 'giu nguyen') return { unchanged: true, mentions: [] };
  const marked = text
    // "(phần còn lại sau khi sáp nhập vào phường X, phường Y)" holds commas: drop it whole, even unclosed.
    .replace(/\(\s*(phần còn l[aạ]i|một phần|bao gồm)[^)]*\)?/giu, (m) =>
      /^\(\s*một phần/iu.test(m) ? ` ${PART_ITEM}` : /^\(\s*phần còn/iu.test(m) ? ` ${REST_ITEM}` : '',
    )
    .replace(/sau khi sắp xếp(\s+theo quy định tại khoản \d+ Điều này)?/giu, '')
    .replace(/(sắp xếp\s+)?một phần diện tích\s+(TN|tự nhiên)/giu, `,${PART_SCOPE},`)
    .replace(/(toàn bộ|toàn bố)\s+diện tích\s+(TN|tự nhiên)/giu, `,${REST_SCOPE},`)
    .replace(/(toàn bộ|toàn bố)?\s*quy mô dân số(\s+của)*(\s+các)?/giu, ',')
    .replace(/phần còn l[aạ]i\s+củ\p{L}*(\s+các)?/giu, `,${REST_SCOPE},`)
    // "(huyện Châu Thành, tỉnh Bến Tre)": keep a qualifier's own commas out of the item split.
    .replace(/\([^)]*\)/gu, (m) => m.replace(/,/g, ';'));

  const mentions: Mention[] = [];
  let partialScope = false;
  let lastPrefix: UnitPrefix | null = null;
  for (const token of marked.split(/(§P|§R)|,|\s+và\s+/u)) {
    if (token === undefined) continue;
    if (token === PART_SCOPE) {
      partialScope = true;
      continue;
    }
    if (token === REST_SCOPE) {
      partialScope = false;
      continue;
    }
    let item = token.replace(/\s+/g, ' ').trim();
    // "X (phần còn lại …)": X's remainder, i.e. its main part, and the end of a "một phần" list.
    if (item.includes(REST_ITEM)) partialScope = false;
    const partial = (partialScope || item.includes(PART_ITEM)) && !item.includes(REST_ITEM);
    item = item.replace(PART_ITEM, '').replace(REST_ITEM, '').trim();
    while (/^(và|của|các|củ)\s/iu.test(item)) item = item.replace(/^\S+\s+/u, '');
    item = item.replace(/[.\s]+$/u, '');
    if (!item) continue;

    let qualifier: Mention['qualifier'] = null;
    const q = /\s*\(([^)]*)\)?\s*$/u.exec(item);
    if (q) {
      item = item.slice(0, q.index).trim();
      const district = (q[1] ?? '').split(';')[0] ?? '';
      qualifier = stripPrefixes(district.replace(/^thuộc\s+/iu, '').trim());
    }
    const raw = token.replace(PART_ITEM, '').replace(REST_ITEM, '').trim();
    // A missing comma glues two items: "xã Yên Định  Xã Yên Định".
    for (const part of item.split(/\s+(?=(?:Xã|Phường|Thị trấn)\s)/u)) {
      const { prefix, name } = stripPrefixes(part);
      if (!name || splitUnitName(`${name} x`).name === 'x' || mentions.some((m) => m.raw === raw && m.name === name)) continue;
      const inheritedPrefix = prefix === null && lastPrefix !== null;
      const effective = prefix ?? lastPrefix;
      if (prefix) lastPrefix = prefix;
      mentions.push({ raw, prefix: effective, inheritedPrefix, name, qualifier, partial });
    }
  }
  return { unchanged: false, mentions };
}

const PROVINCE_ALIASES: Record<string, string> = { tphcm: 'Thành phố Hồ Chí Minh', 'tp hcm': 'Thành phố Hồ Chí Minh' };

/** "TPHCM, tỉnh Bà Rịa - Vũng Tàu và tỉnh Bình Dương" → province names; later sentences are notes. */
export function parseProvinceText(text: string): ParsedPredecessors {
  if (foldKey(text) === 'giu nguyen') return { unchanged: true, mentions: [] };
  const firstSentence = text.split('.')[0] ?? '';
  const mentions: Mention[] = [];
  for (const token of firstSentence.split(/,|\s+và\s+/u)) {
    const raw = token.trim();
    if (!raw) continue;
    const { prefix, name } = stripPrefixes(PROVINCE_ALIASES[foldKey(raw)] ?? raw);
    mentions.push({ raw, prefix, inheritedPrefix: false, name, qualifier: null, partial: false });
  }
  return { unchanged: false, mentions };
}
