import type { DossierEventHook } from '../dossiers/index.ts';
import type { RatingsService } from './service.ts';

/**
 * The result notice carries a rating link (issue #16): when the result is ready or handed over,
 * a fresh single-use link is made in the event's transaction, so it exists iff the notice does.
 */
export function ratingsDossierHook(ratings: () => RatingsService): DossierEventHook {
  return async (trx, { event, after }) => {
    if (event.type !== 'mark_result_ready' && event.type !== 'return_result' && event.type !== 'complete_on_spot') return;
    const ratingUrl = await ratings().noticeLink(trx, after.code);
    return ratingUrl ? { ratingUrl } : undefined;
  };
}

/** Several modules follow dossiers: their notice fields merged, in order. */
export function dossierHooks(...hooks: DossierEventHook[]): DossierEventHook {
  return async (trx, recorded) => {
    let extra = {};
    for (const hook of hooks) extra = { ...extra, ...((await hook(trx, recorded)) ?? {}) };
    return extra;
  };
}
