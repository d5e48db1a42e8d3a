/**
 * Diacritics-insensitive search over an injected procedure list. Keys are computed once in
 * `buildCatalogIndex`, so a query only does string comparisons on precomputed keys.
 */
import { foldKey, searchKey } from '../text/index.ts';
import { intentKey } from './intent.ts';
import type { OnlineLevel, Procedure } from './types.ts';

/** Match quality; lower ranks first. */
const Tier = { Exact: 0, Prefix: 1, Phrase: 2, AllWords: 3, Partial: 4, OtherText: 5 } as const;
type Tier = (typeof Tier)[keyof typeof Tier];

interface Entry {
  procedure: Procedure;
  order: number;
  code: string;
  nameKey: string;
  nameWords: string[];
  nameJoined: string;
  /** English name, field names and result, for weaker matches. */
  otherWords: string[];
  otherJoined: string;
}

export interface CatalogIndex {
  readonly entries: readonly Entry[];
}

export interface CatalogFilters {
  /** `fieldKey` of the procedure, e.g. 'civil_status'. */
  field?: string;
  online?: OnlineLevel;
  /** Only procedures whose own name matches (the office queue's "khai sinh"), not the English name, field or result. */
  nameOnly?: boolean;
}

/** Abbreviations people type at the counter and on phones, in search-key form. */
const ABBREVIATIONS: Readonly<Record<string, string>> = { dk: 'dang ki' };

function queryKey(q: string): string {
  return words(searchKey(q))
    .map((w) => ABBREVIATIONS[w] ?? w)
    .join(' ');
}

const CODE_QUERY = /^(?:\d+\.\d*|mc-[a-z0-9-]*)$/;

function codeKey(text: string): string {
  return text.trim().toLowerCase();
}

function words(key: string): string[] {
  return key === '' ? [] : key.split(' ');
}

export function buildCatalogIndex(procedures: readonly Procedure[]): CatalogIndex {
  const entries = procedures.map((procedure, order): Entry => {
    const nameKey = searchKey(procedure.name);
    const otherKey = searchKey([procedure.nameEn, procedure.field, procedure.fieldEn, procedure.result].join(' '));
    return {
      procedure,
      order,
      code: codeKey(procedure.code),
      nameKey,
      nameWords: words(nameKey),
      nameJoined: nameKey.replace(/ /g, ''),
      otherWords: words(otherKey),
      otherJoined: otherKey.replace(/ /g, ''),
    };
  });
  return { entries };
}

/** Every query word is a word of `target`; the last may be an unfinished prefix. */
function allWordsMatch(queryWords: string[], target: string[]): boolean {
  const last = queryWords.length - 1;
  return queryWords.every((q, i) => target.some((w) => w === q || (i === last && w.startsWith(q))));
}

function nameTier(entry: Entry, qKey: string, qWords: string[], qJoined: string): Tier | null {
  if (entry.nameKey === qKey || entry.nameJoined === qJoined) return Tier.Exact;
  if (entry.nameKey.startsWith(qKey)) return Tier.Prefix;
  if (` ${entry.nameKey}`.includes(` ${qKey}`)) return Tier.Phrase;
  if (allWordsMatch(qWords, entry.nameWords)) return Tier.AllWords;
  // Words typed without spaces ("khaisinh") or every word cut short ("dang k khai s").
  if (entry.nameJoined.includes(qJoined)) return Tier.Partial;
  if (qWords.every((q) => entry.nameWords.some((w) => w.startsWith(q)))) return Tier.Partial;
  return null;
}

function otherTier(entry: Entry, qWords: string[], qJoined: string): Tier | null {
  if (allWordsMatch(qWords, entry.otherWords) || entry.otherJoined.includes(qJoined)) {
    return Tier.OtherText;
  }
  return null;
}

function codeTier(entry: Entry, qCode: string): Tier | null {
  if (entry.code === qCode) return Tier.Exact;
  if (CODE_QUERY.test(qCode) && entry.code.startsWith(qCode)) return Tier.Prefix;
  // Digits only, e.g. "001193": a code fragment copied from a paper form.
  if (/^\d{4,}$/.test(qCode) && entry.code.includes(qCode)) return Tier.Partial;
  return null;
}

function passes(procedure: Procedure, filters: CatalogFilters | undefined): boolean {
  if (!filters) return true;
  if (filters.field !== undefined && procedure.fieldKey !== filters.field) return false;
  if (filters.online !== undefined && procedure.online !== filters.online) return false;
  return true;
}

function matches(candidates: readonly Entry[], qKey: string, qCode: string): { entry: Entry; tier: Tier }[] {
  const qWords = words(qKey);
  const qJoined = qKey.replace(/ /g, '');
  const hits: { entry: Entry; tier: Tier }[] = [];
  for (const entry of candidates) {
    const tiers = [codeTier(entry, qCode), nameTier(entry, qKey, qWords, qJoined), otherTier(entry, qWords, qJoined)].filter((t): t is Tier => t !== null);
    if (tiers.length > 0) hits.push({ entry, tier: Math.min(...tiers) as Tier });
  }
  return hits;
}

/**
 * Procedures matching `q`, best first: exact name or code, name prefix, phrase inside the name,
 * all words, partial or joined words, then matches in the English name/field/result only.
 * When no name matches the words as typed, the everyday-request reading (intent.ts) is tried.
 * Ties go to the shorter name (the more specific procedure), then catalog order.
 * An empty query returns every procedure passing the filters, in catalog order.
 */
export function searchCatalog(index: CatalogIndex, q: string, filters?: CatalogFilters, limit = Number.POSITIVE_INFINITY): Procedure[] {
  const qKey = queryKey(q);
  const qCode = codeKey(q);
  const candidates = index.entries.filter((e) => passes(e.procedure, filters));

  if (qKey === '') return candidates.slice(0, limit).map((e) => e.procedure);

  let hits = matches(candidates, qKey, qCode);
  // Nothing by name as typed: read it as an everyday request ("làm giấy khai sinh cho con").
  if (!hits.some((h) => h.tier < Tier.OtherText)) {
    const intent = intentKey(qKey);
    if (intent !== '' && intent !== qKey) {
      const byIntent = matches(candidates, intent, codeKey(intent));
      const seen = new Set(byIntent.map((h) => h.entry));
      hits = [...byIntent, ...hits.filter((h) => !seen.has(h.entry))];
    }
  }
  if (filters?.nameOnly) hits = hits.filter((h) => h.tier < Tier.OtherText);
  hits.sort((a, b) => a.tier - b.tier || a.entry.nameKey.length - b.entry.nameKey.length || a.entry.order - b.entry.order);
  return hits.slice(0, limit).map((h) => h.entry.procedure);
}

/** Slug used for `fieldKey`: "Civil status" → "civil_status". */
export function fieldKeyOf(fieldEn: string): string {
  return foldKey(fieldEn).replace(/ /g, '_');
}
