/** The outreach module's port: its service and routes, its demo round, and its figures for insights. */
export { OutreachService } from './service.ts';
export { outreachRoutes } from './routes.ts';
export { outreachFieldRoutes } from './field-routes.ts';
export { DEMO_ROUND_TITLE, seedOutreachDemo } from './demo.ts';
export { outreachFigures, type OutreachFigures } from './figures.ts';
