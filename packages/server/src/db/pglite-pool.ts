import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

/**
 * PGlite is one connection in one process. Kysely's PostgresDialect wants a pool, so this hands out
 * that single connection under a mutex: a transaction holds it from BEGIN to COMMIT and every other
 * query waits, which is what keeps embedded installs correct under concurrent requests.
 */
export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<PGlite> {
  const pg = new PGlite({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: { pg_trgm },
    // Same value shapes as node-postgres with our parsers (see postgres.ts).
    parsers: {
      [types.INT8]: (v: string) => Number(v),
      [types.NUMERIC]: (v: string) => Number(v),
      [types.DATE]: (v: string) => v,
    },
  });
  await pg.waitReady;
  return pg;
}

// Taken at load, so a test's fake timers cannot stop the database.
const realSetImmediate = setImmediate;

export function pglitePool(pg: PGlite): PostgresPool {
  let tail: Promise<void> = Promise.resolve();
  return {
    async connect(): Promise<PostgresPoolClient> {
      let release!: () => void;
      const turn = new Promise<void>((resolve) => (release = resolve));
      const previous = tail;
      tail = previous.then(() => turn);
      await previous;
      // PGlite runs in this thread and answers through promises alone, so a queue of waiting
      // transactions would run back to back in one microtask drain and starve the event loop:
      // under a burst of requests the server stopped accepting connections (and /health) for
      // minutes. Yielding to the event loop once per transaction lets I/O in between.
      await new Promise<void>((resolve) => realSetImmediate(resolve));
      let released = false;
      const client = {
        async query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
          const result = await pg.query<R>(sql, parameters as unknown[]);
          const command = (sql.trimStart().match(/^\w+/)?.[0]?.toUpperCase() ?? 'SELECT') as PostgresQueryResult<R>['command'];
          return { command, rowCount: result.affectedRows ?? result.rows.length, rows: result.rows };
        },
        release() {
          if (!released) {
            released = true;
            release();
          }
        },
      };
      return client as unknown as PostgresPoolClient;
    },
    async end() {
      await tail;
    },
  };
}
