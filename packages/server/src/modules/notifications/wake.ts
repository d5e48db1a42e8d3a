import { sql } from 'kysely';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import type { Db } from '../../db/database.ts';
import { OUTBOX_CHANNEL } from './outbox.ts';
import type { WorkerLog } from './worker.ts';

export interface WakeSource {
  db: Db;
  /** PostgreSQL: a dedicated connection LISTENs (pooled ones cannot). */
  databaseUrl: string | null;
  /** PGlite: its one connection LISTENs; notices arrive with any query's results. */
  pglite?: PGlite;
}

/**
 * Calls onWake when enqueueOutbox's NOTIFY is committed, in this or any other process. Only a
 * shortcut: polling still finds everything, so a lost connection merely delays delivery until
 * the next poll (and we reconnect). Returns a function that stops listening.
 */
export async function listenForOutbox(source: WakeSource, onWake: () => void, log: WorkerLog): Promise<() => Promise<void>> {
  if (source.databaseUrl) return listenOnPostgres(source.databaseUrl, onWake, log);
  if (source.pglite) {
    const lite = source.pglite;
    await sql`listen ${sql.id(OUTBOX_CHANNEL)}`.execute(source.db);
    const off = lite.onNotification((channel) => {
      if (channel === OUTBOX_CHANNEL) onWake();
    });
    return async () => {
      off();
      if (!lite.closed) await sql`unlisten ${sql.id(OUTBOX_CHANNEL)}`.execute(source.db).catch(() => undefined);
    };
  }
  return async () => undefined;
}

async function listenOnPostgres(databaseUrl: string, onWake: () => void, log: WorkerLog): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: databaseUrl });
    c.on('notification', (n) => {
      if (n.channel === OUTBOX_CHANNEL) onWake();
    });
    c.on('error', (err) => {
      log.warn(`outbox LISTEN connection lost (${err.message}); polling until it is back`);
      c.end().catch(() => undefined);
      if (client === c) client = null;
      schedule();
    });
    await c.connect();
    await c.query(`listen ${OUTBOX_CHANNEL}`);
    if (closed) await c.end();
    else client = c;
  };
  const schedule = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      connect().catch(() => schedule());
    }, 5000);
    retry.unref();
  };

  await connect().catch((err: Error) => {
    log.warn(`outbox LISTEN unavailable (${err.message}); polling only`);
    schedule();
  });
  return async () => {
    closed = true;
    if (retry) clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}
