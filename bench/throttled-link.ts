// A local TCP proxy that behaves like a slow field link: one shared bandwidth per direction (all
// connections queue on it, as on a real uplink) plus a fixed one-way latency on every segment.
import net from 'node:net';

const SEGMENT = 16 * 1024;

/** One direction of the link: segments leave in order, each after the previous one has been "on the wire". */
class Direction {
  private freeAt = 0;
  constructor(
    private readonly bytesPerSecond: number,
    private readonly latencyMs: number,
  ) {}

  /** When a segment of `bytes` sent now arrives at the other end. */
  arrival(bytes: number): number {
    this.freeAt = Math.max(performance.now(), this.freeAt) + (bytes / this.bytesPerSecond) * 1000;
    return this.freeAt + this.latencyMs;
  }
}

/**
 * One connection's side of one direction: a FIFO drained by a single timer, so segments arrive in
 * order even when two timers would round to the same millisecond (which would corrupt the stream).
 */
class Pipe {
  private readonly queue: { at: number; part: Buffer | null }[] = [];
  private timer: NodeJS.Timeout | null = null;
  constructor(
    private readonly direction: Direction,
    private readonly deliver: (part: Buffer) => void,
    private readonly finish: () => void,
    private readonly latencyMs: number,
  ) {}

  send(data: Buffer): void {
    for (let offset = 0; offset < data.length; offset += SEGMENT) {
      const part = data.subarray(offset, offset + SEGMENT);
      this.queue.push({ at: this.direction.arrival(part.length), part });
    }
    this.arm();
  }

  /** The FIN travels behind the data already queued. */
  end(): void {
    const last = this.queue.at(-1)?.at ?? performance.now() + this.latencyMs;
    this.queue.push({ at: Math.max(last, performance.now() + this.latencyMs), part: null });
    this.arm();
  }

  private arm(): void {
    if (this.timer || this.queue.length === 0) return;
    this.timer = setTimeout(
      () => {
        this.timer = null;
        const now = performance.now();
        while (this.queue.length && this.queue[0]!.at <= now + 0.5) {
          const { part } = this.queue.shift()!;
          if (part) this.deliver(part);
          else this.finish();
        }
        this.arm();
      },
      Math.max(0, this.queue[0]!.at - performance.now()),
    );
  }
}

export interface ThrottledLink {
  url: string;
  /** Bytes that crossed the link towards the server. */
  upBytes: () => number;
  close: () => Promise<void>;
}

export async function throttledLink(target: { host: string; port: number }, opts: { bytesPerSecond: number; latencyMs: number }): Promise<ThrottledLink> {
  const up = new Direction(opts.bytesPerSecond, opts.latencyMs);
  const down = new Direction(opts.bytesPerSecond, opts.latencyMs);
  let upBytes = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    const toServer = new Pipe(
      up,
      (part) => upstream.writable && upstream.write(part),
      () => upstream.end(),
      opts.latencyMs,
    );
    const toClient = new Pipe(
      down,
      (part) => client.writable && client.write(part),
      () => client.end(),
      opts.latencyMs,
    );
    client.on('data', (d) => {
      upBytes += d.length;
      toServer.send(d);
    });
    upstream.on('data', (d) => toClient.send(d));
    client.on('end', () => toServer.end());
    upstream.on('end', () => toClient.end());
    for (const s of [client, upstream]) {
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
      s.on('close', () => sockets.delete(s));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    upBytes: () => upBytes,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
