import { formatDate } from './parse.ts';
import { compareDates, compareNames, isFull, nameForms, valueKey, type NameForms } from './names.ts';
import type { CivilStatusRecord, Discrepancy, FieldType, MatchReason, PopulationRecord, Verdict } from './types.ts';

/** At or above: the same person. Between REVIEW and SURE: shown as "needs a person", never merged silently. */
export const SURE = 0.85;
export const REVIEW = 0.7;
/** A rival candidate this close to the best one makes the pairing a close call. */
const RIVAL_MARGIN = 0.03;
/** Weights of the evidence when no personal ID joins the records (parents count only where both sides have them). */
const WEIGHTS = { name: 0.4, birth: 0.3, sex: 0.1, mother: 0.12, father: 0.08 };

export interface MatchOptions {
  /**
   * A key for a place (birth place) that is equal for an address written before and after the 2025
   * merger: the server passes one built on the units lineage (core/units resolveAddress). Default: the
   * diacritics-free text.
   */
  placeKey?: (place: string) => string;
}

export interface PairScore {
  score: number;
  reasons: MatchReason[];
}

interface Person {
  fullName: string;
  names: NameForms;
  birthDate: CivilStatusRecord['birthDate'];
  sex: CivilStatusRecord['sex'];
  father: NameForms | null;
  mother: NameForms | null;
  fatherName: string;
  motherName: string;
}

function person(r: CivilStatusRecord | PopulationRecord): Person {
  return {
    fullName: r.fullName,
    names: nameForms(r.fullName),
    birthDate: r.birthDate,
    sex: r.sex,
    father: r.fatherName ? nameForms(r.fatherName) : null,
    mother: r.motherName ? nameForms(r.motherName) : null,
    fatherName: r.fatherName,
    motherName: r.motherName,
  };
}

/** The score of two records without a shared ID: weighted evidence over what both sides hold. */
export function scorePair(a: Person, b: Person): PairScore {
  const reasons: MatchReason[] = [];
  let sum = 0;
  let weight = 0;
  const name = compareNames(a.names, b.names, a.fullName, b.fullName);
  reasons.push(name.reason);
  sum += WEIGHTS.name * name.sim;
  weight += WEIGHTS.name;
  const birth = compareDates(a.birthDate, b.birthDate);
  if (birth) {
    reasons.push(birth.reason);
    sum += WEIGHTS.birth * birth.sim;
    weight += WEIGHTS.birth;
  }
  if (a.sex && b.sex) {
    reasons.push(a.sex === b.sex ? 'sex_equal' : 'sex_differs');
    sum += a.sex === b.sex ? WEIGHTS.sex : 0;
    weight += WEIGHTS.sex;
  }
  for (const [key, x, y] of [
    ['mother', a.mother, b.mother],
    ['father', a.father, b.father],
  ] as const) {
    if (!x || !y) continue;
    const c = compareNames(x, y, '', '');
    reasons.push(c.same ? (`${key}_equal` as const) : (`${key}_differs` as const));
    sum += WEIGHTS[key] * (c.same ? 1 : c.sim >= 0.8 ? 0.5 : 0);
    weight += WEIGHTS[key];
  }
  return { score: Math.round((sum / weight) * 1000) / 1000, reasons };
}

/** Candidate blocks: the same words of the name, or the same birth day and mother. */
function blockKeys(p: Person): string[] {
  const keys = [`n:${p.names.sorted}`];
  if (isFull(p.birthDate)) {
    keys.push(`b:${p.birthDate.year}-${p.birthDate.month}-${p.birthDate.day}:${p.mother?.sorted ?? ''}`);
    keys.push(`s:${p.birthDate.year}-${p.birthDate.day}-${p.birthDate.month}:${p.names.sorted.split(' ')[0]}`);
  }
  if (p.birthDate) keys.push(`y:${p.birthDate.year}:${p.mother?.sorted ?? ''}:${p.father?.sorted ?? ''}`);
  return keys;
}

/** Swapped dates must meet their block: index population people under their day-month order too. */
function indexKeys(p: Person): string[] {
  const keys = blockKeys(p);
  if (isFull(p.birthDate)) keys.push(`s:${p.birthDate.year}-${p.birthDate.month}-${p.birthDate.day}:${p.names.sorted.split(' ')[0]}`);
  return keys;
}

interface Candidate {
  civil: number;
  pop: number;
  score: number;
  reasons: MatchReason[];
  closeCall: boolean;
}

const fingerprint = (type: string, ...keys: (string | null | undefined)[]) => [type, ...keys.map((k) => k ?? '')].join('|');

const emptyish = (v: string) => v.trim() === '';

