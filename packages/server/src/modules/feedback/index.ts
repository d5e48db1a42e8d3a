/** The feedback module's port: PAKN filed, routed, answered on time, rated and published. */
export { FeedbackService } from './service.ts';
export { feedbackRoutes } from './routes.ts';
export { startFeedbackSweep } from './worker.ts';
export { feedbackOnTimeTally } from './figures.ts';
