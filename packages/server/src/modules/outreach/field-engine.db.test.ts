// The field app's own sync engine (packages/web/src/field/sync, the code the browser runs)
// against the real server over HTTP, not the engine's test double: the branches that depend on
// what the server really answers (issue #10: the engine once waited for an error code the server
// never sent, and its fake sent it, so the tests passed).
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM } from '@motcua/core/problems';
import { correctedTime, readClock, type ClockReading } from '@motcua/core/field';
import { receiveOp, type KitBasics } from '../../../../web/src/field/sync/compose.ts';
import { newDataKey, sealerFor, type Sealer } from '../../../../web/src/field/sync/crypto.ts';
import { syncSession } from '../../../../web/src/field/sync/engine.ts';
import type { FieldFetch } from '../../../../web/src/field/sync/http.ts';
import { MemoryStore } from '../../../../web/src/field/sync/memoryStore.ts';
import { fixedClock } from '../../platform/clock.ts';
import { startTestApp, type TestContext } from '../../testing/harness.ts';
import { applicant, createRound, kit, people, roundBody, SESSION_DAY } from './testkit.ts';
import { CHUNK_SIZE } from './chunks.ts';

const clock = fixedClock(`${SESSION_DAY}T02:00:00Z`); // 09:00 in Vietnam, the session day
let t: TestContext;
let base: string;
let sessionId: string;
let k: KitBasics & { credential: { token: string }; serverClock: { receivedAt: string; sentAt: string } };
let sealer: Sealer;
let offset = 0;

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A valid 1×1 PNG padded with random bytes in a private chunk: several upload chunks long. */
function photo(size: number): Uint8Array {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  const idat = zlib.deflateSync(Buffer.from([0, 255, 255, 255]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('raNd', crypto.randomBytes(size)),
    pngChunk('IDAT', idat),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The field app's fetch: the offline credential, no cookies. */
const credentialFetch: FieldFetch = (path, init) =>
  fetch(`${base}${path}`, {
    method: init.method,
    headers: { ...init.headers, 'x-outreach-credential': k.credential.token },
    ...(init.body !== undefined ? { body: init.body } : {}),
  });

async function receipt(store: MemoryStore, receivedAt: Date, files: Uint8Array[] = []) {
  const { item, files: sealed } = await receiveOp(sealer, {
    kit: k,
    offset: offset++,
    receivedAt,
    procedure: { code: '2.000815', sameDay: true, processingDays: 0 },
    applicant: { ...applicant(), sex: 'male' as const },
    form: { documents: [{ documentName: 'Giấy khai sinh', pages: 1, copies: 2 }] },
    files: files.map((bytes, i) => ({ name: `cccd-${i}.png`, mediaType: 'image/png' as const, bytes })),
    resultDelivery: 'counter',
    consent: { method: 'signature' },
  });
  store.add(item, sealed);
  return item;
}

beforeAll(async () => {
  t = await startTestApp({ clock });
  const who = await people(t);
  const round = await createRound(t, who.admin, roundBody(who.ids));
  sessionId = round.sessions.find((s) => s.day === SESSION_DAY)!.id;
  const raw = await kit(t, who.outreach, sessionId, 'engine-phone');
  k = { ...(raw as unknown as typeof k), session: { id: sessionId, day: SESSION_DAY, unitCode: '30421' } };
  sealer = sealerFor(await newDataKey());
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await t?.close();
});

describe('the field sync engine against the real server', () => {
  it('a chunk corrupted on the way: the server answers checksum_mismatch and the engine starts the upload over', async () => {
    const store = new MemoryStore();
    const item = await receipt(store, new Date(`${SESSION_DAY}T08:30:00+07:00`), [photo(CHUNK_SIZE + 40_000)]);
    const answers: { path: string; status: number; code?: string }[] = [];
    let corrupted = false;
    const fetch: FieldFetch = async (path, init) => {
      let body = init.body;
      if (!corrupted && init.method === 'PUT' && body instanceof Uint8Array) {
        corrupted = true;
        body = new Uint8Array(body);
        body[100] = body[100]! ^ 0xff; // same length: only the server's whole-file SHA-256 can tell
      }
      const response = await credentialFetch(path, { ...init, ...(body !== undefined ? { body } : {}) });
      const code = response.ok ? undefined : ((await response.clone().json()) as { code: string }).code;
      answers.push({ path: `${init.method} ${path}`, status: response.status, ...(code ? { code } : {}) });
      return response;
    };
    const run = () => syncSession({ store, sealer, fetch, sessionId, maxOpsPerBatch: 200 });

    const first = await run();
    expect(first).toMatchObject({ applied: 0, rejected: 0, retry: 1 });
    expect(answers.find((a) => a.path.endsWith('/complete'))).toMatchObject({ status: 422, code: PROBLEM.checksum_mismatch });
    expect(store.items.get(item.id)).toMatchObject({ state: 'queued', error: { code: PROBLEM.checksum_mismatch } });
    const file = store.files.get(item.fileIds[0]!)!;
    expect(file.fieldUploadId).toBeUndefined(); // the start-over branch ran: no resuming the discarded upload

    const second = await run();
    expect(second).toMatchObject({ applied: 1, rejected: 0 });
    const uploads = await t.ctx.db
      .selectFrom('outreach_upload')
      .select(['id', 'upload_id'])
      .where('session_id', '=', sessionId)
      .where('filename', '=', 'cccd-0.png')
      .execute();
    expect(uploads).toHaveLength(2); // declared afresh
    expect(uploads.filter((u) => u.upload_id !== null)).toHaveLength(1);
    const code = (store.items.get(item.id)!.result as { dossierCode: string }).dossierCode;
    const attached = await t.ctx.db
      .selectFrom('dossier_attachment')
      .innerJoin('upload', 'upload.id', 'dossier_attachment.upload_id')
      .select('upload.sha256')
      .where('dossier_attachment.dossier_code', '=', code)
      .execute();
    expect(attached.map((a) => a.sha256)).toEqual([
      crypto
        .createHash('sha256')
        .update(await sealer.open(file.sealed!, file.id))
        .digest('hex'),
    ]);
  });

  it('a phone 30 minutes fast: receipts dated by the corrected clock go through, an uncorrected one waits for the server instead of being refused', async () => {
    const store = new MemoryStore();
    const phone = () => clock.now().getTime() + 30 * 60_000;
    // The kit's clock reading, as the app takes it at download (a round trip of 0 on this clock).
    const reading = readClock(phone(), phone(), k.serverClock)!;
    expect(reading.offsetMs).toBe(-30 * 60_000);
    const corrected = await receipt(store, correctedTime(phone(), reading));
    const uncorrected = await receipt(store, new Date(phone()));
    const readings: ClockReading[] = [];
    const run = () =>
      syncSession({
        store,
        sealer,
        fetch: credentialFetch,
        sessionId,
        maxOpsPerBatch: 200,
        now: phone,
        onClock: (r) => void readings.push(r),
        respectBackoff: true,
      });

    expect(await run()).toMatchObject({ applied: 1, rejected: 0, retry: 1 });
    expect(store.items.get(corrected.id)!.state).toBe('applied');
    expect(store.items.get(uncorrected.id)).toMatchObject({ state: 'queued', error: { code: PROBLEM.field_time_in_future, retryable: true } });
    expect(readings.at(-1)!.offsetMs).toBe(-30 * 60_000); // every sync answer carries the server's clock
    const wait = store.items.get(uncorrected.id)!.nextAttemptAt - phone();
    expect(wait).toBe(28 * 60_000); // until the server reaches it, less the tolerance

    clock.advance(wait);
    expect(await run()).toMatchObject({ applied: 1, rejected: 0 });
    expect(store.items.get(uncorrected.id)!.state).toBe('applied');
  });
});
