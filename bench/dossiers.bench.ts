// Dossier submissions and public status look-ups per second on PostgreSQL, each beside a baseline
// measured in the same run: raw single-row INSERT transactions with the same driver (pg) and the
// same concurrency, and a bare Fastify route. Submissions run twice: all in one commune (they queue
// on its daily number, by design) and spread over ten communes of An Giang (nothing shared).
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
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
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
    }),
  );
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
      const body = (i: number, unitCode: string) =>
        JSON.stringify({
          procedureCode: '2.000815',
          unitCode,
          channel: 'counter',
          applicant: {
            idNumber: String(100000000000 + i),
            fullName: 'Nguyễn Văn An',
            birthDate: '1985-04-12',
            sex: 'male',
            phone: '0912345678',
            unitCode,
            hamlet: null,
            addressLine: 'Ấp Long Hòa 1',
          },
          form: { documents: [{ documentName: 'Bằng tốt nghiệp THPT', pages: 1, copies: 2 }] },
          resultDelivery: 'counter',
          consent: { method: 'signature' },
        });
      let i = 0;
      // One receptionist token per commune; request k goes to commune k mod n.
      const submit = async (unitCodes: string[]) => {
        const tokens = await Promise.all(unitCodes.map(async (u) => (await bearerFor(t, 'receptionist', u)).headers));
        const r = await loadTest({
          url: `${address}/api/dossiers`,
          connections: CONNECTIONS,
          duration: SECONDS,
          requests: [
            {
              method: 'POST',
              setupRequest: (req: autocannon.Request) => {
                const k = i++;
                const u = k % unitCodes.length;
                return {
                  ...req,
                  headers: { ...tokens[u], 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
                  body: body(k, unitCodes[u]!),
                };
              },
            },
          ],
        });
        if (r.non2xx || r.errors) throw new Error(`submissions in ${unitCodes.length} unit(s): ${r.non2xx} non-2xx, ${r.errors} errors`);
        return r;
      };
      const communes = (
        await t.ctx.db
          .selectFrom('unit')
          .select('code')
          .where('province_code', '=', '91')
          .where('type', 'in', ['commune', 'ward'])
          .orderBy('code')
          .limit(10)
          .execute()
      ).map((u) => u.code);
      const one = await submit(['30421']);
      const spread = await submit(communes);
      const raw = await rawInsertRate(server.url);
      rows.push(row('dossier submissions/s, 1 commune (HTTP, PostgreSQL)', fmt(one.rps, 0), `${fmt(raw, 0)} raw INSERT tx/s`, `${fmt(one.rps / raw)}×`));
      rows.push(row('  p50 / p99 (ms)', `${fmt(one.p50, 0)} / ${fmt(one.p99, 0)}`, '', ''));
      rows.push(
        row(
          `dossier submissions/s, ${communes.length} communes of An Giang`,
          fmt(spread.rps, 0),
          `${fmt(raw, 0)} raw INSERT tx/s`,
          `${fmt(spread.rps / raw)}×`,
        ),
      );
      rows.push(row('  p50 / p99 (ms)', `${fmt(spread.p50, 0)} / ${fmt(spread.p99, 0)}`, '', ''));

      const sample = await t.ctx.db.selectFrom('dossier').select(['code', 'phone']).limit(200).execute();
      const lookups = await loadTest({
        url: address,
        connections: CONNECTIONS,
        duration: SECONDS,
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
