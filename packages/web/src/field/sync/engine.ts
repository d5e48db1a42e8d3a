import { PROBLEM, TIME_CURABLE_PROBLEMS } from '@motcua/core/problems';
import type { FieldUpload, OpResult, SyncAnswer } from '@motcua/core/api';
import { readClock, type ClockReading } from '@motcua/core/field';
import type { Sealer } from './crypto.ts';
import { AuthRefused, call, ItemRejected, ItemRetry, NetworkDown, type FieldFetch } from './http.ts';
import { isApplied, type FieldFile, type OpError, type OpState, type OutboxItem, type SyncStore } from './types.ts';

type UploadView = Pick<FieldUpload, 'id' | 'chunkSize' | 'chunkCount' | 'missing' | 'complete'>;

export interface SyncOptions {
  store: SyncStore;
  sealer: Sealer;
  fetch: FieldFetch;
  sessionId: string;
  /** The kit's sync.maxOpsPerBatch (the server accepts at most 200). */
  maxOpsPerBatch: number;
  /** Honour each op's backoff (automatic syncs); a sync the user asked for tries everything now. */
  respectBackoff?: boolean;
  /** Files uploaded at once; a few keep a slow link busy without starving it. */
  uploadConcurrency?: number;
  /** The device's clock (epoch ms): backoff, and the send/receive times of a clock reading. */
  now?: () => number;
  random?: () => number;
  /** Each sync answer's clock reading (@motcua/core/field readClock): the app keeps its offset. */
  onClock?: (reading: ClockReading) => void | Promise<void>;
  /** Every state change and uploaded chunk, for progress bars and logs. */
  onProgress?: (event: SyncEvent) => void;
}

export type SyncEvent = { type: 'op'; id: string; state: OpState } | { type: 'chunk'; fileId: string; bytes: number };

export interface SyncOutcome {
  applied: number;
  duplicate: number;
  rejected: number;
  conflict: number;
  /** Ops left queued for a later attempt (backoff). */
  retry: number;
  /** The run stopped because the network went away. */
  offline: boolean;
  /** The run stopped because the credential or session was refused. */
  auth: OpError | null;
  /** Refused ops queued again because time cures their refusal (see reviveCurable). */
  revived: number;
}

const MAX_BACKOFF_MS = 5 * 60_000;
/** Ops prepared (files uploaded) per batch when pipelining uploads with batches. */
const SLICE = 25;

/** 2 s, 4 s, 8 s … up to 5 min, with ±20 % jitter so a team's phones do not retry in step. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_BACKOFF_MS, 2_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

const isOk = isApplied;

/**
 * Refusals that time cures (a time ahead of the server's clock), including ones an older server
 * or app recorded as final: queued again with the same id and body — the server re-applies such
 * an op instead of answering with the old refusal — together with the ops refused only because
 * they waited on one of them. The rest of the refused stay for the official.
 */
