/**
 * Civil-status records against population data (issue #14): reading the extracts' rows and finding
 * the discrepancies per person. Pure: the server streams the files and stores the results; the bench
 * and the demo generator call the same functions.
 */
export type * from './types.ts';
export { CIVIL_EVENTS, DISCREPANCY_TYPES, FIELD_TYPES } from './types.ts';
export {
  CIVIL_HEADERS,
  POPULATION_HEADERS,
  formatDate,
  headerKey,
  isoDate,
  parseCivilRow,
  parseDate,
  parsePopulationRow,
  parseSex,
  readHeaders,
  type RawRow,
  type RowResult,
} from './parse.ts';
export { compareDates, compareNames, editDistance, nameForms, valueKey, type NameForms } from './names.ts';
export { fieldDifferences, fieldValue, findDiscrepancies, REVIEW, scorePair, SURE, type MatchOptions, type MatchResult } from './match.ts';
export { CORRECTION_PROCEDURE, findHamlet, fixFor, LATE_BIRTH_PROCEDURE, TYPE_LABELS, VERDICT_TEXT, type Fix } from './fix.ts';
export { lineagePlaceKey } from './places.ts';
