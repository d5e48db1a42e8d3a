import { sql } from 'kysely';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import type { Db } from '../../db/database.ts';
import { OUTBOX_CHANNEL } from './queue.ts';
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

/** Reconnect delays of the LISTEN connection: quick at first, so notices resume soon after a restart. */
export const LISTEN_RETRY_MS = { first: 200, max: 5000 };

async function listenOnPostgres(databaseUrl: string, onWake: () => void, log: WorkerLog): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  let delay = LISTEN_RETRY_MS.first;
  let lost = false;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000, keepAlive: true });
    // Every client needs an 'error' listener: without one a restart of PostgreSQL (57P01) ends
    // the process. An error during connect() also rejects it; schedule() runs once either way.
    c.on('error', (err) => {
      if (client === c) {
        client = null;
        lost = true;
        log.warn(`outbox LISTEN connection lost (${err.message}); polling until it is back`);
      }
      c.end().catch(() => undefined);
      schedule();
    });
    c.on('end', () => {
      if (client === c) {
        client = null;
        lost = true;
        schedule();
      }
    });
    c.on('notification', (n) => {
      if (n.channel === OUTBOX_CHANNEL) onWake();
    });
    try {
      await c.connect();
      await c.query(`listen ${OUTBOX_CHANNEL}`);
    } catch (err) {
      c.end().catch(() => undefined);
      throw err;
    }
    if (closed) {
      await c.end();
      return;
    }
    client = c;
    delay = LISTEN_RETRY_MS.first;
    if (lost) {
      lost = false;
      log.info('outbox LISTEN connection is back');
      // Notices sent while we were not listening are gone: look at the table now.
      onWake();
    }
  };
  const schedule = () => {
    if (closed || retry || client) return;
    retry = setTimeout(() => {
      retry = null;
      connect().catch(() => schedule());
    }, delay);
    delay = Math.min(delay * 2, LISTEN_RETRY_MS.max);
    retry.unref();
  };

  await connect().catch((err: Error) => {
    lost = true;
    log.warn(`outbox LISTEN unavailable (${err.message}); polling only`);
    schedule();
  });
  return async () => {
    closed = true;
    if (retry) clearTimeout(retry);
    const c = client;
    client = null;
    await c?.end().catch(() => undefined);
  };
}
