/**
 * The ratings module's port: dossier ratings (once each, by session or link), the notice hook that
 * puts a rating link in the result notice, and the anonymous per-criterion level counts that other
 * modules (insights) read through `RatingsService.tallies` — never the tables.
 */
export { RatingsService } from './service.ts';
export { ratingsRoutes } from './routes.ts';
export { ratingsDossierHook, dossierHooks } from './hook.ts';
export type { FigureFilter } from './store.ts';
import type { Db } from '../../db/database.ts';
import { ratingsStore, type FigureFilter } from './store.ts';

/** Per-criterion counts at each level (1–5) and how many ratings, for a commune/province units, month, official. */
export const ratingTallies = (db: Db, filter: FigureFilter) => ratingsStore.tallies(db, filter);
export { ratingPath, RATING_PAGE } from './links.ts';
