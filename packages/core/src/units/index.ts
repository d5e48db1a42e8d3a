/**
 * Administrative map: current (two-tier, since 1 July 2025) and historic (three-tier) units,
 * their lineage, search and address resolution over injected data. Pure: the caller loads the
 * data (packages/server/data/units/*.json) and builds the index once.
 */
export type * from './types.ts';
export { splitUnitName, nameKey, compactKey, type UnitPrefix } from './names.ts';
export { buildUnitIndex, type UnitIndex } from './unit-index.ts';
export { searchUnits, type SearchOptions } from './search.ts';
export { unitDetail, historicPlace, type UnitDetail, type HistoricPlace } from './detail.ts';
export { resolveAddress, type AddressResolution, type ResolutionStatus } from './resolve.ts';
