import { loadConfig } from './platform/config.ts';
import { contextFor, openConfiguredDatabase, prepareDatabase } from './platform/bootstrap.ts';
import { buildApp } from './app.ts';
import { shiftedClock, systemClock } from './platform/clock.ts';
import { databaseFault } from './platform/errors.ts';
import { DataFolderError } from './db/data-folder.ts';
import { startNotifications } from './modules/notifications/index.ts';
import { resultsWorkerHandlers } from './modules/results/index.ts';

/**
 * A start that cannot succeed (data folder unwritable, disk full, the embedded database held by
 * another process, the database unreachable) says so in both languages and exits 1, for the
 * operator or the service manager; anything else is a bug and keeps its stack.
 */
function startFailed(err: unknown): never {
  const text = err instanceof DataFolderError
    ? `${err.messageVi}\n${err.messageEn}`
    : databaseFault(err)
      ? `Không kết nối được cơ sở dữ liệu (${(err as Error).message}); hãy kiểm tra DATABASE_URL và máy chủ PostgreSQL.\nCannot reach the database (${(err as Error).message}); check DATABASE_URL and the PostgreSQL server.`
      : err instanceof Error ? (err.stack ?? err.message) : String(err);
  process.stderr.write(`Motcua không khởi động được — Motcua could not start:\n${text}\n`);
  process.exit(1);
}

const config = loadConfig();
// Connections lost while idle are logged once the app's logger exists; the pool replaces them.
let warn = (msg: string) => { process.stderr.write(`${msg}\n`); };
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
  ? await startNotifications(ctx, { ...(handle.pglite ? { pglite: handle.pglite } : {}), log: app.log.child({ module: 'notifications' }), handlers: resultsWorkerHandlers(ctx) })
  : null;

// Close the embedded database cleanly: PGlite flushes its files on close.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: shutting down`);
    void app.close().then(() => notifications?.stop()).then(() => handle.close()).finally(() => process.exit(0));
  });
}

await app.listen({ port: config.port, host: config.host }).catch(startFailed);
app.log.info(`Motcua is serving ${config.publicUrl} (database: ${handle.kind})`);
