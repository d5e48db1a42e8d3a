import { foldKey, tidy, toneKey } from '../text/index.ts';
import type { MatchReason, PartialDate } from './types.ts';

/**
 * Vietnamese names compared at three depths: the tone key (old and new tone-mark placement, "Hoà" =
 * "Hòa"), the diacritics-free key (what people type on phones: "Hoa"), and the sorted words (name order,
 * "Nguyễn Thị Lan" written "Lan Nguyễn Thị"). Only the tone key decides that two names are the same;
 * the looser keys find candidates and explain the difference.
 */
export interface NameForms {
  tone: string;
  fold: string;
  sorted: string;
}

export function nameForms(name: string): NameForms {
  const fold = foldKey(name);
  return { tone: toneKey(name), fold, sorted: fold.split(' ').sort().join(' ') };
}

/** Edit distance (two rows), for names that are close but not equal ("Nguyen" / "Nguyn"). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

/** How alike two names are (0..1) and the reason; equal only when the tone keys are. */
export function compareNames(a: NameForms, b: NameForms, rawA: string, rawB: string): { sim: number; same: boolean; reason: MatchReason } {
  if (a.tone === b.tone) return { sim: 1, same: true, reason: tidy(rawA) === tidy(rawB) ? 'name_equal' : 'name_tone_placement' };
  if (a.fold === b.fold) return { sim: 0.92, same: false, reason: 'name_diacritics_only' };
  if (a.sorted === b.sorted) return { sim: 0.88, same: false, reason: 'name_order' };
  const len = Math.max(a.fold.length, b.fold.length, 1);
  const sim = 1 - editDistance(a.fold, b.fold) / len;
  return { sim: Math.max(0, sim), same: false, reason: sim >= 0.8 ? 'name_close' : 'name_differs' };
}

export function isFull(d: PartialDate | null): d is PartialDate & { month: number; day: number } {
  return !!d && d.month !== null && d.day !== null;
}

/** Birth dates: equal, one side the year alone, day and month swapped, the same year, or different. */
export function compareDates(a: PartialDate | null, b: PartialDate | null): { sim: number; same: boolean; reason: MatchReason } | null {
  if (!a || !b) return null;
  if (a.year === b.year && a.month === b.month && a.day === b.day) return { sim: 1, same: true, reason: 'birth_equal' };
  if (a.year === b.year && (!isFull(a) || !isFull(b))) return { sim: 0.9, same: false, reason: 'birth_year_only' };
  if (a.year === b.year && a.month === b.day && a.day === b.month) return { sim: 0.88, same: false, reason: 'birth_day_month_swapped' };
  if (a.year === b.year) return { sim: 0.5, same: false, reason: 'birth_year_equal' };
  return { sim: 0, same: false, reason: 'birth_differs' };
}

/** Ethnicity, nationality: case- and diacritics-insensitive, with the usual spellings of Việt Nam. */
export function valueKey(text: string): string {
  const k = foldKey(text);
  return k === 'vn' || k === 'vietnam' || k === 'viet nam' || k === 'vietnamese' ? 'viet nam' : k;
}
