import type { Db } from '../../db/database.ts';
import type { Config } from '../../platform/config.ts';
import type { DossierNoticePayload } from '../notifications/index.ts';
import { enqueueOutbox } from '../../platform/outbox/index.ts';
import type { DossierEventHook } from '../dossiers/index.ts';
import { followUpOf } from '@motcua/core/dossier';
import { RESULTS_ISSUE, verifyUrl, type IssueJob } from './service.ts';
import { resultsStore as store } from './store.ts';

/**
 * The dossier module calls this inside each event's transaction. It enqueues the signing job of
 * the document the event issues (core's follow-up table) (the outbox worker renders and signs it after the commit), and
 * adds what the citizen's notice should carry: how the result is delivered, the verification link
 * of the signed result, the tracking number and cash-on-delivery fee of a postal delivery.
 */
export function resultsDossierHook(config: Config): DossierEventHook {
  return async (trx: Db, { event, after, intake }) => {
    const kind = followUpOf(event, after).issues;
    if (kind) await enqueueOutbox(trx, RESULTS_ISSUE, { dossierCode: after.code, seq: event.seq, kind } satisfies IssueJob);
    const extra: Partial<DossierNoticePayload> = { deliveryMethod: intake.resultDelivery };
    if (event.type === 'mark_result_ready') {
      const id = event.data.resultDocumentId;
      const doc = id && /^[0-9a-f-]{36}$/i.test(id) ? await store.document(trx, id) : await store.latestOutcome(trx, after.code);
      if (doc && doc.dossier_code === after.code) extra.verifyUrl = verifyUrl(config.publicUrl, doc);
    }
    if (event.type === 'return_result' && event.data.method === 'post' && event.data.trackingNumber) {
      extra.trackingNumber = event.data.trackingNumber;
      extra.codFeeVnd = config.results.postalCodFeeVnd;
    }
    return extra;
  };
}