/** Which side is more likely right for one differing field. */
function fieldVerdict(field: FieldType, c: CivilStatusRecord, p: PopulationRecord, cv: string, pv: string): Verdict {
  if (field === 'birth_date') {
    if (c.birthDate && !isFull(c.birthDate) && isFull(p.birthDate)) return { side: 'population', reason: 'civil_status_incomplete' };
    if (p.birthDate && !isFull(p.birthDate) && isFull(c.birthDate)) return { side: 'civil_status', reason: 'population_incomplete' };
  }
  if (emptyish(cv) && !emptyish(pv)) return { side: 'population', reason: 'civil_status_incomplete' };
  if (emptyish(pv) && !emptyish(cv)) return { side: 'civil_status', reason: 'population_incomplete' };
  // Điều 6 Nghị định 123/2015/NĐ-CP: the birth certificate is the person's original civil-status paper, and
  // other papers must agree with it; so where both sides hold a value, the book's is presumed right.
  return { side: 'civil_status', reason: 'civil_status_is_original' };
}

/** The fields of one person that differ between the two records. */
export function fieldDifferences(c: CivilStatusRecord, p: PopulationRecord, options: MatchOptions = {}): FieldType[] {
  const placeKey = options.placeKey ?? valueKey;
  const out: FieldType[] = [];
  if (nameForms(c.fullName).tone !== nameForms(p.fullName).tone) out.push('name');
  if (formatDate(c.birthDate) !== formatDate(p.birthDate)) out.push('birth_date');
  if ((c.sex ?? '') !== (p.sex ?? '')) out.push('sex');
  if (valueKey(c.ethnicity) !== valueKey(p.ethnicity)) out.push('ethnicity');
  if (valueKey(c.nationality) !== valueKey(p.nationality)) out.push('nationality');
  if ((c.birthPlace ? placeKey(c.birthPlace) : '') !== (p.birthPlace ? placeKey(p.birthPlace) : '')) out.push('birth_place');
  if ((c.fatherName ? nameForms(c.fatherName).tone : '') !== (p.fatherName ? nameForms(p.fatherName).tone : '')) out.push('father_name');
  if ((c.motherName ? nameForms(c.motherName).tone : '') !== (p.motherName ? nameForms(p.motherName).tone : '')) out.push('mother_name');
  return out;
}

const SEX_TEXT = { male: 'Nam', female: 'Nữ' } as const;

export function fieldValue(field: FieldType, r: CivilStatusRecord | PopulationRecord): string {
  switch (field) {
    case 'name':
      return r.fullName;
    case 'birth_date':
      return formatDate(r.birthDate);
    case 'sex':
      return r.sex ? SEX_TEXT[r.sex] : '';
    case 'ethnicity':
      return r.ethnicity;
    case 'nationality':
      return r.nationality;
    case 'birth_place':
      return r.birthPlace;
    case 'father_name':
      return r.fatherName;
    case 'mother_name':
      return r.motherName;
  }
}

export interface MatchResult {
  discrepancies: Discrepancy[];
  /** Civil-status births paired with a population record (for figures and the bench). */
  pairs: number;
  closeCalls: number;
}

/**
 * Compares a commune's civil-status records with its population records. Personal ID first; without
 * it, candidates from blocks (same name words; same birth day and mother; swapped day/month) scored on
 * name, birth date, sex and parents; pairs taken best first, one to one. Pure and deterministic.
 */
