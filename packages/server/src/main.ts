import { loadConfig } from './platform/config.ts';
import { contextFor, openConfiguredDatabase, prepareDatabase } from './platform/bootstrap.ts';
import { buildApp } from './app.ts';

const config = loadConfig();
const handle = await openConfiguredDatabase(config);
const ctx = contextFor(config, handle);
await prepareDatabase(ctx, { demo: config.demoData });
const app = await buildApp(ctx, { serveWeb: true, logger: { level: config.logLevel } });

// Close the embedded database cleanly: PGlite flushes its files on close.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: shutting down`);
    void app.close().then(() => handle.close()).finally(() => process.exit(0));
  });
}

await app.listen({ port: config.port, host: config.host });
app.log.info(`Motcua is serving ${config.publicUrl} (database: ${handle.kind})`);
