/**
 * The address-resolver test set, drawn from the merger list (through its generated lineage in
 * packages/server/data/units): old communes written in five styles, plus every same-name
 * collision (an old commune whose name is today the name of a DIFFERENT commune of the same
 * province), each with and without the old district, each with the expected current code.
 * Deterministic: a fixed seed picks the sample.
 * Usage: npx tsx scripts/units/resolver-cases.ts  (prints the set as JSON lines)
 */
import { foldKey } from '@motcua/core/text';
import { nameKey, type AddressResolution, type HistoricUnit, type UnitIndex } from '@motcua/core/units';

export type Style = 'full' | 'abbreviated' | 'no_diacritics' | 'no_type_words' | 'hamlet_prefix';
export const STYLES: Style[] = ['full', 'abbreviated', 'no_diacritics', 'no_type_words', 'hamlet_prefix'];

export interface ResolverCase {
  address: string;
  /** Today's commune the old one went into (its main successor). */
  expected: string;
  /**
   * Every commune it went into: an old commune split between several ("một phần") can be named
   * by the address alone only up to its successors, so any of them is right.
   */
  accepted: string[];
  oldCode: string;
  style: Style;
  withDistrict: boolean;
  collision: boolean;
  /**
   * False when the address itself cannot decide: another old commune of the same old province
   * (same district, if written) has the same name — and the same type, if written — but went
   * elsewhere. Such a case should come back `ambiguous`.
   */
  determinate: boolean;
}

const SAMPLE_SIZE = 320;
const SEED = 20250701;

/** mulberry32: a small, well-known deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ABBREVIATION: Record<string, string> = {
  commune: 'X.',
  ward: 'P.',
  township: 'TT.',
  district: 'H.',
  urban_district: 'Q.',
  town: 'TX.',
  provincial_city: 'TP.',
  province: 'T.',
  city: 'TP.',
};

function typeWord(u: HistoricUnit): string {
  return u.fullName.slice(0, u.fullName.length - u.name.length).trim();
}

function part(u: HistoricUnit, style: Style): string {
  switch (style) {
    case 'abbreviated':
      return `${ABBREVIATION[u.type]} ${u.name}`;
    case 'no_diacritics':
      return foldKey(u.fullName.replace(/Đ/g, 'D').replace(/đ/g, 'd')).replace(/\b\w/g, (c) => c.toUpperCase());
    case 'no_type_words':
      // A bare number is no name: people write "Phường 3", never "3".
      return /^\d+$/.test(u.name) ? u.fullName : u.name;
    case 'hamlet_prefix':
      return `${typeWord(u).toLowerCase()} ${u.name}`;
    default:
      return u.fullName;
  }
}

const PREFIXES = ['Số 12, ấp Bình Thạnh', 'Thôn 3', 'Tổ 5, khu phố 2', 'Số 45 đường Nguyễn Trãi', 'Xóm Chợ'];

function address(index: UnitIndex, commune: HistoricUnit, style: Style, withDistrict: boolean, n: number): string {
  const district = index.historic.get(commune.parentCode!)!;
  const province = index.historic.get(commune.provinceCode)!;
  const parts = [commune, ...(withDistrict ? [district] : []), province].map((u) => part(u, style));
  if (style === 'hamlet_prefix') parts.unshift(PREFIXES[n % PREFIXES.length]!);
  return parts.join(', ');
}

function determinate(index: UnitIndex, commune: HistoricUnit, style: Style, withDistrict: boolean, accepted: string[]): boolean {
  const typed = style !== 'no_type_words' || /^\d+$/.test(commune.name);
  const key = nameKey(commune.name);
  // Without the district, an address naming a province that still exists also reads as a
  // valid address of today: a current namesake commune there is as good an answer.
  const province = index.historic.get(commune.provinceCode)!;
  const currentProvince = (index.currentByKey.get(nameKey(province.name)) ?? []).find((u) => !u.provinceCode);
  const readsAsToday =
    !withDistrict &&
    !!currentProvince &&
    (index.currentByKey.get(key) ?? []).some((u) => u.provinceCode === currentProvince.code && !accepted.includes(u.code));
  if (readsAsToday) return false;
  return (index.historicByKey.get(key) ?? []).every(
    (other) =>
      other.code === commune.code ||
      other.code.length !== 5 ||
      other.provinceCode !== commune.provinceCode ||
      (withDistrict && other.parentCode !== commune.parentCode) ||
      (typed && other.type !== commune.type) ||
      accepted.includes(index.successors.get(other.code)?.[0] ?? ''),
  );
}

/** Old communes whose name is today that of a different commune of the province they went into. */
export function collisions(index: UnitIndex): HistoricUnit[] {
  const out: HistoricUnit[] = [];
  for (const old of index.historic.values()) {
    if (old.code.length !== 5) continue;
    const successor = index.current.get(index.successors.get(old.code)?.[0] ?? '');
    if (!successor) continue;
    const namesakes = (index.currentByKey.get(nameKey(old.name)) ?? []).filter((u) => u.code !== successor.code && u.provinceCode === successor.provinceCode);
    if (namesakes.length) out.push(old);
  }
  return out;
}

