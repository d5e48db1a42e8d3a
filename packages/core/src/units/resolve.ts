/**
 * Resolves a free-text address, written the old three-tier way or the new two-tier way, to the
 * current commune. Every span of up to six words is looked up by key (no fuzzy scan), each
 * commune-level hit is scored by the district/province hits around it, and old communes are
 * carried to their successors.
 */
import { toneKey } from '../text/index.ts';
import { addressWords, adminStart, type AddressWords } from './address-words.ts';
import { nameKey } from './names.ts';
import type { UnitIndex } from './unit-index.ts';
import type { CurrentUnit, HistoricUnit } from './types.ts';

/**
 * resolved: one commune stands out; ambiguous: near-equal candidates (in `candidates`, best first),
 * the address alone cannot decide; not_found: nothing named.
 */
export type ResolutionStatus = 'resolved' | 'ambiguous' | 'not_found';

export interface AddressResolution {
  status: ResolutionStatus;
  /** The best candidate (for `ambiguous`, only the first of `candidates`, at a low confidence). */
  unit: CurrentUnit | null;
  /** 0..1 */
  confidence: number;
  alternatives: { unit: CurrentUnit; confidence: number }[];
  /** For `ambiguous`: the near-equal candidates, `unit` first. */
  candidates?: { unit: CurrentUnit; confidence: number; matchedOld?: HistoricUnit }[];
  /** The pre-2025 commune the address named, when it was written the old way. */
  matchedOld?: HistoricUnit;
  /** The address named an old district, a vanished province or a township: read as pre-2025. */
  oldStyle?: boolean;
}

const MAX_SPAN = 6;
const STATE_FARM = /^(nong truong|n t|nt) (?=\S)/;
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
      // "Thị trấn Nông trường Việt Lâm": names are keyed without the state-farm marker.
      const lookup = key.replace(STATE_FARM, '');
      for (const u of index.currentByKey.get(lookup) ?? []) hits.push({ start: i, end: j + 1, unit: u, old: false });
      for (const u of index.historicByKey.get(lookup) ?? []) hits.push({ start: i, end: j + 1, unit: u, old: true });
    }
  }
  return hits;
}

const span = (h: Hit) => `${h.start}:${h.end}`;

function level(hit: Hit): 'commune' | 'district' | 'province' {
  if (hit.unit.code.length === 2) return 'province';
  return hit.unit.code.length === 3 ? 'district' : 'commune';
}

/**
 * How well the written type word before a hit agrees with the unit. Old units are held to their
 * exact type (a "Xã" is not a "Phường"): +0.1, −0.2 (another commune-level type), −0.25 (another
 * level), 0 with no type word. Current units are forgiven a little more (−0.1): an address may
 * carry the old type of a unit renamed in 2025.
 */
function typeAgreement(words: AddressWords, hit: Hit): number {
  const t = words.typeBefore(hit.start);
  if (!t) return 0;
  if (t.types.includes(hit.unit.type)) return 0.1;
  // "Thành phố" before a province-level city.
  if (hit.unit.type === 'city' && t.types.includes('provincial_city')) return 0.1;
  if (!t.levels.includes(level(hit))) return -0.25;
  return hit.old ? -0.2 : -0.1;
}

function fillsPart(words: AddressWords, hit: Hit): boolean {
  const t = words.typeBefore(hit.start);
  const from = t ? hit.start - t.words.length : hit.start;
  return words.partStarts.has(from) && (hit.end === words.keys.length || words.partStarts.has(hit.end));
}

/** Near ties: a rival within this of the best makes the answer `ambiguous`. */
const TIE_MARGIN = 0.05;

