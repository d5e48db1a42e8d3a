/** The privacy module: a citizen's view of their own data and who read it. */
export { PrivacyService, type PrivacyDeps } from './service.ts';
export { privacyRoutes } from './routes.ts';
