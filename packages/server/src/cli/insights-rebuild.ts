// `npm run insights:rebuild`: rebuilds the Decision 766 rollup (insight_rollup) from the dossier
// event log on the configured database, in one transaction, so readers see the old figures or the
// new ones and never a half-built table. The same fold the event hook applies one event at a time.
import { loadConfig } from '../platform/config.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { openConfiguredDatabase, startFailed } from '../services.ts';
import { rebuildRollup } from '../modules/insights/index.ts';

const config = loadConfig();
const handle = await openConfiguredDatabase(config).catch(startFailed);
try {
  await migrateToLatest(handle.db);
  const started = Date.now();
  const dossiers = await rebuildRollup(handle.db);
  console.log(`Đã dựng lại số liệu chỉ số 766 — rollup rebuilt from ${dossiers} dossiers' event logs in ${Date.now() - started} ms.`);
} catch (err) {
  console.error(`insights:rebuild: ${(err as Error).message}`);
  process.exitCode = 2;
} finally {
  await handle.close();
}
