// PostgreSQL only (the `postgres` vitest project).
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { inTransaction, openDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { systemClock } from '../../platform/clock.ts';
import { openTestDatabase } from '../../testing/harness.ts';
import { startTcpProxy } from '../../testing/tcp-proxy.ts';
import { enqueueOutbox, listenForOutbox, OutboxWorker } from '../../platform/outbox/index.ts';
import { samplePayload, waitFor } from './testkit.ts';

/*
 * Database faults and the outbox (issue #10): the LISTEN connection comes back by itself after
 * PostgreSQL drops it, and a worker whose database went away resumes delivering once it is back.
 */

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

const TOPIC = 'test.fault';

async function admin<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  c.on('error', () => undefined);
  await c.connect();
  try {
    return (await c.query(sql, params)).rows as T[];
  } finally {
    await c.end();
  }
}

async function migratedDatabase() {
  const handle = await openTestDatabase();
  cleanups.push(() => handle.close());
  await migrateToLatest(handle.db);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${handle.name}`;
  return { handle, url };
}

const enqueue = (db: Parameters<typeof enqueueOutbox>[0]) => inTransaction(db, (trx) => enqueueOutbox(trx, TOPIC, samplePayload()));

describe('outbox under PostgreSQL faults', () => {
  it('LISTEN re-subscribes after its connection is terminated, so wake-ups resume without polling', async () => {
    const { handle, url } = await migratedDatabase();
    const logs: string[] = [];
    const log = { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m), error: (m: string) => logs.push(m) };
    let wakes = 0;
    const stop = await listenForOutbox(
      { db: handle.db, databaseUrl: url.toString() },
      () => {
        wakes++;
      },
      log,
    );
    cleanups.push(stop);
    await enqueue(handle.db);
    await waitFor(() => wakes >= 1, 'the first wake-up');

    const listeners = () => admin<{ pid: number }>(`select pid from pg_stat_activity where datname = $1 and query ilike 'listen%'`, [handle.name]);
    const [listener] = await listeners();
    expect(listener).toBeDefined();
    await admin('select pg_terminate_backend($1)', [listener!.pid]);
    await waitFor(() => logs.some((l) => /LISTEN connection is back/.test(l)), 'the LISTEN connection to come back');
    expect(logs.join('\n')).toMatch(/LISTEN connection lost \(terminating connection due to administrator command\)/);
    const [again] = await listeners();
    expect(again!.pid).not.toBe(listener!.pid);

    const before = wakes;
    await enqueue(handle.db);
    await waitFor(() => wakes > before, 'a wake-up on the new LISTEN connection');
  });

  it('a worker whose database went away logs it once, keeps going, and delivers once it is back', async () => {
    const { handle, url } = await migratedDatabase();
    const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    cleanups.push(() => proxy.close());
    const relayed = new URL(url);
    relayed.hostname = '127.0.0.1';
    relayed.port = String(proxy.port);
    const workerDb = await openDatabase({ databaseUrl: relayed.toString(), poolSize: 2, onConnectionError: () => undefined });
    cleanups.push(() => workerDb.close());
    const logs: string[] = [];
    const delivered: number[] = [];
    const worker = new OutboxWorker({
      db: workerDb.db,
      clock: systemClock,
      pollMs: 50,
      log: { info: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(`ERROR ${m}`) },
      handlers: {
        [TOPIC]: (m) => [
          {
            channel: 'test',
            recipient: 'x',
            send: async () => {
              delivered.push(m.id);
              return { id: String(m.id) };
            },
          },
        ],
      },
    });
    worker.start();
    cleanups.push(() => worker.stop());
    await enqueue(handle.db);
    await waitFor(() => delivered.length === 1, 'the first delivery');

    await proxy.cut();
    await enqueue(handle.db); // committed through the direct connection while the worker cannot reach it
    await waitFor(() => logs.some((l) => /database unavailable/.test(l)), 'the worker to notice');
    expect(delivered).toHaveLength(1);

    await proxy.restore();
    await waitFor(() => delivered.length === 2, 'the delivery after the database came back');
    // The delivery happens inside the poll that then says so: wait for the line, not the next tick.
    await waitFor(() => logs.some((l) => /the database answers again/.test(l)), 'the worker to say the database is back');
    // However many polls failed meanwhile, it said so once, as a warning, not an error per poll.
    expect(logs.filter((l) => /database unavailable/.test(l))).toHaveLength(1);
    expect(logs.filter((l) => l.startsWith('ERROR'))).toEqual([]);
    const rows = await handle.db.selectFrom('outbox').select(['done_at', 'attempts', 'parked_at']).execute();
    expect(rows.every((r) => r.done_at !== null && r.parked_at === null)).toBe(true);
  });
});
