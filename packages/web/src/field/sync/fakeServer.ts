// Test double of the outreach field API (sync + resumable uploads), for engine.test.ts only.
// Its problem codes and time rules are the real server's (@motcua/core), so they cannot drift.
import { PROBLEM, type ProblemCode } from '@motcua/core/problems';
import { fieldWindow, judgeFieldTime } from '@motcua/core/field';
import { sha256Hex } from './crypto.ts';
import type { FieldFetch } from './http.ts';

type Fault = 'network' | 'lose-response' | 'server-error' | null;

export class FakeOutreachServer {
  chunkSize = 4;
  readonly uploads = new Map<string, { size: number; sha256: string; chunks: Map<number, Uint8Array>; complete: boolean }>();
  readonly ops = new Map<string, { status: string; result?: unknown; error?: unknown; body: string }>();
  readonly dossiers = new Map<string, { version: number; state: string; attachments: string[] }>();
  readonly consultations: number[] = [];
  readonly surveys: unknown[] = [];
  readonly requests: string[] = [];
  /** Decides, per request, whether to fail it (and how). */
  fault: (method: string, path: string) => Fault = () => null;
  /** The server's clock: noon in Vietnam on the session day unless a test moves it. */
  now: () => Date = () => new Date('2026-11-26T05:00:00Z');
  sessionDay = '2026-11-26';

  private json(status: number, body: unknown): Response {
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': status < 300 ? 'application/json' : 'application/problem+json' } });
  }

  private problem(status: number, code: ProblemCode, extra: Record<string, unknown> = {}) {
    return this.json(status, { code, detailVi: `lỗi ${code}`, detailEn: `error ${code}`, ...extra });
  }

  readonly fetch: FieldFetch = async (path, init) => {
    this.requests.push(`${init.method} ${path}`);
    const fault = this.fault(init.method, path);
    if (fault === 'network') throw new TypeError('fetch failed');
    if (fault === 'server-error') return this.problem(503, PROBLEM.internal);
    const response = await this.handle(init.method, path, init.body);
    if (fault === 'lose-response') throw new TypeError('connection reset'); // applied, but the answer never arrives
    return response;
  };

