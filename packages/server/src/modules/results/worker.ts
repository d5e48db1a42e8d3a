import { PermanentDeliveryError } from '../notifications/index.ts';
import type { TopicHandler } from '../notifications/index.ts';
import { MissingPlaceholderError } from './documents/index.ts';
import { RESULTS_ISSUE, type IssueJob, type ResultsService } from './service.ts';

const KINDS = new Set(['receipt', 'supplement_request', 'refusal', 'apology', 'result']);

function jobOf(payload: unknown): IssueJob {
  const p = payload as Partial<IssueJob>;
  if (typeof p?.dossierCode !== 'string' || !Number.isSafeInteger(p.seq) || typeof p.kind !== 'string' || !KINDS.has(p.kind)) {
    throw new PermanentDeliveryError(`malformed ${RESULTS_ISSUE} payload`);
  }
  return p as IssueJob;
}

/**
 * Outbox handlers of the results module, run by the same worker as the notices (one claimer per
 * table). Issuing is one "channel": once recorded in notification_delivery, a retry of the message
 * does not issue again, and issue() itself finds a document already recorded for the event.
 */
export function resultsOutboxHandlers(results: ResultsService): Record<string, TopicHandler> {
  return {
    [RESULTS_ISSUE]: (message) => {
      const job = jobOf(message.payload);
      return [
        {
          channel: 'issue',
          recipient: `${job.dossierCode}#${job.seq}`,
          send: async () => {
            try {
              return { id: (await results.issue(job)).id };
            } catch (err) {
              // A template the dossier cannot fill will not fill on retry either.
              if (err instanceof MissingPlaceholderError) throw new PermanentDeliveryError(err.message);
              throw err;
            }
          },
        },
      ];
    },
  };
}
