import { loadConfig } from './platform/config.ts';
import { contextFor, openConfiguredDatabase, prepareDatabase, startFailed } from './services.ts';
import { buildApp } from './app.ts';
import { shiftedClock, systemClock } from './platform/clock.ts';
import { startNotifications } from './modules/notifications/index.ts';
import { resultsWorkerHandlers } from './modules/results/index.ts';
import { startAuditAnchoring } from './modules/audit/wiring.ts';

const config = loadConfig();
// Connections lost while idle are logged once the app's logger exists; the pool replaces them.
let warn = (msg: string) => {
  process.stderr.write(`${msg}\n`);
};
const handle = await openConfiguredDatabase(config, {
  onConnectionError: (err) => warn(`database connection lost (${err.message}); the pool reconnects on the next request`),
}).catch(startFailed);
const ctx = contextFor(config, handle, config.clockStart ? shiftedClock(config.clockStart) : systemClock);
await prepareDatabase(ctx, { demo: config.demoData }).catch(startFailed);
const app = await buildApp(ctx, { serveWeb: true, logger: { level: config.logLevel } });
warn = (msg) => app.log.warn(msg);
// The outbox worker sends e-mail and SMS and signs issued documents (results.issue);
// NOTIFICATIONS_WORKER=false leaves that to other processes.
const notifications = config.notifications.worker
  ? await startNotifications(ctx, {
      ...(handle.pglite ? { pglite: handle.pglite } : {}),
      log: app.log.child({ module: 'notifications' }),
      handlers: resultsWorkerHandlers(ctx),
    })
  : null;
// Audit anchoring (sign chain heads every AUDIT_ANCHOR_MINUTES, e-mail the daily report) runs with
// the outbox worker: the same processes that deliver what it queues.
const anchoring = config.notifications.worker ? startAuditAnchoring(ctx, app.log.child({ module: 'audit' })) : null;

// Close the embedded database cleanly: PGlite flushes its files on close.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: shutting down`);
    void app
      .close()
      .then(() => anchoring?.stop())
      .then(() => notifications?.stop())
      .then(() => handle.close())
      .finally(() => process.exit(0));
  });
}

await app.listen({ port: config.port, host: config.host }).catch(startFailed);
app.log.info(`Motcua is serving ${config.publicUrl} (database: ${handle.kind})`);