export function findDiscrepancies(civil: readonly CivilStatusRecord[], population: readonly PopulationRecord[], options: MatchOptions = {}): MatchResult {
  const out: Discrepancy[] = [];
  const pop = population.map(person);
  const byId = new Map<string, number>();
  const blocks = new Map<string, number[]>();
  population.forEach((p, i) => {
    byId.set(p.idNumber, i);
    for (const k of indexKeys(pop[i]!)) {
      const list = blocks.get(k);
      if (list) list.push(i);
      else blocks.set(k, [i]);
    }
  });

  // The same person twice in the population data: the same name, birth day, sex and mother under two IDs.
  const seen = new Map<string, number>();
  const duplicates = new Set<number>();
  population.forEach((p, i) => {
    const q = pop[i]!;
    if (!isFull(q.birthDate) || !q.mother) return;
    const k = `${q.names.tone}|${formatDate(q.birthDate)}|${q.sex ?? ''}|${q.mother.tone}`;
    const first = seen.get(k);
    if (first === undefined) {
      seen.set(k, i);
      return;
    }
    duplicates.add(i);
    out.push({
      fingerprint: fingerprint('duplicate_person', null, population[first]!.key, p.key),
      type: 'duplicate_person',
      civil: null,
      population: population[first]!,
      other: p,
      fields: {},
      score: 1,
      reasons: ['name_equal', 'birth_equal', 'mother_equal'],
      needsPerson: false,
      verdict: { side: null, reason: 'same_person_twice' },
    });
  });

  const births = civil.filter((c) => c.event === 'khai_sinh');
  const deaths = civil.filter((c) => c.event === 'khai_tu');
  const claimed = new Map<number, number>(); // population index → birth index
  const pairOf = new Map<number, Candidate>(); // birth index → pairing

  // Pass 1: the personal ID decides where both sides have it.
  births.forEach((c, ci) => {
    const pi = c.idNumber ? byId.get(c.idNumber) : undefined;
    if (pi === undefined || claimed.has(pi)) return;
    claimed.set(pi, ci);
    pairOf.set(ci, { civil: ci, pop: pi, score: 1, reasons: ['id_equal'], closeCall: false });
  });

  // Pass 2: the rest by evidence, best pairs first.
  const candidates = (c: CivilStatusRecord, cp: Person, taken: (pi: number) => boolean): Candidate[] => {
    const found = new Set<number>();
    for (const k of blockKeys(cp)) for (const pi of blocks.get(k) ?? []) if (!taken(pi)) found.add(pi);
    const list: Candidate[] = [];
    for (const pi of found) {
      // Two different IDs are two people, whatever else agrees.
      if (c.idNumber && population[pi]!.idNumber !== c.idNumber && byId.has(c.idNumber)) continue;
      const s = scorePair(cp, pop[pi]!);
      if (s.score >= REVIEW) list.push({ civil: -1, pop: pi, score: s.score, reasons: s.reasons, closeCall: false });
    }
    return list.sort((a, b) => b.score - a.score || a.pop - b.pop);
  };
  const all: Candidate[] = [];
  births.forEach((c, ci) => {
    if (pairOf.has(ci)) return;
    const list = candidates(c, person(c), (pi) => claimed.has(pi));
    const best = list[0];
    const rival = list[1];
    for (const cand of list) all.push({ ...cand, civil: ci, closeCall: cand === best && !!rival && best.score - rival.score < RIVAL_MARGIN });
  });
  all.sort((a, b) => b.score - a.score || a.civil - b.civil || a.pop - b.pop);
  for (const cand of all) {
    if (pairOf.has(cand.civil) || claimed.has(cand.pop)) continue;
    claimed.set(cand.pop, cand.civil);
    pairOf.set(cand.civil, cand);
  }

  // Deaths registered in the civil-status book but the person still alive in the population data.
  const deadPop = new Set<number>();
  for (const d of deaths) {
    let pi = d.idNumber ? byId.get(d.idNumber) : undefined;
    let score: PairScore = { score: 1, reasons: ['id_equal'] };
    if (pi === undefined) {
      const list = candidates(d, person(d), () => false);
      if (!list[0] || list[0].score < SURE) continue;
      pi = list[0].pop;
      score = list[0];
    }
    deadPop.add(pi);
    const p = population[pi]!;
    if (!p.alive) continue;
    out.push({
      fingerprint: fingerprint('death_not_reflected', d.key, p.key),
      type: 'death_not_reflected',
      civil: d,
      population: p,
      other: null,
      fields: {},
      score: score.score,
      reasons: score.reasons,
      needsPerson: score.score < SURE,
      verdict: { side: 'civil_status', reason: 'registered_death' },
    });
  }

  let closeCalls = 0;
  births.forEach((c, ci) => {
    const pair = pairOf.get(ci);
    if (!pair) {
      out.push({
        fingerprint: fingerprint('missing_in_population', c.key, null),
        type: 'missing_in_population',
        civil: c,
        population: null,
        other: null,
        fields: {},
        score: null,
        reasons: [],
        needsPerson: false,
        verdict: { side: 'civil_status', reason: 'no_record' },
      });
      return;
    }
    const p = population[pair.pop]!;
    const needsPerson = pair.closeCall || pair.score < SURE;
    if (needsPerson) closeCalls++;
    for (const field of fieldDifferences(c, p, options)) {
      const cv = fieldValue(field, c);
      const pv = fieldValue(field, p);
      out.push({
        fingerprint: fingerprint(field, c.key, p.key),
        type: field,
        civil: c,
        population: p,
        other: null,
        fields: { [field]: [cv, pv] },
        score: pair.score,
        reasons: pair.closeCall ? [...pair.reasons, 'close_call'] : pair.reasons,
        needsPerson,
        verdict: fieldVerdict(field, c, p, cv, pv),
      });
    }
  });
  population.forEach((p, pi) => {
    // The second record of a duplicate is reported once, as the duplicate.
    if (claimed.has(pi) || !p.alive || deadPop.has(pi) || duplicates.has(pi)) return;
    out.push({
      fingerprint: fingerprint('missing_in_civil_status', null, p.key),
      type: 'missing_in_civil_status',
      civil: null,
      population: p,
      other: null,
      fields: {},
      score: null,
      reasons: [],
      needsPerson: false,
      verdict: { side: 'population', reason: 'no_record' },
    });
  });
  return { discrepancies: out, pairs: pairOf.size, closeCalls };
}
