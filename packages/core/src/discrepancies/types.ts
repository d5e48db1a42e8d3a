/** The two extracts compared: the commune's civil-status books and the national population data. */
export type ExtractKind = 'civil_status' | 'population';

export const CIVIL_EVENTS = ['khai_sinh', 'ket_hon', 'khai_tu'] as const;
export type CivilEvent = (typeof CIVIL_EVENTS)[number];

export type Sex = 'male' | 'female';

/** A date as far as it is known: population data often holds the birth year alone. */
export interface PartialDate {
  year: number;
  month: number | null;
  day: number | null;
}

/** One row of a civil-status extract (sổ hộ tịch), parsed. */
export interface CivilStatusRecord {
  /** Stable across re-imports: event + registration number. */
  key: string;
  row: number;
  event: CivilEvent;
  registrationNo: string;
  registeredOn: PartialDate | null;
  idNumber: string | null;
  fullName: string;
  birthDate: PartialDate | null;
  sex: Sex | null;
  ethnicity: string;
  nationality: string;
  birthPlace: string;
  fatherName: string;
  motherName: string;
  residence: string;
  deathDate: PartialDate | null;
  /** Columns beyond the known ones, kept as sent. */
  extra: Record<string, string>;
}

/** One row of a population extract (dân cư), parsed. */
export interface PopulationRecord {
  /** Stable across re-imports: the personal ID. */
  key: string;
  row: number;
  idNumber: string;
  fullName: string;
  birthDate: PartialDate | null;
  sex: Sex | null;
  ethnicity: string;
  nationality: string;
  birthPlace: string;
  fatherName: string;
  motherName: string;
  permanentAddress: string;
  /** Hamlet name or code as written. */
  hamlet: string;
  alive: boolean;
  extra: Record<string, string>;
}

/** The fixed list of discrepancy types (issue #14). */
export const DISCREPANCY_TYPES = [
  'name',
  'birth_date',
  'sex',
  'ethnicity',
  'nationality',
  'birth_place',
  'father_name',
  'mother_name',
  'missing_in_population',
  'missing_in_civil_status',
  'death_not_reflected',
  'duplicate_person',
] as const;
export type DiscrepancyType = (typeof DISCREPANCY_TYPES)[number];

/** Field types: one value differs between two records of the same person. */
export const FIELD_TYPES = ['name', 'birth_date', 'sex', 'ethnicity', 'nationality', 'birth_place', 'father_name', 'mother_name'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Why two records were taken for one person (or not), in codes the screens translate. */
export type MatchReason =
  | 'id_equal'
  | 'name_equal'
  | 'name_tone_placement'
  | 'name_diacritics_only'
  | 'name_order'
  | 'name_close'
  | 'name_differs'
  | 'birth_equal'
  | 'birth_year_only'
  | 'birth_day_month_swapped'
  | 'birth_year_equal'
  | 'birth_differs'
  | 'sex_equal'
  | 'sex_differs'
  | 'father_equal'
  | 'father_differs'
  | 'mother_equal'
  | 'mother_differs'
  | 'close_call';

export type Side = 'civil_status' | 'population';

/** Which record is more likely right, and why (a code the screens translate, with its legal ground). */
export interface Verdict {
  side: Side | null;
  reason: 'civil_status_is_original' | 'civil_status_incomplete' | 'population_incomplete' | 'registered_death' | 'no_record' | 'same_person_twice';
}

export interface Discrepancy {
  /** Stable across re-runs: type + the records' keys, so a status set by an official survives. */
  fingerprint: string;
  type: DiscrepancyType;
  civil: CivilStatusRecord | null;
  population: PopulationRecord | null;
  /** A second population record (duplicate_person). */
  other: PopulationRecord | null;
  /** The fields whose values differ, as [civil-status value, population value]. */
  fields: Partial<Record<FieldType, [string, string]>>;
  score: number | null;
  reasons: MatchReason[];
  /** A close call: the pairing itself is uncertain, an official decides. */
  needsPerson: boolean;
  verdict: Verdict;
}
