// A local TCP proxy that behaves like a slow field link: one shared bandwidth per direction (all
// connections queue on it, as on a real uplink) plus a fixed one-way latency on every segment.
import net from 'node:net';

const SEGMENT = 16 * 1024;

/** One direction of the link: segments leave in order, each after the previous one has been "on the wire". */
class Direction {
  private freeAt = 0;
  constructor(private readonly bytesPerSecond: number, private readonly latencyMs: number) {}

  send(data: Buffer, deliver: (part: Buffer) => void): void {
    for (let offset = 0; offset < data.length; offset += SEGMENT) {
      const part = data.subarray(offset, offset + SEGMENT);
      const now = performance.now();
      this.freeAt = Math.max(now, this.freeAt) + (part.length / this.bytesPerSecond) * 1000;
      setTimeout(() => deliver(part), this.freeAt + this.latencyMs - now);
    }
  }

  /** Runs `fn` once everything queued so far has arrived (a FIN travels behind the data). */
  after(fn: () => void): void {
    const now = performance.now();
    setTimeout(fn, Math.max(now, this.freeAt) + this.latencyMs + 1 - now);
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
    client.on('data', (d) => {
      upBytes += d.length;
      up.send(d, (part) => upstream.writable && upstream.write(part));
    });
    upstream.on('data', (d) => down.send(d, (part) => client.writable && client.write(part)));
    client.on('end', () => up.after(() => upstream.end()));
    upstream.on('end', () => down.after(() => client.end()));
    for (const s of [client, upstream]) {
      s.on('error', () => { client.destroy(); upstream.destroy(); });
      s.on('close', () => sockets.delete(s));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    upBytes: () => upBytes,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}
