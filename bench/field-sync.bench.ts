// Field sync over a slow link: 500 dossiers received offline (5 phones × 100, each dossier with a
// photo and a scanned PDF) synced through the real server via the field app's own sync engine
// (packages/web/src/field/sync, the code the browser runs), across a local proxy limiting the link
// to 1 MB/s with 50 ms one-way latency. Baselines, through the same kind of link in the same run:
// the same bytes sent raw in one stream (what the link allows at best), and as one plain POST per
// file at the same concurrency (no protocol, no database).
import crypto from 'node:crypto';
import http from 'node:http';
import zlib from 'node:zlib';
import { startTestApp } from '../packages/server/src/testing/harness.ts';
import { SESSION_DAY, createRound, kit, people, roundBody } from '../packages/server/src/modules/outreach/testkit.ts';
import { receiveOp, type KitBasics } from '../packages/web/src/field/sync/compose.ts';
import { newDataKey, sealerFor } from '../packages/web/src/field/sync/crypto.ts';
import { syncSession } from '../packages/web/src/field/sync/engine.ts';
import { MemoryStore } from '../packages/web/src/field/sync/memoryStore.ts';
import { fmt, row } from './lib.ts';
import { throttledLink } from './throttled-link.ts';

const DEVICES = 5;
const PER_DEVICE = 100; // one reserved code block each
const FILE_BYTES = Number(process.env.FIELD_BENCH_FILE_KB ?? 16) * 1024;
const LINK = { bytesPerSecond: 1_000_000, latencyMs: 50 };
const UPLOAD_CONCURRENCY = 3;

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A real 1×1 PNG carrying random bytes in a private ancillary chunk: incompressible, unique, valid. */
function photo(size: number): Uint8Array {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  const idat = zlib.deflateSync(Buffer.from([0, 255, 255, 255]));
  const fixed = 8 + 3 * 12 + ihdr.length + idat.length + 12;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('raNd', crypto.randomBytes(Math.max(0, size - fixed))),
    pngChunk('IDAT', idat),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-object PDF whose stream is random bytes, with a real xref and trailer (the upload gate checks both ends). */
function scan(size: number): Uint8Array {
  const head = Buffer.from('%PDF-1.4\n', 'latin1');
  const objStart = `1 0 obj\n<< /Length ${String(size).padStart(10, '0')} >>\nstream\n`;
  const objEnd = '\nendstream\nendobj\n';
  const trailer = (xref: number) =>
    `xref\n0 2\n0000000000 65535 f \n${String(head.length).padStart(10, '0')} 00000 n \ntrailer\n<< /Size 2 >>\nstartxref\n${String(xref).padStart(10, '0')}\n%%EOF\n`;
  const fixed = head.length + objStart.length + objEnd.length + trailer(0).length;
  const body = crypto.randomBytes(Math.max(0, size - fixed));
  const xref = head.length + objStart.length + body.length + objEnd.length;
  return Buffer.concat([
    head,
    Buffer.from(objStart.replace(String(size).padStart(10, '0'), String(body.length).padStart(10, '0')), 'latin1'),
    body,
    Buffer.from(objEnd + trailer(xref), 'latin1'),
  ]);
}

async function rawBaselines(bytes: Uint8Array[]): Promise<{ streamMs: number; perFileMs: number }> {
  const sink = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  const port = (sink.address() as { port: number }).port;
  try {
    // One stream: every byte, one request.
    let link = await throttledLink({ host: '127.0.0.1', port }, LINK);
    let t0 = performance.now();
    await (await fetch(`${link.url}/raw`, { method: 'POST', body: Buffer.concat(bytes), headers: { 'content-type': 'application/octet-stream' } })).text();
    const streamMs = performance.now() - t0;
    await link.close();
    // One POST per file with the sync's concurrency (devices × uploads in flight), on a fresh link.
    link = await throttledLink({ host: '127.0.0.1', port }, LINK);
    const queue = [...bytes];
    t0 = performance.now();
    await Promise.all(
      Array.from({ length: DEVICES * UPLOAD_CONCURRENCY }, async () => {
        for (let b = queue.shift(); b; b = queue.shift()) {
          await (await fetch(`${link.url}/file`, { method: 'POST', body: b, headers: { 'content-type': 'application/octet-stream' } })).text();
        }
      }),
    );
    const perFileMs = performance.now() - t0;
    await link.close();
    return { streamMs, perFileMs };
  } finally {
    await new Promise<void>((resolve) => sink.close(() => resolve()));
  }
}

export async function run() {
  // The embedded engine a small commune runs on; another suite may have pointed tests at PostgreSQL.
  const engine = process.env.MOTCUA_TEST_DB;
  process.env.MOTCUA_TEST_DB = 'pglite';
  const t = await startTestApp({ clock: `${SESSION_DAY}T05:00:00Z`, demo: true }); // noon in Vietnam
  const rows = [];
  try {
    const who = await people(t);
    const round = await createRound(t, who.admin, roundBody(who.ids));
    const session = round.sessions.find((s) => s.day === SESSION_DAY)!;
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const link = await throttledLink({ host: '127.0.0.1', port: Number(new URL(address).port) }, LINK);

    // Five phones, each with its own kit (own reserved block and credential), 100 dossiers each,
    // synced at once through `base` (the throttled link, or loopback for the reference row).
    const sent: Uint8Array[] = [];
    let fleet = 0;
    const syncFleet = async (base: string): Promise<number> => {
      const devices = [];
      fleet++;
      for (let d = 0; d < DEVICES; d++) {
        const k = (await kit(t, who.outreach, session.id, `bench-phone-${fleet}-${d}`)) as unknown as KitBasics & {
          credential: { token: string };
          sync: { maxOpsPerBatch: number };
        };
        const sealer = sealerFor(await newDataKey());
        const store = new MemoryStore();
        for (let i = 0; i < PER_DEVICE; i++) {
          const files = [
            { name: `cccd-${d}-${i}.png`, mediaType: 'image/png' as const, bytes: photo(FILE_BYTES) },
            { name: `to-khai-${d}-${i}.pdf`, mediaType: 'application/pdf' as const, bytes: scan(FILE_BYTES) },
          ];
          const marital = i % 2 === 1;
          const { item, files: sealed } = await receiveOp(sealer, {
            kit: { session: { id: session.id, day: SESSION_DAY, unitCode: '30421' }, calendar: k.calendar, codeBlock: k.codeBlock },
            offset: i,
            receivedAt: new Date(Date.parse(`${SESSION_DAY}T08:00:00+07:00`) + (d * PER_DEVICE + i) * 7_000),
            procedure: marital ? { code: '1.004873', sameDay: false, processingDays: 3 } : { code: '2.000815', sameDay: true, processingDays: 0 },
            applicant: {
              idNumber: '089052003311',
              fullName: 'Võ Văn Tư',
              birthDate: '1952-11-02',
              sex: 'male',
              phone: '0978112233',
              unitCode: '30421',
              hamlet: '30421-09',
              addressLine: 'Ấp Phú Long 3',
            },
            form: marital
              ? { maritalStatus: 'chua_ket_hon', purpose: 'muc_dich_khac', purposeDetail: 'Vay vốn ngân hàng', copies: 1 }
              : { documents: [{ documentName: 'Giấy khai sinh', pages: 1, copies: 2 }] },
            files,
            resultDelivery: 'counter',
            consent: { method: 'signature' },
          });
          store.add(item, sealed);
          if (fleet === 1) sent.push(...files.map((f) => f.bytes), Buffer.from(JSON.stringify({ id: item.id, summary: item.summary }))); // the op JSON's stand-in in the raw baseline
        }
        devices.push({ k, sealer, store });
      }
      const t0 = performance.now();
      const outcomes = await Promise.all(
        devices.map(({ k, sealer, store }) =>
          syncSession({
            store,
            sealer,
            sessionId: session.id,
            maxOpsPerBatch: k.sync.maxOpsPerBatch,
            uploadConcurrency: UPLOAD_CONCURRENCY,
            fetch: (path, init) => fetch(`${base}${path}`, { ...init, headers: { ...init.headers, 'x-outreach-credential': k.credential.token } }),
          }),
        ),
      );
      const ms = performance.now() - t0;
      const applied = outcomes.reduce((n, o) => n + o.applied, 0);
      const stored = await t.ctx.db
        .selectFrom('outreach_dossier')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('session_id', '=', session.id)
        .executeTakeFirstOrThrow();
      if (applied !== DEVICES * PER_DEVICE || Number(stored.n) !== fleet * DEVICES * PER_DEVICE) {
        const refused = devices.flatMap((x) => [...x.store.items.values()]).find((i) => i.error);
        throw new Error(`sync incomplete: ${applied} applied, ${stored.n} stored; first error: ${JSON.stringify(refused?.error)}`);
      }
      return ms;
    };
    const syncMs = await syncFleet(link.url);
    const upBytes = link.upBytes();
    await link.close();
    const loopbackMs = await syncFleet(address);

    const raw = await rawBaselines(sent);
    const mb = sent.reduce((n, b) => n + b.length, 0) / 1e6;
    const label = `${DEVICES * PER_DEVICE} dossiers × 2 files (${FILE_BYTES / 1024} KB), 1 MB/s + 50 ms`;
    rows.push(
      row(
        `field sync, ${label} (s)`,
        fmt(syncMs / 1000, 1),
        `${fmt(raw.streamMs / 1000, 1)} (same bytes, one raw stream)`,
        `${fmt(syncMs / raw.streamMs, 2)}×`,
      ),
    );
    rows.push(
      row(
        `field sync vs one POST per file, ${DEVICES * UPLOAD_CONCURRENCY} in flight (s)`,
        fmt(syncMs / 1000, 1),
        `${fmt(raw.perFileMs / 1000, 1)} (raw POST per file)`,
        `${fmt(syncMs / raw.perFileMs, 2)}×`,
      ),
    );
    rows.push(
      row(
        'the same field sync on loopback, no throttle (s)',
        fmt(loopbackMs / 1000, 1),
        `${fmt(syncMs / 1000, 1)} (throttled, above)`,
        `${fmt(loopbackMs / syncMs, 2)}×`,
      ),
    );
    rows.push(row('bytes sent upstream by the sync (MB)', fmt(upBytes / 1e6, 1), `${fmt(mb, 1)} (payload)`, `${fmt(upBytes / 1e6 / mb, 2)}×`));
  } finally {
    await t.close();
    if (engine === undefined) delete process.env.MOTCUA_TEST_DB;
    else process.env.MOTCUA_TEST_DB = engine;
  }
  return rows;
}