  private view(id: string) {
    const u = this.uploads.get(id)!;
    const count = Math.max(1, Math.ceil(u.size / this.chunkSize));
    const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !u.chunks.has(i) && !u.complete);
    return { id, chunkSize: this.chunkSize, chunkCount: count, missing, complete: u.complete };
  }

  private async handle(method: string, path: string, body: string | Uint8Array | undefined): Promise<Response> {
    let m: RegExpExecArray | null;
    if (method === 'POST' && path === '/api/office/outreach/uploads') {
      const b = JSON.parse(body as string) as { size: number; sha256: string };
      const id = crypto.randomUUID();
      this.uploads.set(id, { size: b.size, sha256: b.sha256, chunks: new Map(), complete: false });
      return this.json(201, this.view(id));
    }
    if ((m = /^\/api\/office\/outreach\/uploads\/([^/]+)$/.exec(path)) && method === 'GET') {
      return this.uploads.has(m[1]!) ? this.json(200, this.view(m[1]!)) : this.problem(404, PROBLEM.upload_not_found);
    }
    if ((m = /^\/api\/office\/outreach\/uploads\/([^/]+)\/chunks\/(\d+)$/.exec(path)) && method === 'PUT') {
      this.uploads.get(m[1]!)!.chunks.set(Number(m[2]), new Uint8Array(body as Uint8Array));
      return this.json(200, { index: Number(m[2]), stored: true });
    }
    if ((m = /^\/api\/office\/outreach\/uploads\/([^/]+)\/complete$/.exec(path)) && method === 'POST') {
      const u = this.uploads.get(m[1]!)!;
      const v = this.view(m[1]!);
      if (!u.complete && v.missing.length) return this.problem(409, PROBLEM.upload_incomplete, { missing: v.missing });
      const parts = [...u.chunks.entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c);
      const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) all.set(p, (at += p.length) - p.length);
      if (!u.complete && (await sha256Hex(all)) !== u.sha256) {
        u.chunks.clear(); // as the server: a corrupted file starts over
        return this.problem(422, PROBLEM.checksum_mismatch);
      }
      u.complete = true;
      return this.json(200, this.view(m[1]!));
    }
    if (method === 'POST' && path === '/api/office/outreach/sync') {
      const { ops } = JSON.parse(body as string) as { ops: Record<string, unknown>[] };
      // Like the server's schema check: one malformed op fails the whole batch.
      if (ops.some((op) => op.kind === 'record_consultation' && (op.people as number) < 1)) return this.problem(400, PROBLEM.validation_failed);
      const receivedAt = this.now().toISOString();
      const results = ops.map((op) => this.apply(op));
      return this.json(200, { results, serverClock: { receivedAt, sentAt: this.now().toISOString() } });
    }
    return this.problem(404, PROBLEM.not_found);
  }

  private apply(op: Record<string, unknown>) {
    const id = op.id as string;
    const text = JSON.stringify(op);
    const seen = this.ops.get(id);
    if (seen) {
      if (seen.body !== text)
        return { id, kind: op.kind, status: 'rejected', error: { code: PROBLEM.op_id_reused, messageVi: '', messageEn: '', retryable: false } };
      return { id, kind: op.kind, status: 'duplicate', result: seen.result, error: seen.error, original: { status: seen.status, appliedAt: 'x' } };
    }
    const record = (status: string, extra: { result?: unknown; error?: unknown; server?: unknown }) => {
      this.ops.set(id, { status, body: text, ...extra });
      return { id, kind: op.kind, status, ...extra };
    };
    // The real server's time rule: a time ahead of its clock waits (not recorded), one outside the session is refused.
    const verdict = judgeFieldTime(new Date(op.at as string), { window: fieldWindow(this.sessionDay), now: this.now() });
    if (!verdict.ok && verdict.code === PROBLEM.field_time_in_future) {
      const retryAfter = Math.ceil((verdict.retryAt.getTime() - this.now().getTime()) / 1000);
      return {
        id,
        kind: op.kind,
        status: 'rejected',
        error: { code: verdict.code, messageVi: 'đi trước đồng hồ máy chủ', messageEn: 'ahead of the server clock', retryable: true, retryAfter },
      };
    }
    if (!verdict.ok) return record('rejected', { error: { code: verdict.code, messageVi: '', messageEn: '', retryable: false } });
    switch (op.kind) {
      case 'receive_dossier': {
        const d = op.dossier as { code: string; attachments?: string[] };
        for (const a of d.attachments ?? []) {
          if (!this.uploads.get(a)?.complete)
            return { id, kind: op.kind, status: 'rejected', error: { code: PROBLEM.upload_incomplete, messageVi: '', messageEn: '', retryable: true } };
        }
        this.dossiers.set(d.code, { version: 2, state: 'received', attachments: d.attachments ?? [] });
        return record('applied', { result: { dossierCode: d.code, version: 2, state: 'received' } });
      }
      case 'complete_on_spot': {
        const dossier = this.dossiers.get(op.dossierCode as string);
        if (!dossier) return record('rejected', { error: { code: PROBLEM.not_found, messageVi: 'không có', messageEn: 'missing', retryable: false } });
        if (dossier.version !== op.baseVersion)
          return record('conflict', {
            error: { code: PROBLEM.version_conflict, messageVi: '', messageEn: '', retryable: false },
            server: { code: op.dossierCode, version: dossier.version, state: dossier.state },
          });
        dossier.version++;
        dossier.state = 'result_ready';
        return record('applied', { result: { dossierCode: op.dossierCode, version: dossier.version, state: dossier.state } });
      }
      case 'record_consultation':
        this.consultations.push(op.people as number);
        return record('applied', { result: { people: op.people } });
      case 'record_survey':
        if (op.comment === 'bad')
          return record('rejected', {
            error: { code: PROBLEM.hamlet_not_in_unit, messageVi: 'Thôn không thuộc xã', messageEn: 'Hamlet not in commune', retryable: false },
          });
        this.surveys.push(op.ratings);
        return record('applied', { result: {} });
      default:
        return record('rejected', { error: { code: PROBLEM.invalid_input, messageVi: '', messageEn: '', retryable: false } });
    }
  }
}
