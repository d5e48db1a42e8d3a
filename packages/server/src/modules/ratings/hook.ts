import type { DossierEventHook } from '../dossiers/index.ts';
import type { RatingsService } from './service.ts';

/**
 * The notice of the result handed over carries a rating link (issue #16): a fresh single-use link
 * made in the event's transaction, so it exists iff the notice does. Only that notice: the person
 * rates once they have the result, and its SMS is short enough to keep the whole link in 160 characters.
 */
export function ratingsDossierHook(ratings: () => RatingsService): DossierEventHook {
  return async (trx, { event, after }) => {
    if (event.type !== 'return_result') return;
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
