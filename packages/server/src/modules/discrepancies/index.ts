/** The discrepancies module's port: civil-status records against population data (issue #14). */
export { DiscrepancyService, COMMUNE_ROLES } from './service.ts';
export { discrepancyRoutes } from './routes.ts';
export { seedDiscrepancyDemo } from './demo.ts';
export { readRows, UnreadableFile, type FileRow } from './reader.ts';
