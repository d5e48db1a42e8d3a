import { loadConfig } from '../platform/config.ts';
import { openConfiguredDatabase } from '../services.ts';
import { migrateToLatest } from './migrate.ts';

const config = loadConfig();
const handle = await openConfiguredDatabase(config);
try {
  const applied = await migrateToLatest(handle.db);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database schema is up to date.');
} finally {
  await handle.close();
}
