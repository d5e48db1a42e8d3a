import { PROBLEM } from '@motcua/core/problems';
import { defaultCalendar } from '@motcua/core/calendar';
import { describe, expect, it } from 'vitest';
import { completeOp, consultationOp, receiveOp, surveyOp, type KitBasics } from './compose.ts';
import { newDataKey, sealerFor, type Sealer } from './crypto.ts';
import { backoffMs, syncSession } from './engine.ts';
import { FakeOutreachServer } from './fakeServer.ts';
import { MemoryStore } from './memoryStore.ts';

const SESSION = '7d3c5c0e-8a53-4c1f-9d7a-0f7f3f1b2a11';
const kit: KitBasics = {
  session: { id: SESSION, day: '2026-11-26', unitCode: '30421' },
  calendar: defaultCalendar,
  codeBlock: { agencyCode: '000.04.01.H82', blockIndex: 3, firstSeq: 9600, lastSeq: 9699 },
};
const applicant = {
  idNumber: '089052003311',
  fullName: 'Võ Văn Tư',
  birthDate: '1952-11-02',
  sex: 'male' as const,
  phone: '0978112233',
  unitCode: '30421',
  hamlet: '30421-09',
  addressLine: 'Ấp Phú Long 3',
};
const copy = { code: '2.000815', sameDay: true, processingDays: 0 };
const at = (minute: number) => new Date(Date.UTC(2026, 10, 26, 1, minute)); // 08:mm in Vietnam

async function setup() {
  const sealer: Sealer = sealerFor(await newDataKey());
  const store = new MemoryStore();
  const server = new FakeOutreachServer();
  const receive = async (
    offset: number,
    fileBytes: number[][] = [
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
      [10, 11],
    ],
  ) => {
    const { item, files } = await receiveOp(sealer, {
      kit,
      offset,
      receivedAt: at(offset),
      procedure: copy,
      applicant,
      form: { documents: [{ documentName: 'Giấy khai sinh', pages: 1, copies: 2 }] },
      files: fileBytes.map((b, i) => ({ name: `anh-${i}.png`, mediaType: 'image/png' as const, bytes: new Uint8Array(b) })),
      resultDelivery: 'counter',
      consent: { method: 'signature' },
    });
    store.add(item, files);
    return item;
  };
  const run = (extra: Partial<Parameters<typeof syncSession>[0]> = {}) =>
    syncSession({ store, sealer, fetch: server.fetch, sessionId: SESSION, maxOpsPerBatch: 3, ...extra });
  return { sealer, store, server, receive, run };
}

