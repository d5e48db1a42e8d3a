import type { Config } from './config.ts';
import type { Clock } from './clock.ts';
import type { Db } from '../db/database.ts';

/** What every module's service is built from: configuration, the database and the clock. */
export interface AppContext {
  config: Config;
  db: Db;
  dbKind: 'pglite' | 'postgres';
  clock: Clock;
}
