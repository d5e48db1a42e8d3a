import { toneKey } from '../text/index.ts';
import { stripTypeWord } from './address-words.ts';
import { nameKey, splitUnitName } from './names.ts';
import type { UnitIndex } from './unit-index.ts';
import type { CurrentUnit } from './types.ts';

export interface SearchOptions {
  /** Only units of this current province (and the province itself). */
  provinceCode?: string;
  /** Default 20. */
  limit?: number;
}

/** First index in the sorted list not below `key`. */
function lowerBound(list: readonly string[], key: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Current units whose name words start with the query's words, diacritics-insensitive:
 * "phu lam", "Xã Phú L", "hoa dien". Exact names first, then names starting with the query,
 * then other word matches; provinces before communes on equal footing.
 */
export function searchUnits(index: UnitIndex, q: string, opts: SearchOptions = {}): CurrentUnit[] {
  const limit = opts.limit ?? 20;
  const { key, types } = stripTypeWord(nameKey(q));
  if (!key || limit <= 0) return [];
  const qWords = key.split(' ');
  // Seed from the longest word: the fewest units share its prefix.
  const pivot = qWords.reduce((a, b) => (b.length > a.length ? b : a));
  const seeds = new Set<CurrentUnit>();
  for (let i = lowerBound(index.words, pivot); i < index.words.length && index.words[i]!.startsWith(pivot); i++) {
    for (const u of index.unitsByWord.get(index.words[i]!) ?? []) seeds.add(u);
  }
  const wantedTone = toneKey(splitUnitName(q).name);
  const scored: { unit: CurrentUnit; score: number }[] = [];
  for (const unit of seeds) {
    if (opts.provinceCode && unit.code !== opts.provinceCode && unit.provinceCode !== opts.provinceCode) continue;
    const unitKey = nameKey(unit.name);
    const unitWords = unitKey.split(' ');
    if (!qWords.every((w) => unitWords.some((u) => u.startsWith(w)))) continue;
    let score = unitKey === key ? 0 : unitKey.startsWith(key) ? 1 : ` ${unitKey}`.includes(` ${key}`) ? 2 : 3;
    if (types.length && !types.includes(unit.type)) score += 0.5;
    if (toneKey(unit.name).startsWith(wantedTone)) score -= 0.25;
    scored.push({ unit, score });
  }
  return scored
    .sort(
      (a, b) =>
        a.score - b.score ||
        Number(!!a.unit.provinceCode) - Number(!!b.unit.provinceCode) ||
        a.unit.name.length - b.unit.name.length ||
        a.unit.name.localeCompare(b.unit.name, 'vi') ||
        a.unit.code.localeCompare(b.unit.code),
    )
    .slice(0, limit)
    .map((s) => s.unit);
}