describe('field sync engine', () => {
  it('uploads files in chunks, sends ops in batches, fills baseVersion from the receipt, then forgets the data', async () => {
    const { sealer, store, server, receive, run } = await setup();
    const first = await receive(0);
    await receive(1);
    store.add(await completeOp(sealer, first, at(30)));
    for (const people of [3, 4, 5]) store.add(await consultationOp(sealer, SESSION, at(40), { hamletCode: '30421-09', topic: 'Tạm trú', people }));
    store.add(await surveyOp(sealer, SESSION, at(50), { hamletCode: null, ratings: { overall: 5, staff: 4, convenience: 5 }, comment: 'Tốt' }));

    const outcome = await run();
    expect(outcome).toMatchObject({ applied: 7, rejected: 0, conflict: 0, offline: false });
    expect([...server.dossiers.keys()]).toEqual(['000.04.01.H82-261126-9600', '000.04.01.H82-261126-9601']);
    expect(server.dossiers.get('000.04.01.H82-261126-9600')).toMatchObject({ version: 3, state: 'result_ready' });
    expect(server.dossiers.get('000.04.01.H82-261126-9600')!.attachments).toHaveLength(2);
    expect(server.consultations).toEqual([3, 4, 5]);
    // 9 bytes in 4-byte chunks = 3 PUTs, 2 bytes = 1 PUT, per dossier.
    expect(server.requests.filter((r) => r.startsWith('PUT')).length).toBe(8);
    expect(server.requests.filter((r) => r === 'POST /api/office/outreach/sync').length).toBeGreaterThanOrEqual(3);
    for (const item of store.items.values()) {
      expect(item.state).toBe('applied');
      expect(item.sealed).toBeNull();
    }
    expect(store.files.size).toBe(0);
  });

  it('a rejected op is recorded with its reason and does not stop the others; its data is kept', async () => {
    const { sealer, store, server, run } = await setup();
    const bad = await surveyOp(sealer, SESSION, at(1), { hamletCode: null, ratings: { overall: 1, staff: 1, convenience: 1 }, comment: 'bad' });
    store.add(bad);
    for (let i = 0; i < 5; i++) store.add(await consultationOp(sealer, SESSION, at(2 + i), { hamletCode: null, topic: 'Khai sinh', people: 1 }));
    const outcome = await run();
    expect(outcome).toMatchObject({ applied: 5, rejected: 1 });
    expect(server.consultations).toHaveLength(5);
    const kept = store.items.get(bad.id)!;
    expect(kept).toMatchObject({ state: 'rejected', error: { code: 'hamlet_not_in_unit', messageVi: 'Thôn không thuộc xã' } });
    expect(kept.sealed).not.toBeNull();
  });

  it('a batch refused as a whole is halved until only the malformed op is rejected', async () => {
    const { sealer, store, server, run } = await setup();
    const ids = [];
    for (const people of [1, 2, 0, 4, 5, 6]) {
      const op = await consultationOp(sealer, SESSION, at(people), { hamletCode: null, topic: 'Hỏi', people });
      store.add(op);
      ids.push(op.id);
    }
    const outcome = await run({ maxOpsPerBatch: 200 });
    expect(outcome).toMatchObject({ applied: 5, rejected: 1 });
    expect(server.consultations).toEqual([1, 2, 4, 5, 6]);
    expect(store.items.get(ids[2]!)!.state).toBe('rejected');
  });

  it('a connection lost after the server applied a batch: the resend finds duplicates, nothing twice', async () => {
    const { sealer, store, server, run } = await setup();
    for (let i = 0; i < 7; i++) store.add(await consultationOp(sealer, SESSION, at(i), { hamletCode: null, topic: 'Hỏi', people: i + 1 }));
    let syncCalls = 0;
    server.fault = (_method, path) => (path.endsWith('/sync') && ++syncCalls === 2 ? 'lose-response' : null);
    const first = await run();
    expect(first).toMatchObject({ applied: 3, offline: true });
    expect([...store.items.values()].filter((i) => i.state === 'queued')).toHaveLength(4);
    server.fault = () => null;
    const second = await run();
    expect(second).toMatchObject({ applied: 1, duplicate: 3, offline: false });
    expect(server.consultations).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('resumes an interrupted upload with only the missing chunks', async () => {
    const { server, receive, run } = await setup();
    await receive(0, [Array.from({ length: 18 }, (_, i) => i)]); // 5 chunks of 4 bytes
    let puts = 0;
    server.fault = (method) => (method === 'PUT' && ++puts === 3 ? 'network' : null);
    expect(await run()).toMatchObject({ offline: true, applied: 0 });
    expect([...server.uploads.values()][0]!.chunks.size).toBe(2);
    server.fault = () => null;
    server.requests.length = 0;
    expect(await run()).toMatchObject({ applied: 1 });
    expect(server.uploads.size).toBe(1); // the same upload, not a second one
    expect(server.requests.filter((r) => r.startsWith('PUT'))).toHaveLength(3);
    expect(server.requests[0]).toMatch(/^GET \/api\/office\/outreach\/uploads\//);
  });

  it('server trouble backs off the ops; an automatic run leaves them until their time', async () => {
    const { sealer, store, server, run } = await setup();
    store.add(await consultationOp(sealer, SESSION, at(0), { hamletCode: null, topic: 'Hỏi', people: 2 }));
    server.fault = () => 'server-error';
    let clock = 1_000_000;
    expect(await run({ now: () => clock, random: () => 0.5 })).toMatchObject({ retry: 1 });
    const item = [...store.items.values()][0]!;
    expect(item).toMatchObject({ state: 'queued', attempts: 1, nextAttemptAt: clock + 2_000 });
    server.fault = () => null;
    expect(await run({ now: () => clock, respectBackoff: true })).toMatchObject({ applied: 0 });
    clock += 2_000;
    expect(await run({ now: () => clock, respectBackoff: true })).toMatchObject({ applied: 1 });
    expect(backoffMs(20, () => 0.5)).toBe(300_000);
  });

  it('a changed dossier comes back as a conflict with the server copy, never overwritten', async () => {
    const { sealer, store, server, receive, run } = await setup();
    const received = await receive(0, []);
    await run();
    server.dossiers.get(received.summary.dossierCode!)!.version = 5; // the office acted meanwhile
    const complete = await completeOp(sealer, (await store.get(received.id))!, at(20));
    store.add(complete);
    expect(await run()).toMatchObject({ conflict: 1 });
    expect(store.items.get(complete.id)).toMatchObject({ state: 'conflict', server: { version: 5, state: 'received' } });
    expect(server.dossiers.get(received.summary.dossierCode!)!.state).toBe('received');
  });

  it('an op whose dossier was rejected is rejected too, with the reason', async () => {
    const { sealer, store, run } = await setup();
    const orphan = await completeOp(
      sealer,
      { ...(await consultationOp(sealer, SESSION, at(0), { hamletCode: null, topic: 'x', people: 1 })), summary: { dossierCode: '000.04.01.H82-261126-9699' } },
      at(1),
    );
    store.add({ ...orphan, dependsOn: 'no-such-op' });
    expect(await run()).toMatchObject({ rejected: 1 });
    expect(store.items.get(orphan.id)!.error!.code).toBe('dependency_failed');
  });

  it('a file corrupted on the way (the server’s checksum_mismatch) starts over with a fresh declaration, and is not refused', async () => {
    const { store, server, receive, run } = await setup();
    const item = await receive(0, [Array.from({ length: 10 }, (_, i) => i)]);
    let corrupted = false;
    const fetch: typeof server.fetch = (path, init) => {
      if (!corrupted && init.method === 'PUT' && init.body instanceof Uint8Array) {
        corrupted = true;
        const bytes = new Uint8Array(init.body);
        bytes[0] = bytes[0]! ^ 0xff; // same length, other bytes: only the whole-file check sees it
        return server.fetch(path, { ...init, body: bytes });
      }
      return server.fetch(path, init);
    };
    const first = await run({ fetch });
    expect(first).toMatchObject({ applied: 0, rejected: 0, retry: 1 });
    const queued = store.items.get(item.id)!;
    expect(queued).toMatchObject({ state: 'queued', error: { code: PROBLEM.checksum_mismatch } });
    expect(store.files.get(item.fileIds[0]!)!.fieldUploadId).toBeUndefined();
    expect(await run({ fetch })).toMatchObject({ applied: 1 });
    expect(server.uploads.size).toBe(2); // declared afresh, not resumed
    expect([...server.uploads.values()].filter((u) => u.complete)).toHaveLength(1);
  });

  it('reads the server’s clock off every sync answer: a phone 30 minutes fast learns an offset of −30 min', async () => {
    const { sealer, store, server, run } = await setup();
    store.add(await consultationOp(sealer, SESSION, at(0), { hamletCode: null, topic: 'Hỏi', people: 1 }));
    const serverNow = Date.parse('2026-11-26T05:00:00Z');
    server.now = () => new Date(serverNow);
    const readings: { offsetMs: number }[] = [];
    await run({ now: () => serverNow + 30 * 60_000, onClock: (r) => void readings.push(r) });
    expect(readings).toEqual([expect.objectContaining({ offsetMs: -30 * 60_000, roundTripMs: 0 })]);
  });

  it('a receipt ahead of the server’s clock waits until the server gets there, with what depends on it; it is never refused', async () => {
    const { sealer, store, server, receive, run } = await setup();
    let serverNow = Date.parse('2026-11-26T01:00:00Z'); // 08:00 in Vietnam
    server.now = () => new Date(serverNow);
    const received = await receive(30, []); // stamped 08:30 by a phone running 30 minutes fast
    const completion = await completeOp(sealer, received, at(30));
    store.add(completion);
    const clock = () => serverNow;
    expect(await run({ now: clock })).toMatchObject({ applied: 0, rejected: 0, retry: 1 });
    expect(store.items.get(received.id)).toMatchObject({ state: 'queued', error: { code: PROBLEM.field_time_in_future, retryable: true } });
    expect(store.items.get(received.id)!.nextAttemptAt).toBe(serverNow + 28 * 60_000);
    expect(store.items.get(completion.id)!.state).toBe('queued');
    serverNow += 10 * 60_000;
    expect(await run({ now: clock, respectBackoff: true })).toMatchObject({ applied: 0 }); // not yet its time
    serverNow += 18 * 60_000;
    expect(await run({ now: clock, respectBackoff: true })).toMatchObject({ applied: 2, rejected: 0 });
    expect(server.dossiers.get(received.summary.dossierCode!)!.state).toBe('result_ready');
  });

  it('queues again what an older version refused for a reason time cures, with the ops refused only because of it', async () => {
    const { sealer, store, server, receive, run } = await setup();
    const stranded = await receive(0, []);
    const completion = await completeOp(sealer, stranded, at(5));
    store.add(completion);
    const other = await surveyOp(sealer, SESSION, at(6), { hamletCode: null, ratings: { overall: 1, staff: 1, convenience: 1 } });
    store.add(other);
    await store.patch(stranded.id, {
      state: 'rejected',
      prepared: true,
      error: { code: PROBLEM.received_in_future, messageVi: 'Thời điểm tiếp nhận ở tương lai', messageEn: 'future', retryable: false },
    });
    await store.patch(completion.id, { state: 'rejected', error: { code: PROBLEM.dependency_failed, messageVi: '', messageEn: '' } });
    await store.patch(other.id, { state: 'rejected', error: { code: PROBLEM.hamlet_not_in_unit, messageVi: '', messageEn: '' } });
    expect(await run()).toMatchObject({ revived: 2, applied: 2 });
    expect(server.dossiers.get(stranded.summary.dossierCode!)!.state).toBe('result_ready');
    expect(store.items.get(other.id)!.state).toBe('rejected'); // needs a person, stays for the official
  });
});