export function resolverCases(index: UnitIndex): ResolverCase[] {
  const random = prng(SEED);
  const communes = [...index.historic.values()].filter((u) => u.code.length === 5 && index.successors.get(u.code)?.length);
  const picked = new Set<HistoricUnit>();
  while (picked.size < SAMPLE_SIZE) picked.add(communes[Math.floor(random() * communes.length)]!);
  const cases: ResolverCase[] = [];
  const add = (commune: HistoricUnit, style: Style, collision: boolean, n: number) => {
    const accepted = index.successors.get(commune.code)!;
    const expected = accepted[0]!;
    for (const withDistrict of [true, false]) {
      cases.push({
        address: address(index, commune, style, withDistrict, n),
        expected,
        accepted,
        oldCode: commune.code,
        style,
        withDistrict,
        collision,
        determinate: determinate(index, commune, style, withDistrict, accepted),
      });
    }
  };
  [...picked].forEach((c, i) => add(c, STYLES[i % STYLES.length]!, false, i));
  // Every collision, written in full and in one more style.
  collisions(index).forEach((c, i) => {
    add(c, 'full', true, i);
    add(c, STYLES[1 + (i % (STYLES.length - 1))]!, true, i);
  });
  return cases;
}

export interface Accuracy {
  total: number;
  correct: number;
  /** Answered `ambiguous` (not wrong, not right). */
  ambiguous: number;
  wrong: number;
  /** Wrong answers given with confidence above 0.9. */
  wrongConfident: number;
  /** Indeterminate cases whose `ambiguous` answer lists the right unit. */
  ambiguousWithRight: number;
  failures: { address: string; expected: string; got: string | null; confidence: number; status: string }[];
}

/** Scores a resolver on a set of cases; `ambiguous` = status ambiguous (or no unit). */
export function score(cases: ResolverCase[], resolve: (address: string) => AddressResolution): Accuracy {
  const a: Accuracy = { total: 0, correct: 0, ambiguous: 0, wrong: 0, wrongConfident: 0, ambiguousWithRight: 0, failures: [] };
  for (const c of cases) {
    a.total++;
    const r = resolve(c.address);
    const status = (r as { status?: string }).status ?? (r.unit ? 'resolved' : 'not_found');
    const candidates = [r.unit, ...r.alternatives.map((x) => x.unit)].filter((u) => !!u).map((u) => u!.code);
    if (status === 'resolved' && r.unit && c.accepted.includes(r.unit.code)) {
      a.correct++;
      continue;
    }
    if (status === 'ambiguous') {
      a.ambiguous++;
      if (candidates.includes(c.expected)) a.ambiguousWithRight++;
    } else {
      a.wrong++;
      if (r.confidence > 0.9) a.wrongConfident++;
    }
    a.failures.push({ address: c.address, expected: c.expected, got: r.unit?.code ?? null, confidence: r.confidence, status });
  }
  return a;
}

export const percent = (n: number, of: number) => (of ? (100 * n) / of : 0);

if (import.meta.url === `file://${process.argv[1]}`) {
  const { unitIndex } = await import('../../packages/server/src/modules/units/service.ts');
  for (const c of resolverCases(unitIndex())) console.log(JSON.stringify(c));
}
