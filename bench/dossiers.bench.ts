// Dossier submissions and public status look-ups per second on PostgreSQL, each beside a baseline
// measured in the same run: raw single-row INSERT transactions with the same driver (pg) and the
// same concurrency, and a bare Fastify route.
import crypto from 'node:crypto';
import pg from 'pg';
import type autocannon from 'autocannon';
import { startTestPostgres } from '../scripts/test-postgres.mjs';
import { bareFastify, fmt, loadTest, row } from './lib.ts';

const CONNECTIONS = 10;
const SECONDS = 5;

async function rawInsertRate(url: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: CONNECTIONS });
  await pool.query('create table bench_raw (id bigserial primary key, code text not null, body jsonb not null, created_at timestamptz not null default now())');
  const body = JSON.stringify({ procedureCode: '2.000815', applicant: { fullName: 'Nguyễn Văn An' } });
  let n = 0;
  const deadline = performance.now() + SECONDS * 1000;
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    const client = await pool.connect();
    try {
      while (performance.now() < deadline) {
        await client.query('begin');
        await client.query('insert into bench_raw (code, body) values ($1, $2)', [crypto.randomUUID(), body]);
        await client.query('commit');
        n++;
      }
    } finally {
      client.release();
    }
  }));
  await pool.end();
  return n / SECONDS;
}

export async function run() {
  const server = await startTestPostgres();
  process.env.MOTCUA_TEST_DB = 'postgres';
  process.env.TEST_DATABASE_URL = server.url;
  const rows = [];
  try {
    const { startTestApp } = await import('../packages/server/src/testing/harness.ts');
    const { bearerFor } = await import('../packages/server/src/testing/auth.ts');
    const { testConfig } = await import('../packages/server/src/testing/harness.ts');
    const base = testConfig();
    // The public look-up is rate-limited per client; the load generator is one client.
    const t = await startTestApp({ demo: true, config: { demoDossiers: false, identity: { ...base.identity, rateLimitLookupPerMinute: 100_000_000 } } });
    try {
      const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
      const { headers } = await bearerFor(t, 'receptionist', '30421');
      const body = (i: number) => JSON.stringify({
        procedureCode: '2.000815', unitCode: '30421', channel: 'counter',
        applicant: { idNumber: String(100000000000 + i), fullName: 'Nguyễn Văn An', birthDate: '1985-04-12', sex: 'male', phone: '0912345678', unitCode: '30421', hamlet: null, addressLine: 'Ấp Long Hòa 1' },
        form: { documents: [{ documentName: 'Bằng tốt nghiệp THPT', pages: 1, copies: 2 }] },
        resultDelivery: 'counter', consent: { method: 'signature' },
      });
      let i = 0;
      const submissions = await loadTest({
        url: `${address}/api/dossiers`, connections: CONNECTIONS, duration: SECONDS,
        requests: [{
          method: 'POST',
          setupRequest: (req: autocannon.Request) => ({ ...req, headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() }, body: body(i++) }),
        }],
      });
      if (submissions.non2xx || submissions.errors) throw new Error(`submissions: ${submissions.non2xx} non-2xx, ${submissions.errors} errors`);
      const raw = await rawInsertRate(server.url);
      rows.push(row('dossier submissions/s (HTTP, PostgreSQL)', fmt(submissions.rps, 0), `${fmt(raw, 0)} raw INSERT tx/s`, `${fmt(submissions.rps / raw)}×`));
      rows.push(row('dossier submission p99 (ms)', fmt(submissions.p99), '', ''));

      const sample = await t.ctx.db.selectFrom('dossier').select(['code', 'phone']).limit(200).execute();
      const lookups = await loadTest({
        url: address, connections: CONNECTIONS, duration: SECONDS,
        requests: sample.map((d) => ({ method: 'GET' as const, path: `/api/lookup?code=${d.code}&phone=${d.phone}` })),
      });
      const first = await (await fetch(`${address}/api/lookup?code=${sample[0]!.code}&phone=${sample[0]!.phone}`)).json();
      const bare = await bareFastify(first);
      const base = await loadTest({ url: bare.url, connections: CONNECTIONS, duration: SECONDS });
      await bare.close();
      if (lookups.non2xx || lookups.errors) throw new Error(`lookups: ${lookups.non2xx} non-2xx, ${lookups.errors} errors`);
      rows.push(row('status look-ups/s (GET /api/lookup)', fmt(lookups.rps, 0), `${fmt(base.rps, 0)} bare Fastify`, `${fmt(lookups.rps / base.rps)}×`));
      rows.push(row('status look-up p99 (ms)', fmt(lookups.p99), fmt(base.p99), ''));
    } finally {
      await t.app.close();
      await t.close().catch(() => undefined);
    }
  } finally {
    server.stop();
  }
  return rows;
}
