/** The insights module: leaders' figures, composed from the dossiers and outreach modules' read functions. */
export { InsightsService } from './service.ts';
export { insightsRoutes } from './routes.ts';
