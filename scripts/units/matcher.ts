/**
 * Links the names in merger-2025.json to old unit codes, within the old provinces that formed
 * each new province. Candidates are found by name (spacing- and tone-placement-insensitive),
 * narrowed by the "(huyện X)" qualifier and the exact tone marks, then ranked by the district most
 * other predecessors of the same new unit come from, the written unit type, and the code nearest
 * the new unit's code (new codes reuse one predecessor's code).
 */
import { toneKey } from '@motcua/core/text';
import { compactKey, nameKey, type HistoricUnit, type HistoricUnitType, type UnitPrefix } from '@motcua/core/units';
import type { Mention } from './predecessor-text.ts';

const COMMUNE_TYPE_OF: Partial<Record<UnitPrefix, HistoricUnitType>> = {
  xã: 'commune',
  phường: 'ward',
  'thị trấn': 'township',
};
const DISTRICT_TYPE_OF: Partial<Record<UnitPrefix, HistoricUnitType>> = {
  huyện: 'district',
  quận: 'urban_district',
  'thị xã': 'town',
  'thành phố': 'provincial_city',
};

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Levenshtein distance, giving up (max+1) as soon as it is exceeded. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * Spelling key for minority-language names written several ways: initial tr/ch, s/x, gi/d/r,
 * k/c ("Sủng Cháng" = "Sủng Tráng", "Sá Tổng" = "Xá Tổng", "Ngọk" = "Ngọc"). Fallback only.
 */
function spellingKey(name: string): string {
  return nameKey(name)
    .split(' ')
    .map((w) =>
      w
        .replace(/^tr/, 'ch')
        .replace(/^s/, 'x')
        .replace(/^(gi|r)/, 'd')
        .replace(/k$/, 'c'),
    )
    .join('');
}

/** Tone marks kept, spacing and apostrophes not: "Ea D'Rơng" = "Ea Drơng" ≠ "Ea Drông". */
function toneCompact(name: string): string {
  return toneKey(name).replace(/[^\p{L}\p{M}\p{N}]/gu, '');
}

/** Communes merged before the 2025 dataset's cut-off lost their "Bắc/Nam/…" half-names. */
const DIRECTION_SUFFIX = / (bac|nam|dong|tai|thuong|ha|trung)$/;

/** How far a name is from an old unit's, or undefined when too far to consider. */
export function nearDistance(name: string, unit: HistoricUnit): number | undefined {
  const key = nameKey(name);
  const stem = key.replace(DIRECTION_SUFFIX, '');
  if (stem !== key && nameKey(unit.name) === stem) return 1;
  const compact = compactKey(name);
  if (compact.length < 3) return undefined;
  const d = Math.min(editDistance(compact, compactKey(unit.name), 2), editDistance(spellingKey(name), spellingKey(unit.name), 2));
  return d <= 2 ? d : undefined;
}

export interface MentionMatch {
  mention: Mention;
  /** Candidates left after the hard filters (name, qualifier); empty when unmatched. */
  candidates: HistoricUnit[];
  /** Whole old district named ("Huyện Côn Đảo"). */
  district?: HistoricUnit;
  /**
   * Found only by near spelling ("Hua Bum" ~ "Hua Bun"), with each candidate's edit distance:
   * trusted only with further evidence (see settle).
   */
  fuzzy?: Map<string, number>;
}

export class OldUnitPool {
  readonly byCode = new Map<string, HistoricUnit>();
  private readonly communesByProvince = new Map<string, Map<string, HistoricUnit[]>>();
  private readonly districtsByProvince = new Map<string, Map<string, HistoricUnit[]>>();
  private readonly provincesByKey = new Map<string, HistoricUnit[]>();
  readonly communesOfDistrict = new Map<string, HistoricUnit[]>();

  constructor(history: HistoricUnit[]) {
    for (const unit of history) {
      this.byCode.set(unit.code, unit);
      if (unit.code.length === 2) {
        push(this.provincesByKey, nameKey(unit.name), unit);
        continue;
      }
      const target = unit.code.length === 3 ? this.districtsByProvince : this.communesByProvince;
      let byKey = target.get(unit.provinceCode);
      if (!byKey) target.set(unit.provinceCode, (byKey = new Map()));
      // Communes are keyed without spaces so "EaTrol" meets "Ea Trol".
      push(byKey, unit.code.length === 3 ? nameKey(unit.name) : compactKey(unit.name), unit);
      if (unit.code.length === 5 && unit.parentCode) push(this.communesOfDistrict, unit.parentCode, unit);
    }
  }

  provincesNamed(name: string): HistoricUnit[] {
    return this.provincesByKey.get(nameKey(name)) ?? [];
  }

  communesIn(provinces: string[]): HistoricUnit[] {
    return provinces.flatMap((p) => [...(this.communesByProvince.get(p)?.values() ?? [])].flat());
  }

  /** Does the old unit lie in the district named by the qualifier? */
  private inQualifiedDistrict(u: HistoricUnit, q: NonNullable<Mention['qualifier']>): boolean {
    const d = u.parentCode ? this.byCode.get(u.parentCode) : undefined;
    const qType = q.prefix ? DISTRICT_TYPE_OF[q.prefix] : undefined;
    return !!d && nameKey(d.name) === nameKey(q.name) && (!qType || d.type === qType);
  }

  /** Soft filter: one that would empty the list is ignored (the qualifier may name a renamed district). */
  private narrow(cands: HistoricUnit[], keep: (u: HistoricUnit) => boolean): HistoricUnit[] {
    const kept = cands.filter(keep);
    return kept.length ? kept : cands;
  }

