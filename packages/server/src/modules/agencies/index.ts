/** The agencies module's port: each commune's agency identifier, set by a system administrator (audited). */
export { AgenciesService } from './service.ts';
export { agenciesRoutes } from './routes.ts';
