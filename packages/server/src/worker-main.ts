// `npm run worker`: only the background workers (outbox delivery and signing, audit anchoring),
// against the same PostgreSQL as the app processes, so each kind scales on its own.
import { loadConfig } from './platform/config.ts';
import type { WorkerLog } from './platform/outbox/index.ts';
import { shiftedClock, systemClock } from './platform/clock.ts';
import { buildServices, contextFor, openConfiguredDatabase, startFailed } from './services.ts';
import { migrateToLatest } from './db/migrate.ts';
import { startWorkers } from './workers.ts';

const LEVELS = { debug: 20, info: 30, warn: 40, error: 50, silent: 100 } as const;

/** JSON lines on stderr, like the server's log (level, time, msg and the bindings). */
function jsonLog(level: string, bindings: Record<string, string> = {}): WorkerLog & { child(b: Record<string, string>): WorkerLog } {
  const min = LEVELS[level as keyof typeof LEVELS] ?? LEVELS.info;
  const line = (lvl: keyof typeof LEVELS) => (msg: string) => {
    if (LEVELS[lvl] >= min) process.stderr.write(`${JSON.stringify({ level: LEVELS[lvl], time: Date.now(), pid: process.pid, ...bindings, msg })}\n`);
  };
  return { info: line('info'), warn: line('warn'), error: line('error'), child: (b) => jsonLog(level, { ...bindings, ...b }) };
}

const config = loadConfig();
const log = jsonLog(config.logLevel, { process: 'worker' });
if (!config.databaseUrl) {
  // The embedded database belongs to one process: a separate worker needs a PostgreSQL server.
  process.stderr.write(
    'Motcua không khởi động được — Motcua could not start:\n' +
      'npm run worker cần DATABASE_URL (cơ sở dữ liệu nhúng chỉ dùng được trong một tiến trình: hãy dùng npm start).\n' +
      'npm run worker needs DATABASE_URL (the embedded database serves one process only: use npm start).\n',
  );
  process.exit(1);
}
const handle = await openConfiguredDatabase(config, {
  onConnectionError: (err) => log.warn(`database connection lost (${err.message}); the pool reconnects`),
}).catch(startFailed);
const ctx = contextFor(config, handle, config.clockStart ? shiftedClock(config.clockStart) : systemClock);
// Safe alongside app processes doing the same: the migrator takes a lock.
await migrateToLatest(ctx.db).catch(startFailed);
const workers = await startWorkers(ctx, buildServices(ctx), { log }).catch(startFailed);
log.info('Motcua worker started (outbox, audit anchoring)');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: shutting down`);
    void workers
      .stop()
      .then(() => handle.close())
      .finally(() => process.exit(0));
  });
}
