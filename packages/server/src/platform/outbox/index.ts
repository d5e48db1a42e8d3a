/**
 * The transactional outbox: work recorded in the transaction of the change that calls for it
 * (enqueueOutbox), claimed and delivered after the commit by workers in any number of processes
 * (OutboxWorker), woken by NOTIFY (listenForOutbox). It knows no topic: handlers are registered
 * by the modules that own them (notifications: notices and mail; results: signing), put together
 * by the composition root (src/services.ts, src/workers.ts).
 */
import type { PGlite } from '@electric-sql/pglite';
import type { AppContext } from '../context.ts';
import { listenForOutbox } from './wake.ts';
import { OutboxWorker, type TopicHandler, type WorkerLog } from './worker.ts';

export { enqueueOutbox, outboxBacklog, requeueParked, OUTBOX_CHANNEL } from './queue.ts';
export { OutboxWorker, PermanentDeliveryError, backoffMs, DEFAULT_BACKOFF } from './worker.ts';
export type { BackoffPolicy, ClaimedMessage, Delivery, DeliveryOutcome, OutboxWorkerOptions, TopicHandler, WorkerLog } from './worker.ts';
export { listenForOutbox, LISTEN_RETRY_MS, type WakeSource } from './wake.ts';
export type { NotificationDeliveryTable, OutboxPayload, OutboxTable } from './tables.ts';

export interface RunningOutbox {
  worker: OutboxWorker;
  stop(): Promise<void>;
}

/** Starts this process's outbox worker with the given topic handlers, and its LISTEN shortcut. */
export async function startOutbox(
  ctx: AppContext,
  options: { handlers: Record<string, TopicHandler>; pglite?: PGlite; log: WorkerLog },
): Promise<RunningOutbox> {
  const worker = new OutboxWorker({ db: ctx.db, clock: ctx.clock, handlers: options.handlers, pollMs: ctx.config.notifications.pollMs, log: options.log });
  const unlisten = await listenForOutbox(
    { db: ctx.db, databaseUrl: ctx.config.databaseUrl, ...(options.pglite ? { pglite: options.pglite } : {}) },
    () => worker.wake(),
    options.log,
  );
  worker.start();
  return {
    worker,
    async stop() {
      await unlisten();
      await worker.stop();
    },
  };
}