async function reviveCurable(store: SyncStore, sessionId: string): Promise<number> {
  const back = new Set<string>();
  for (const item of await store.refused(sessionId)) {
    const code = item.error?.code ?? '';
    const curable = TIME_CURABLE_PROBLEMS.has(code);
    const waited = code === PROBLEM.dependency_failed && item.dependsOn !== undefined && back.has(item.dependsOn);
    if (!item.sealed || !(curable || waited)) continue;
    await store.patch(item.id, { state: 'queued', nextAttemptAt: 0, original: undefined, settledAt: undefined });
    back.add(item.id);
  }
  return back.size;
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  let failure: unknown = null;
  const worker = async () => {
    while (next < items.length && failure === null) {
      const i = next++;
      try {
        out[i] = await fn(items[i]!);
      } catch (e) {
        failure = e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure !== null) throw failure;
  return out;
}

/**
 * Sends a session's queued operations: files first (resumable chunks), then ops in batches, in
 * creation order. Each op settles on its own — a rejected or conflicting op is recorded with the
 * server's reason and the rest go on; only a lost network or a refused credential stops the run
 * (nothing is lost: ops stay queued and are resent with the same ids, which the server answers
 * `duplicate` if it already has them). Runs in the browser and in Node alike.
 */
export async function syncSession(opts: SyncOptions): Promise<SyncOutcome> {
  const { store, sealer, sessionId } = opts;
  const now = opts.now ?? Date.now;
  const random = opts.random ?? Math.random;
  const maxBatch = Math.max(1, Math.min(200, opts.maxOpsPerBatch));
  const outcome: SyncOutcome = {
    applied: 0,
    duplicate: 0,
    rejected: 0,
    conflict: 0,
    retry: 0,
    offline: false,
    auth: null,
    revived: await reviveCurable(store, sessionId),
  };
  const emit = (id: string, state: OpState) => opts.onProgress?.({ type: 'op', id, state });
  const tried = new Set<string>();

  const settle = async (item: OutboxItem, patch: Partial<OutboxItem>) => {
    const full = { ...patch, settledAt: new Date(now()).toISOString() };
    if (isOk({ ...item, ...full } as OutboxItem)) await store.forget(item.id, full);
    else await store.patch(item.id, full);
    const state = full.state!;
    if (state === 'applied') outcome.applied++;
    else if (state === 'duplicate') outcome.duplicate++;
    else if (state === 'conflict') outcome.conflict++;
    else outcome.rejected++;
    emit(item.id, state);
  };
  const later = async (item: OutboxItem, error: OpError) => {
    const attempts = item.attempts + 1;
    // A time ahead of the server's clock says when it will do: no sooner than that.
    const wait = Math.max(backoffMs(attempts, random), (error.retryAfter ?? 0) * 1000);
    await store.patch(item.id, { state: 'queued', attempts, nextAttemptAt: now() + wait, error });
    outcome.retry++;
    emit(item.id, 'queued');
  };

  const uploadFile = async (file: FieldFile): Promise<string> => {
    if (file.complete && file.fieldUploadId) return file.fieldUploadId;
    if (!file.sealed)
      throw new ItemRejected({
        code: PROBLEM.file_missing,
        messageVi: `Tệp "${file.name}" không còn trên máy.`,
        messageEn: `File "${file.name}" is no longer on this device.`,
      });
    const bytes = await sealer.open(file.sealed, file.id);
    let view: UploadView | null = null;
    if (file.fieldUploadId) {
      // Resuming: ask which chunks the server already holds.
      view = await call<UploadView>(opts.fetch, 'GET', `/api/office/outreach/uploads/${file.fieldUploadId}`)
        .then((a) => a.body)
        .catch((e: unknown) => {
          if (e instanceof ItemRejected) return null; // gone on the server (another device, a reset): declare again
          throw e;
        });
    }
    if (!view) {
      view = (
        await call<UploadView>(opts.fetch, 'POST', '/api/office/outreach/uploads', {
          sessionId,
          size: file.size,
          sha256: file.sha256,
          mediaType: file.mediaType,
          filename: file.name,
        })
      ).body;
      // Kept at once: after a crash the next run resumes this upload instead of starting another.
      await store.patchFile(file.id, { fieldUploadId: view.id });
    }
    for (let round = 0; !view.complete && round < 2; round++) {
      for (const index of view.missing) {
        const part = bytes.subarray(index * view.chunkSize, Math.min(bytes.length, (index + 1) * view.chunkSize));
        await call(opts.fetch, 'PUT', `/api/office/outreach/uploads/${view.id}/chunks/${index}`, part);
        opts.onProgress?.({ type: 'chunk', fileId: file.id, bytes: part.length });
      }
      try {
        view = (await call<UploadView>(opts.fetch, 'POST', `/api/office/outreach/uploads/${view.id}/complete`)).body;
      } catch (e) {
        if (e instanceof ItemRejected && e.error.code === PROBLEM.checksum_mismatch) {
          // The assembled file did not match: the server discarded the chunks. Start over next
          // time with a fresh declaration (the bytes here are authenticated by the seal).
          await store.patchFile(file.id, { fieldUploadId: undefined });
          throw new ItemRetry(e.error);
        }
        if (!(e instanceof ItemRejected) || round > 0) throw e;
        view = (await call<UploadView>(opts.fetch, 'GET', `/api/office/outreach/uploads/${view.id}`)).body; // a chunk went missing: send it again
      }
    }
    await store.patchFile(file.id, { complete: true });
    return view.id;
  };

  /** Freezes the op body before its first send (see OutboxItem.sealed). */
  const prepare = async (item: OutboxItem): Promise<OutboxItem | null> => {
    if (item.prepared) return item;
    try {
      if (!item.sealed)
        throw new ItemRejected({
          code: PROBLEM.body_missing,
          messageVi: 'Dữ liệu thao tác không còn trên máy.',
          messageEn: 'The operation data is no longer on this device.',
        });
      const body = await sealer.openJson<Record<string, unknown>>(item.sealed, item.id);
      if (item.kind === 'receive_dossier' && item.fileIds.length > 0) {
        const ids: string[] = [];
        for (const fileId of item.fileIds) {
          const file = await store.file(fileId);
          if (!file)
            throw new ItemRejected({
              code: PROBLEM.file_missing,
              messageVi: 'Thiếu tệp đính kèm trên máy.',
              messageEn: 'An attachment is missing on this device.',
            });
          ids.push(await uploadFile(file));
        }
        (body.dossier as Record<string, unknown>).attachments = ids;
      }
      if (item.dependsOn && (item.kind === 'complete_on_spot' || item.kind === 'update_dossier') && body.baseVersion === undefined) {
        const dep = await store.get(item.dependsOn);
        const version = dep?.result?.version;
        if (typeof version !== 'number')
          throw new ItemRejected({
            code: PROBLEM.dependency_failed,
            messageVi: 'Không biết phiên bản hồ sơ trên máy chủ.',
            messageEn: 'The dossier version on the server is unknown.',
          });
        body.baseVersion = version;
      }
      const sealed = await sealer.sealJson(body, item.id);
      await store.patch(item.id, { sealed, prepared: true });
      return { ...item, sealed, prepared: true };
    } catch (e) {
      if (e instanceof ItemRetry) await later(item, e.error);
      else if (e instanceof ItemRejected) await settle(item, { state: 'rejected', error: e.error });
      else throw e;
      return null;
    }
  };

  const sendBatch = async (batch: OutboxItem[]): Promise<void> => {
    for (const item of batch) {
      await store.patch(item.id, { state: 'sending' });
      emit(item.id, 'sending');
    }
    const ops = await Promise.all(batch.map((item) => sealer.openJson<Record<string, unknown>>(item.sealed!, item.id)));
    let results: OpResult[];
    try {
      const sentAt = now();
      const answer = (await call<SyncAnswer>(opts.fetch, 'POST', '/api/office/outreach/sync', { sessionId, ops })).body;
      const reading = readClock(sentAt, now(), answer.serverClock);
      if (reading) await opts.onClock?.(reading);
      results = answer.results;
    } catch (e) {
      if (e instanceof ItemRejected && batch.length > 1) {
        // The batch as a whole failed validation: one op is malformed. Halve until it stands
        // alone, so it alone is rejected and the others still go through.
        const half = Math.ceil(batch.length / 2);
        await sendBatch(batch.slice(0, half));
        await sendBatch(batch.slice(half));
        return;
      }
      if (e instanceof ItemRejected) return settle(batch[0]!, { state: 'rejected', error: e.error });
      if (e instanceof ItemRetry) {
        for (const item of batch) await later(item, e.error);
        return;
      }
      // Lost network or refused credential: back to queued (they may or may not have been
      // applied; resending the same ids is what finds out).
      for (const item of batch) {
        await store.patch(item.id, { state: 'queued' });
        emit(item.id, 'queued');
      }
      throw e;
    }
    const byId = new Map(results.map((r) => [r.id, r]));
    for (const item of batch) {
      const r = byId.get(item.id);
      if (!r) {
        await later(item, {
          code: PROBLEM.no_answer,
          messageVi: 'Máy chủ không trả lời cho thao tác này.',
          messageEn: 'The server gave no answer for this operation.',
          retryable: true,
        });
      } else if (r.status === 'applied') {
        await settle(item, { state: 'applied', result: r.result ?? {}, error: undefined });
      } else if (r.status === 'duplicate') {
        const first = (r.original?.status ?? 'applied') as OpState;
        const server = first === 'conflict' ? ((r.result?.server as Record<string, unknown> | undefined) ?? undefined) : undefined;
        await settle(item, { state: 'duplicate', result: r.result ?? {}, error: r.error, original: r.original, ...(server ? { server } : {}) });
      } else if (r.status === 'rejected' && r.error?.retryable) {
        await later(item, r.error);
      } else if (r.status === 'rejected') {
        await settle(item, { state: 'rejected', error: r.error });
      } else {
        await settle(item, { state: 'conflict', error: r.error, server: r.server ?? {} });
      }
    }
  };

  try {
    // Each pass sends what is ready; ops waiting on another (complete_on_spot after its
    // receive_dossier) become ready in a later pass of the same run.
    for (;;) {
      const pending = (await store.pending(sessionId)).filter((i) => !tried.has(i.id) && (!opts.respectBackoff || i.nextAttemptAt <= now()));
      const ready: OutboxItem[] = [];
      for (const item of pending) {
        if (item.dependsOn) {
          const dep = await store.get(item.dependsOn);
          if (dep && (dep.state === 'queued' || dep.state === 'sending')) continue;
          if (!dep || !isOk(dep)) {
            tried.add(item.id);
            await settle(item, {
              state: 'rejected',
              error: {
                code: PROBLEM.dependency_failed,
                messageVi: 'Hồ sơ gốc chưa được máy chủ tiếp nhận nên không thể gửi thao tác này.',
                messageEn: 'The dossier this depends on was not accepted by the server.',
              },
            });
            continue;
          }
        }
        ready.push(item);
      }
      if (ready.length === 0) break;
      ready.forEach((i) => tried.add(i.id));
      // Pipelined: while one slice's batch is applied, the next slice's files upload. Batches
      // still go one after another, so the server sees the ops in creation order; and a link
      // that drops midway has already delivered the first slices, not only files.
      const slice = Math.min(maxBatch, SLICE);
      let sending: Promise<void> = Promise.resolve();
      for (let i = 0; i < ready.length; i += slice) {
        const prepared = (await mapLimit(ready.slice(i, i + slice), opts.uploadConcurrency ?? 3, prepare)).filter((x): x is OutboxItem => x !== null);
        await sending;
        sending = prepared.length ? sendBatch(prepared) : Promise.resolve();
        sending.catch(() => undefined); // awaited below; this only marks it handled meanwhile
      }
      await sending;
    }
  } catch (e) {
    if (e instanceof NetworkDown) outcome.offline = true;
    else if (e instanceof AuthRefused) outcome.auth = e.error;
    else throw e;
  }
  return outcome;
}
