/** The insights module: Decision 766 figures from its rollup, kept by the dossiers module's event hook. */
export { InsightsService } from './service.ts';
export { insightsRoutes } from './routes.ts';
export { insightsDossierHook, rebuildRollup, rollupRows } from './rollup-store.ts';
