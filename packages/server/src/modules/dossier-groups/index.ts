/**
 * The dossier-groups module's port: linked procedure groups (Decree 63/2024/NĐ-CP) — the
 * catalog's groups, one application creating the group and its member dossiers, the hook that
 * sends partner members on once the lead dossier has its result.
 */
export { DossierGroupService, dossierGroupsHook } from './service.ts';
export { dossierGroupRoutes } from './routes.ts';
export { localPartnerAdapter, type PartnerAdapter, type PartnerMessage } from './partners.ts';
