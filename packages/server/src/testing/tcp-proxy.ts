import fs from 'node:fs';
import net from 'node:net';

/**
 * A random port below the kernel's ephemeral range: a client reconnecting in a loop to a closed
 * port inside that range can be handed the same number as its own source port and connect to
 * itself (TCP simultaneous open), which would look like a server that answers nothing.
 */
function candidatePort(): number {
  let low = 32768;
  try {
    low = Number(fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || low;
  } catch {
    // not Linux
  }
  const floor = Math.min(20000, low - 1000);
  return floor + Math.floor(Math.random() * (low - floor));
}

/**
 * A TCP relay between the server and PostgreSQL that a test can cut and restore: what a database
 * restart or a network loss looks like from the server (connections reset, new ones refused),
 * without touching the PostgreSQL server other tests share.
 */
export interface TcpProxy {
  port: number;
  /** Resets every relayed connection and refuses new ones. */
  cut(): Promise<void>;
  /** Accepts and relays again, on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const listenOn = (p: number) =>
    new Promise<void>((resolve, reject) => {
      const s = net.createServer((client) => {
        const upstream = net.connect(target);
        for (const sock of [client, upstream]) {
          sockets.add(sock);
          sock.on('close', () => sockets.delete(sock));
          sock.on('error', () => undefined);
        }
        client.pipe(upstream);
        upstream.pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      s.once('error', reject);
      s.listen(p, '127.0.0.1', () => {
        port = (s.address() as net.AddressInfo).port;
        server = s;
        resolve();
      });
    });
  const cut = async () => {
    const s = server;
    server = null;
    for (const sock of sockets) sock.resetAndDestroy();
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  };
  const listen = () => listenOn(port);
  for (let attempt = 0; !server; attempt++) {
    try {
      await listenOn(candidatePort());
    } catch (err) {
      if (attempt > 50) throw err;
    }
  }
  return { port, cut, restore: listen, close: cut };
}
