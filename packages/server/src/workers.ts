import type { PGlite } from '@electric-sql/pglite';
import type { AppContext } from './platform/context.ts';
import type { TopicHandler, WorkerLog } from './platform/outbox/index.ts';
import { startAuditAnchoring } from './modules/audit/wiring.ts';
import { startNotifications } from './modules/notifications/index.ts';
import { resultsOutboxHandlers } from './modules/results/index.ts';
import { startPaymentQueries } from './modules/payments/index.ts';
import { startFeedbackSweep } from './modules/feedback/index.ts';
import type { Services } from './services.ts';

/** Outbox topics of modules other than notifications, from the services of this process. */
export function workerHandlers(services: Services): Record<string, TopicHandler> {
  return { ...resultsOutboxHandlers(services.results.results) };
}

export interface Workers {
  stop(): Promise<void>;
}

/**
 * The background work of a process: the outbox worker (notices, mail, signing documents) and the
 * audit anchoring timer (it queues what that worker delivers), and the PAKN reminder sweep. Any number of processes may run
 * them against one database (claims use SKIP LOCKED; one anchor per head either way).
 */
export async function startWorkers(
  ctx: AppContext,
  services: Services,
  options: { pglite?: PGlite; log: WorkerLog & { child(bindings: Record<string, string>): WorkerLog } },
): Promise<Workers> {
  // Reminders and escalations count working days on the recorded announcements too.
  await services.calendar.refresh();
  const outbox = await startNotifications(ctx, {
    ...(options.pglite ? { pglite: options.pglite } : {}),
    log: options.log.child({ module: 'notifications' }),
    handlers: workerHandlers(services),
  });
  const anchoring = startAuditAnchoring(ctx, options.log.child({ module: 'audit' }));
  const paymentQueries = startPaymentQueries(services.payments, options.log.child({ module: 'payments' }));
  const feedbackSweep = startFeedbackSweep(services.feedback, options.log.child({ module: 'feedback' }));
  return {
    async stop() {
      paymentQueries.stop();
      await feedbackSweep.stop();
      await anchoring.stop();
      await outbox.stop();
    },
  };
}