export function resolveAddress(index: UnitIndex, address: string): AddressResolution {
  const none: AddressResolution = { status: 'not_found', unit: null, confidence: 0, alternatives: [] };
  const words = addressWords(address);
  const hits = findHits(index, words, adminStart(words));
  if (!hits.length) return none;

  // Context: which districts/provinces (old or current codes) the address names, and where.
  const context = new Map<string, Hit[]>();
  const provinceHits = hits.filter((h) => level(h) === 'province');
  const provinceSpans = new Set(hits.filter((h) => level(h) === 'province').map(span));
  for (const h of hits) {
    if (level(h) === 'commune') continue;
    // "Tỉnh Thanh Hóa" names the province, not the old city Thanh Hóa; so does a bare
    // "Thanh Hóa" where a province has that name. A "Huyện X" names no province.
    const t = words.typeBefore(h.start);
    if (t && !t.levels.includes(level(h))) continue;
    // …unless a province follows: "Vĩnh Quang, Cao Bằng, Cao Bằng" names the old city, then the province.
    if (level(h) === 'district' && !t && provinceSpans.has(span(h)) && !provinceHits.some((p) => p.start >= h.end)) continue;
    // Old and current codes overlap ("91" was Kiên Giang, is now An Giang): keep them apart.
    const key = (h.old ? 'o' : 'c') + h.unit.code;
    const list = context.get(key) ?? [];
    list.push(h);
    context.set(key, list);
  }
  const named = (key: string | undefined, self: Hit): boolean => !!key && (context.get(key) ?? []).some((c) => c.start >= self.end || c.end <= self.start);
  const oldStyle = readsAsOld(index, words, hits);

  const best = new Map<string, Scored>();
  const offer = (unit: CurrentUnit, score: number, old?: HistoricUnit) => {
    const entry = best.get(unit.code) ?? { unit, score, oldScore: -1 };
    entry.score = Math.max(entry.score, score);
    if (old && score > entry.oldScore) Object.assign(entry, { old, oldScore: score });
    best.set(unit.code, entry);
  };

  for (const hit of hits) {
    if (level(hit) !== 'commune' || !COMMUNE_TYPES.has(hit.unit.type)) continue;
    // A name filling its whole part ("Thạnh Đông A", not the "Thạnh Đông" inside it) counts more.
    let score = 0.5 + typeAgreement(words, hit) + 0.05 * (hit.end - hit.start - 1) + (fillsPart(words, hit) ? 0.08 : 0);
    if (words.accented) {
      const written = words.raw.slice(hit.start, hit.end).join(' ');
      if (toneKey(written) === toneKey(hit.unit.name)) score += 0.05;
    }
    if (!hit.old && isCurrent(hit.unit, hit.old)) {
      const unit = hit.unit;
      const olds = index.oldPlaces.get(unit.code);
      const inProvince = named(`c${unit.provinceCode}`, hit);
      const inOldProvince = [...(olds ?? [])].some((c) => c.length === 2 && named(`o${c}`, hit));
      const inOldDistrict = [...(olds ?? [])].some((c) => c.length === 3 && named(`o${c}`, hit));
      // +0.02 when read the new way: on equal evidence, a unit named as it is now beats an old namesake.
      score += (inProvince ? 0.25 : inOldProvince ? 0.15 : 0) + (inOldDistrict ? 0.1 : 0) + (oldStyle ? 0 : 0.02);
      if (!inProvince && !inOldProvince && provinceHits.some((p) => p.start >= hit.end)) score -= 0.1;
      offer(unit, score);
      continue;
    }
    const old = hit.unit as HistoricUnit;
    const successorCodes = index.successors.get(old.code) ?? [];
    const inDistrict = named(`o${old.parentCode}`, hit);
    const inOldProvince = named(`o${old.provinceCode}`, hit);
    const inProvince = inOldProvince || successorCodes.some((c) => named(`c${index.current.get(c)?.provinceCode}`, hit));
    // An address written the old way is resolved through the lineage first.
    score += (inDistrict ? 0.3 : 0) + (inOldProvince ? 0.2 : inProvince ? 0.1 : 0) + (oldStyle ? 0.15 : 0);
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
  // Near-equal rivals share the confidence: "Xã Long Hòa" alone fits many provinces.
  const rivals = ranked.filter((r) => r.score >= top.score - RIVAL_MARGIN);
  const mass = rivals.reduce((s, r) => s + r.score, 0);
  const confidence = (score: number) => round(Math.max(0, Math.min(1, score)) * (Math.max(0, score) / mass));
  const tied = ranked.filter((r) => r.score >= top.score - TIE_MARGIN);
  const matchedOld = (r: Scored) => (r.old && r.oldScore >= r.score - 0.1 ? r.old : undefined);
  const topOld = matchedOld(top);
  return {
    status: tied.length > 1 ? 'ambiguous' : 'resolved',
    unit: top.unit,
    confidence: confidence(top.score),
    alternatives: ranked
      .slice(1)
      .filter((r) => r.score >= top.score - ALTERNATIVE_MARGIN)
      .slice(0, 5)
      .map((r) => ({ unit: r.unit, confidence: confidence(r.score) })),
    ...(tied.length > 1
      ? {
          candidates: tied.slice(0, 8).map((r) => {
            const old = matchedOld(r);
            return { unit: r.unit, confidence: confidence(r.score), ...(old ? { matchedOld: old } : {}) };
          }),
        }
      : {}),
    // Report the old commune when the address reads as old-style, even if the new name also fits.
    ...(topOld ? { matchedOld: topOld } : {}),
    ...(oldStyle ? { oldStyle } : {}),
  };
}

/**
 * Does the address name something that no longer exists since 1 July 2025: an old district, town
 * or provincial city (the district tier was abolished), a province merged away, or a township
 * ("thị trấn", a type no longer used)? Then it is a pre-2025 address.
 */
function readsAsOld(index: UnitIndex, words: AddressWords, hits: Hit[]): boolean {
  const provinceSpans = new Set(hits.filter((h) => level(h) === 'province').map(span));
  const currentProvinceSpans = new Set(hits.filter((h) => !h.old && level(h) === 'province').map(span));
  for (const h of hits) {
    if (!h.old) continue;
    const t = words.typeBefore(h.start);
    if (level(h) === 'district') {
      // "Xã An Minh" names a commune, not the old district An Minh; "Thành phố Huế" is today's city.
      if (t && !t.levels.includes('district')) continue;
      if (!t && !words.partStarts.has(h.start)) continue;
      const provinceFollows = hits.some((p) => level(p) === 'province' && p.start >= h.end);
      if (!provinceFollows && (currentProvinceSpans.has(span(h)) || (!t && provinceSpans.has(span(h))))) continue;
      return true;
    }
    if (level(h) === 'province') {
      if (t && !t.levels.includes('province')) continue;
      const stillExists = (index.currentByKey.get(nameKey(h.unit.name)) ?? []).some((u) => !u.provinceCode);
      if (!stillExists) return true;
    }
  }
  for (let i = 0; i < words.keys.length; i++) if (words.typeBefore(i)?.types.includes('township')) return true;
  return false;
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
  if (!list.length) return { status: 'not_found', unit: null, confidence: 0, alternatives: [] };
  const share = round(0.3 / list.length);
  // A province is not a commune: the commune stays to be chosen.
  return {
    status: 'ambiguous',
    unit: list[0]!,
    confidence: share,
    alternatives: list.slice(1).map((unit) => ({ unit, confidence: share })),
    candidates: list.map((unit) => ({ unit, confidence: share })),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