  match(mention: Mention, provinces: string[]): MentionMatch {
    const districtType = mention.prefix && !mention.inheritedPrefix ? DISTRICT_TYPE_OF[mention.prefix] : undefined;
    if (districtType && !mention.qualifier) {
      const key = nameKey(mention.name);
      const districts = provinces.flatMap((p) => this.districtsByProvince.get(p)?.get(key) ?? []).filter((d) => d.type === districtType);
      if (districts.length === 1) return { mention, candidates: [], district: districts[0] };
    }
    const compact = compactKey(mention.name);
    let cands = provinces.flatMap((p) => this.communesByProvince.get(p)?.get(compact) ?? []);
    const q = mention.qualifier;
    let fuzzy: Map<string, number> | undefined;
    if (!cands.length || (q && !cands.some((u) => this.inQualifiedDistrict(u, q)))) {
      const distance = new Map<string, number>();
      const near = this.communesIn(provinces).filter((u) => {
        const d = nearDistance(mention.name, u);
        if (d !== undefined) distance.set(u.code, d);
        return d !== undefined;
      });
      // A near name in the qualified district beats an exact name elsewhere ("Ea Bar (huyện Sông Hinh)").
      const qualifiedNear = q ? near.filter((u) => this.inQualifiedDistrict(u, q)) : [];
      if (!cands.length || qualifiedNear.length) {
        cands = qualifiedNear.length ? qualifiedNear : near;
        if (cands.some((u) => distance.get(u.code)! > 0 || compactKey(u.name) !== compact)) fuzzy = distance;
      }
    }
    if (q) cands = this.narrow(cands, (u) => this.inQualifiedDistrict(u, q));
    return { mention, candidates: cands, ...(fuzzy ? { fuzzy } : {}) };
  }
}

/**
 * Picks one old unit per mention of one new unit (`newCode`), or null. Returns also whether a
 * tie-break decided it.
 */
export function settle(matches: MentionMatch[], newCode: string): { unit: HistoricUnit | null; tieBroken: boolean }[] {
  // Districts named unambiguously by this row: the merger joins neighbours, so they locate the rest.
  // Tone marks are a preference, not a filter: "Đăk"/"Đắk" are written both ways.
  const sameTone = (m: MentionMatch) => m.candidates.filter((u) => toneCompact(u.name) === toneCompact(m.mention.name));
  const districtVotes = new Map<string, number>();
  const ownVote = matches.map((m) => {
    const toned = sameTone(m);
    const sure = m.candidates.length === 1 ? m.candidates : toned.length === 1 ? toned : [];
    if (sure.length !== 1 || m.fuzzy) return undefined;
    const d = sure[0]!.parentCode!;
    districtVotes.set(d, (districtVotes.get(d) ?? 0) + 1);
    return d;
  });
  const target = Number(newCode);
  const ranked = matches.map((m, i) => {
    // A name does not vote for itself.
    const votes = (d: string) => (districtVotes.get(d) ?? 0) - (ownVote[i] === d ? 1 : 0);
    let cands = m.candidates;
    if (m.fuzzy) {
      // A near spelling alone is weak evidence: require the new unit keeping the old code, a
      // unique same-spelling name, or the row's districts (distance 2 only for longer names).
      const dist = m.fuzzy;
      const long = compactKey(m.mention.name).length >= 5;
      const sameCode = cands.filter((u) => u.code === newCode && dist.get(u.code)! <= 1);
      const sameSpelling = cands.filter((u) => dist.get(u.code) === 0);
      const inRow = cands.filter((u) => districtVotes.has(u.parentCode!) && (dist.get(u.code)! <= 1 || long));
      if (sameCode.length) cands = sameCode;
      else if (sameSpelling.length === 1) cands = sameSpelling;
      else if (inRow.length) {
        const best = Math.min(...inRow.map((u) => dist.get(u.code)!));
        cands = inRow.filter((u) => dist.get(u.code) === best);
      } else if (!(districtVotes.size === 0 && long && cands.length === 1 && dist.get(cands[0]!.code)! <= 1)) cands = [];
    }
    const wanted = m.mention.prefix ? COMMUNE_TYPE_OF[m.mention.prefix] : undefined;
    const toned = new Set(sameTone(m));
    const rank = (u: HistoricUnit) => [
      votes(u.parentCode!),
      u.type === wanted ? 1 : 0,
      u.code === newCode ? 1 : 0,
      toned.has(u) ? 1 : 0,
      -Math.abs(Number(u.code) - target),
    ];
    const order = cands
      .map((u) => ({ u, r: rank(u) }))
      .sort((a, b) => {
        for (let i = 0; i < a.r.length; i++) if (a.r[i] !== b.r[i]) return b.r[i]! - a.r[i]!;
        return 0;
      })
      .map((x) => x.u);
    // A real tie only when neither the kept code nor matching tone marks and type single one out.
    const decisive = cands.filter((u) => u.code === newCode || (toned.has(u) && u.type === wanted));
    return { order, tieBroken: cands.length > 1 && decisive.length !== 1 };
  });

  // Two names of one row are two different old units ("Xã Hiệp Hòa, Thị trấn Hiệp Hòa"): settle
  // the least ambiguous first and keep later ones off units already taken while others remain.
  const taken = new Set<string>();
  const result: { unit: HistoricUnit | null; tieBroken: boolean }[] = matches.map(() => ({ unit: null, tieBroken: false }));
  const byAmbiguity = ranked.map((r, i) => ({ r, i })).sort((a, b) => a.r.order.length - b.r.order.length);
  for (const { r, i } of byAmbiguity) {
    const unit = r.order.find((u) => !taken.has(u.code)) ?? r.order[0] ?? null;
    if (unit) taken.add(unit.code);
    result[i] = { unit, tieBroken: r.tieBroken };
  }
  return result;
}
