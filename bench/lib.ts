import autocannon from 'autocannon';
import Fastify from 'fastify';

/** Percentiles of a list of durations (ms). */
export function percentiles(samples: number[]): { p50: number; p99: number; mean: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99), mean: s.reduce((a, b) => a + b, 0) / s.length };
}

/** Times `fn` once per input, after a warm-up, and returns per-call durations in ms. */
export function timeEach<T>(inputs: T[], fn: (input: T) => unknown, rounds = 5): number[] {
  for (const i of inputs) fn(i);
  const out: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const i of inputs) {
      const t0 = performance.now();
      fn(i);
      out.push(performance.now() - t0);
    }
  }
  return out;
}

export function opsPerSecond<T>(inputs: T[], fn: (input: T) => unknown, minMs = 1500): number {
  for (const i of inputs) fn(i);
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < minMs) {
    for (const i of inputs) fn(i);
    n += inputs.length;
  }
  return n / ((performance.now() - t0) / 1000);
}

export interface HttpResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Loads URLs on loopback with autocannon for a bounded time. */
export async function loadTest(opts: {
  url: string;
  connections?: number;
  duration?: number;
  requests?: autocannon.Request[];
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<HttpResult> {
  const r = await autocannon({
    url: opts.url,
    connections: opts.connections ?? 10,
    duration: opts.duration ?? 5,
    ...(opts.requests ? { requests: opts.requests } : {}),
    ...(opts.method ? { method: opts.method as 'GET' } : {}),
    ...(opts.headers ? { headers: opts.headers } : {}),
    ...(opts.body ? { body: opts.body } : {}),
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

/** The same-run baseline for HTTP numbers: a bare Fastify route answering a fixed JSON body. */
export async function bareFastify(body: unknown): Promise<{ url: string; close: () => Promise<void> }> {
  const app = Fastify();
  const payload = JSON.stringify(body);
  app.get('/bare', (_req, reply) => reply.type('application/json').send(payload));
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url: `${address}/bare`, close: () => app.close() };
}

export function row(name: string, value: string, baseline: string, ratio: string) {
  return { benchmark: name, motcua: value, baseline, ratio };
}

export const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
