/**
 * Resolves a free-text address, written the old three-tier way or the new two-tier way, to the
 * current commune. Every span of up to six words is looked up by key (no fuzzy scan), each
 * commune-level hit is scored by the district/province hits around it, and old communes are
 * carried to their successors.
 */
import { toneKey } from '../text/index.ts';
import { addressWords, adminStart, type AddressWords } from './address-words.ts';
import type { UnitIndex } from './unit-index.ts';
import type { CurrentUnit, HistoricUnit } from './types.ts';

export interface AddressResolution {
  unit: CurrentUnit | null;
  /** 0..1 */
  confidence: number;
  alternatives: { unit: CurrentUnit; confidence: number }[];
  /** The pre-2025 commune the address named, when it was written the old way. */
  matchedOld?: HistoricUnit;
}

const MAX_SPAN = 6;
const COMMUNE_TYPES = new Set(['commune', 'ward', 'township', 'special_zone']);
/** Candidates within this much of the best one count as rivals when spreading confidence. */
const RIVAL_MARGIN = 0.15;
/** Alternatives further below the best than this are noise (names inside other names). */
const ALTERNATIVE_MARGIN = 0.35;

interface Hit {
  start: number;
  end: number;
  unit: CurrentUnit | HistoricUnit;
  old: boolean;
}

interface Scored {
  unit: CurrentUnit;
  score: number;
  /** Best old commune leading here, and its score. */
  old?: HistoricUnit;
  oldScore: number;
}

function isCurrent(u: CurrentUnit | HistoricUnit, old: boolean): u is CurrentUnit {
  return !old;
}

function findHits(index: UnitIndex, words: AddressWords, from: number): Hit[] {
  const hits: Hit[] = [];
  for (let i = from; i < words.keys.length; i++) {
    if (words.isTypeWord(i)) continue;
    let key = '';
    for (let j = i; j < Math.min(words.keys.length, i + MAX_SPAN); j++) {
      if (j > i && words.partStarts.has(j)) break;
      key = key ? `${key} ${words.keys[j]}` : words.keys[j]!;
      // A bare number is a unit name only after its type word ("phường 1", "quận 1").
      if (/^\d+$/.test(key) && !words.typeBefore(i)) continue;
      for (const u of index.currentByKey.get(key) ?? []) hits.push({ start: i, end: j + 1, unit: u, old: false });
      for (const u of index.historicByKey.get(key) ?? []) hits.push({ start: i, end: j + 1, unit: u, old: true });
    }
  }
  return hits;
}

function level(hit: Hit): 'commune' | 'district' | 'province' {
  if (hit.unit.code.length === 2) return 'province';
  return hit.unit.code.length === 3 ? 'district' : 'commune';
}

/** How well the written type word before a hit agrees with the unit: +0.1, 0 (none), −0.25. */
function typeAgreement(words: AddressWords, hit: Hit): number {
  const t = words.typeBefore(hit.start);
  if (!t) return 0;
  if (t.types.includes(hit.unit.type)) return 0.1;
  // "Thành phố" before a province-level city, "Xã" before a new commune that was a township…
  return t.levels.includes(level(hit)) ? 0.05 : -0.25;
}

