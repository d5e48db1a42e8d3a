// `npm start`: the HTTP server and, unless NOTIFICATIONS_WORKER=false, the background workers in one process.
import { loadConfig } from './platform/config.ts';
import { buildServices, contextFor, openConfiguredDatabase, prepareDatabase, startFailed } from './services.ts';
import { buildApp } from './app.ts';
import { shiftedClock, systemClock } from './platform/clock.ts';
import { startWorkers } from './workers.ts';

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
// One set of services for the server and the workers of this process (services.ts).
const services = buildServices(ctx);
const app = await buildApp(ctx, { serveWeb: true, logger: { level: config.logLevel }, services });
warn = (msg) => app.log.warn(msg);
// The outbox worker sends e-mail and SMS and signs issued documents; audit anchoring queues what
// it delivers. NOTIFICATIONS_WORKER=false leaves both to `npm run worker` processes.
const workers = config.notifications.worker ? await startWorkers(ctx, services, { ...(handle.pglite ? { pglite: handle.pglite } : {}), log: app.log }) : null;

// Close the embedded database cleanly: PGlite flushes its files on close.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: shutting down`);
    void app
      .close()
      .then(() => workers?.stop())
      .then(() => handle.close())
      .finally(() => process.exit(0));
  });
}

await app.listen({ port: config.port, host: config.host }).catch(startFailed);
app.log.info(`Motcua is serving ${config.publicUrl} (database: ${handle.kind})`);
