// How fast the follow-up work drains: N dossiers are submitted with no worker running (the notice
// and the signed receipt of each wait in the outbox), then the workers start as `npm start` starts
// them and we time until nothing waits. The same-run baseline is intake of the same N dossiers.
// Usage: tsx bench/outbox-drain.ts [N] (also run by bench/dossiers.bench.ts).
import { startTestPostgres } from '../scripts/test-postgres.mjs';

export interface DrainResult {
  dossiers: number;
  messages: number;
  intakePerSecond: number;
  drainSeconds: number;
  messagesPerSecond: number;
  dossiersPerSecond: number;
}

export async function measureDrain(databaseUrl: string, n: number): Promise<DrainResult> {
  process.env.MOTCUA_TEST_DB = 'postgres';
  const { startTestApp } = await import('../packages/server/src/testing/harness.ts');
  const { startWorkers } = await import('../packages/server/src/workers.ts');
  const t = await startTestApp({ engine: 'postgres', postgresUrl: databaseUrl, demo: true, config: { demoDossiers: false } });
  try {
    const official = await t.ctx.db.selectFrom('official').select(['id', 'full_name']).where('username', '=', 'phulam.tiepnhan').executeTakeFirstOrThrow();
    const actor = {
      kind: 'official' as const,
      userId: official.id,
      fullName: official.full_name,
      roles: ['receptionist' as const],
      unitCodes: ['30421'],
      via: 'token' as const,
    };
    const submission = (i: number) => ({
      procedureCode: '2.000815',
      unitCode: '30421',
      channel: 'counter' as const,
      applicant: {
        idNumber: String(100000000000 + i),
        fullName: 'Nguyễn Văn An',
        birthDate: '1985-04-12',
        sex: 'male' as const,
        phone: '0912345678',
        email: 'an@example.vn',
        unitCode: '30421',
        hamlet: null,
        addressLine: 'Ấp Long Hòa 1',
      },
      form: { documents: [{ documentName: 'Bằng tốt nghiệp THPT', pages: 1, copies: 2 }] },
      resultDelivery: 'counter' as const,
      consent: { method: 'signature' as const },
    });
    const t0 = performance.now();
    for (let i = 0; i < n; i += 10) {
      await Promise.all(Array.from({ length: Math.min(10, n - i) }, (_, k) => t.services.dossiers.submit(actor as never, submission(i + k) as never)));
    }
    const intakeSeconds = (performance.now() - t0) / 1000;
    const waiting = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('outbox')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('done_at', 'is', null)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const messages = await waiting();
    const silent = { info() {}, warn() {}, error() {}, child: () => silent };
    if (process.env.BENCH_DEBUG) console.error(`intake ${n} in ${intakeSeconds.toFixed(1)} s, ${messages} waiting`);
    const t1 = performance.now();
    const workers = await startWorkers(t.ctx, t.services, { log: silent });
    try {
      for (let left = await waiting(); left > 0; left = await waiting()) {
        if (process.env.BENCH_DEBUG) console.error(`${left} waiting`);
        await new Promise((r) => setTimeout(r, 500));
      }
    } finally {
      await workers.stop();
    }
    const drainSeconds = (performance.now() - t1) / 1000;
    const parked = await t.ctx.db.selectFrom('outbox').select(['topic', 'last_error']).where('parked_at', 'is not', null).execute();
    if (parked.length) throw new Error(`${parked.length} messages parked: ${parked[0]!.topic} ${parked[0]!.last_error}`);
    return {
      dossiers: n,
      messages,
      intakePerSecond: n / intakeSeconds,
      drainSeconds,
      messagesPerSecond: messages / drainSeconds,
      dossiersPerSecond: n / drainSeconds,
    };
  } finally {
    await t.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startTestPostgres({ durable: process.env.BENCH_FSYNC !== 'off' });
  try {
    console.log(await measureDrain(server.url, Number(process.argv[2] ?? 200)));
  } finally {
    server.stop();
  }
  process.exit(0);
}