export function resolveAddress(index: UnitIndex, address: string): AddressResolution {
  const none: AddressResolution = { unit: null, confidence: 0, alternatives: [] };
  const words = addressWords(address);
  const hits = findHits(index, words, adminStart(words));
  if (!hits.length) return none;

  // Context: which districts/provinces (old or current codes) the address names, and where.
  const context = new Map<string, Hit[]>();
  for (const h of hits) {
    if (level(h) === 'commune') continue;
    // Old and current codes overlap ("91" was Kiên Giang, is now An Giang): keep them apart.
    const key = (h.old ? 'o' : 'c') + h.unit.code;
    const list = context.get(key) ?? [];
    list.push(h);
    context.set(key, list);
  }
  const named = (key: string | undefined, self: Hit): boolean => !!key && (context.get(key) ?? []).some((c) => c.start >= self.end || c.end <= self.start);
  const provinceHits = hits.filter((h) => level(h) === 'province');

  const best = new Map<string, Scored>();
  const offer = (unit: CurrentUnit, score: number, old?: HistoricUnit) => {
    const entry = best.get(unit.code) ?? { unit, score, oldScore: -1 };
    entry.score = Math.max(entry.score, score);
    if (old && score > entry.oldScore) Object.assign(entry, { old, oldScore: score });
    best.set(unit.code, entry);
  };

  for (const hit of hits) {
    if (level(hit) !== 'commune' || !COMMUNE_TYPES.has(hit.unit.type)) continue;
    let score = 0.5 + typeAgreement(words, hit) + 0.05 * (hit.end - hit.start - 1);
    if (words.accented) {
      const written = words.raw.slice(hit.start, hit.end).join(' ');
      if (toneKey(written) === toneKey(hit.unit.name)) score += 0.05;
    }
    if (!hit.old && isCurrent(hit.unit, hit.old)) {
      const unit = hit.unit;
      const olds = index.oldPlaces.get(unit.code);
      const inProvince = named(`c${unit.provinceCode}`, hit) || [...(olds ?? [])].some((c) => c.length === 2 && named(`o${c}`, hit));
      const inOldDistrict = [...(olds ?? [])].some((c) => c.length === 3 && named(`o${c}`, hit));
      // +0.02: on equal evidence, a unit named as it is now beats an old namesake.
      score += (inProvince ? 0.25 : 0) + (inOldDistrict ? 0.15 : 0) + 0.02;
      if (!inProvince && provinceHits.some((p) => p.start >= hit.end)) score -= 0.1;
      offer(unit, score);
      continue;
    }
    const old = hit.unit as HistoricUnit;
    const successorCodes = index.successors.get(old.code) ?? [];
    const inDistrict = named(`o${old.parentCode}`, hit);
    const inProvince = named(`o${old.provinceCode}`, hit) || successorCodes.some((c) => named(`c${index.current.get(c)?.provinceCode}`, hit));
    score += (inDistrict ? 0.2 : 0) + (inProvince ? 0.2 : 0);
    if (!inProvince && provinceHits.some((p) => p.start >= hit.end)) score -= 0.1;
    // Spread over successors when the old commune was split; the main one keeps most weight.
    successorCodes.forEach((code, i) => {
      const unit = index.current.get(code);
      if (unit) offer(unit, score * (i === 0 ? 1 : 0.7), old);
    });
  }

  if (!best.size) return provinceOnly(index, provinceHits);
  const ranked = [...best.values()].sort((a, b) => b.score - a.score || a.unit.code.localeCompare(b.unit.code));
  const top = ranked[0]!;
  const topScore = Math.min(1, top.score);
  // Near-equal rivals share the confidence: "Xã Long Hòa" alone fits many provinces.
  const rivals = ranked.filter((r) => r.score >= top.score - RIVAL_MARGIN);
  const mass = rivals.reduce((s, r) => s + r.score, 0);
  const confidence = (score: number) => round(Math.max(0, Math.min(1, score)) * (Math.max(0, score) / mass));
  return {
    unit: top.unit,
    confidence: confidence(topScore),
    alternatives: ranked
      .slice(1)
      .filter((r) => r.score >= top.score - ALTERNATIVE_MARGIN)
      .slice(0, 5)
      .map((r) => ({ unit: r.unit, confidence: confidence(r.score) })),
    // Report the old commune when the address reads as old-style, even if the new name also fits.
    ...(top.old && top.oldScore >= top.score - 0.1 ? { matchedOld: top.old } : {}),
  };
}

/** No commune named: fall back to the province, with low confidence. */
function provinceOnly(index: UnitIndex, provinceHits: Hit[]): AddressResolution {
  const provinces = new Map<string, CurrentUnit>();
  for (const h of provinceHits) {
    const codes = h.old ? (index.successors.get(h.unit.code) ?? []) : [h.unit.code];
    for (const c of codes) {
      const u = index.current.get(c);
      if (u && !u.provinceCode) provinces.set(u.code, u);
    }
  }
  const list = [...provinces.values()];
  if (!list.length) return { unit: null, confidence: 0, alternatives: [] };
  const share = round(0.3 / list.length);
  return { unit: list[0]!, confidence: share, alternatives: list.slice(1).map((unit) => ({ unit, confidence: share })) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
