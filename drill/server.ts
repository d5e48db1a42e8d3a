/**
 * The real server for the drills: `tsx packages/server/src/main.ts` in a process group of its own,
 * so a kill takes the tsx wrapper and the node process under it together, and proofs that a kill
 * really ended it (nothing of the group left running, the port refusing connections).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * A free port below the kernel's ephemeral range. Submitters connect to a dead server's port
 * hundreds of times a second; a port inside the ephemeral range can then be picked as a
 * connection's own source port, and the socket connects to itself (TCP simultaneous open):
 * the port looks alive after a kill and the restarted server cannot bind it.
 */
export async function freePort(): Promise<number> {
  let low = 32768;
  try {
    low = Number(fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || low;
  } catch {
    // not Linux: keep the usual default
  }
  const floor = Math.min(20000, low - 1000);
  for (let attempt = 0; attempt < 100; attempt++) {
    const port = floor + Math.floor(Math.random() * (low - floor));
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port below the ephemeral range');
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Waits for a condition, polling; throws with `what` when it does not hold in time. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  timeoutMs: number,
  everyMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

export interface Health {
  status: number;
  database?: string;
  bootId?: string;
}

export async function health(url: string, timeoutMs = 3000): Promise<Health | null> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await res.json()) as { database?: string; bootId?: string; status?: unknown };
    return { ...body, status: res.status };
  } catch {
    return null;
  }
}

/** How a TCP connection to the port ends: 'refused' when nothing listens there. */
export function probePort(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      const self = socket.localPort === port;
      socket.destroy();
      resolve(self ? 'connected to itself' : 'accepted');
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED' ? 'refused' : (err.code ?? err.message)));
  });
}

const state = (statFile: string): string[] => {
  const stat = fs.readFileSync(statFile, 'utf8');
  // The command name may hold spaces and parentheses: fields are counted after the last ')'.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
};

/**
 * Processes of a process group with a thread still running, read from /proc. A multithreaded
 * process (node) shows its leader as a zombie while its other threads are still exiting.
 */
export function liveMembers(pgid: number): number[] {
  const live: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (Number(state(`/proc/${entry}/stat`)[2]) !== pgid) continue;
      const running = fs.readdirSync(`/proc/${entry}/task`).some((t) => {
        try {
          return !['Z', 'X'].includes(state(`/proc/${entry}/task/${t}/stat`)[0]!);
        } catch {
          return false;
        }
      });
      if (running) live.push(Number(entry));
    } catch {
      // gone while we looked
    }
  }
  return live;
}

export interface ServerProcess {
  url: string;
  port: number;
  pgid: number;
  bootId: string;
  /** True once the process group leader has exited. */
  exited(): boolean;
  exitCode(): number | null;
  log(): string;
  /**
   * SIGKILL to the whole group, then proof: no live member left and the port refusing
   * connections. Throws if either does not hold.
   */
  kill9(): Promise<void>;
  /** SIGTERM (PGlite closes its files), SIGKILL after 20 s. */
  stop(): Promise<void>;
}

export interface StartOptions {
  port: number;
  env: Record<string, string>;
  /** Output of every server started, for reports on failure. */
  onOutput?: (chunk: string) => void;
  timeoutMs?: number;
}

/** The environment main.ts needs (see e2e/harness.ts), on top of the drill's own. */
export function serverEnv(port: number, dataDir: string, databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    DEMO_DATA: 'false',
    DEMO_DOSSIERS: 'false',
    NOTIFICATIONS_WORKER: 'true',
    ...extra,
  };
}

/** Spawns the server detached (its own process group) and waits until /health answers 200. */
export async function startServer(o: StartOptions): Promise<ServerProcess> {
  const url = `http://127.0.0.1:${o.port}`;
  let output = '';
  const child: ChildProcess = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['packages/server/src/main.ts'], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, ...o.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pgid = child.pid!;
  const onData = (d: Buffer) => {
    const text = d.toString();
    output = (output + text).slice(-200_000);
    o.onOutput?.(text);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  let exitCode: number | null = null;
  let hasExited = false;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      hasExited = true;
      exitCode = code ?? (signal ? 128 : null);
      resolve();
    }),
  );
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pgid, signal);
    } catch {
      /* already gone */
    }
  };
  let bootId: string;
  try {
    const h = await waitFor(
      'the server to answer /health with 200',
      async () => {
        if (hasExited) throw new Error(`server exited (${exitCode}) before it was healthy:\n${output.slice(-4000)}`);
        // Generous: under 200 submitters an embedded server answers any request in seconds.
        const r = await health(url, 20_000);
        return r?.status === 200 && r.bootId ? r : null;
      },
      o.timeoutMs ?? 120_000,
      200,
    );
    bootId = h.bootId!;
  } catch (err) {
    killGroup('SIGKILL');
    await exited;
    throw new Error(`${(err as Error).message}\n--- server output ---\n${output.slice(-3000)}`);
  }
  return {
    url,
    port: o.port,
    pgid,
    bootId,
    exited: () => hasExited,
    exitCode: () => exitCode,
    log: () => output,
    async kill9() {
      killGroup('SIGKILL');
      await exited;
      await waitFor(`every process of group ${pgid} to be gone`, () => liveMembers(pgid).length === 0, 10_000, 20);
      // The kernel closes a dead process's sockets as its last thread exits; nothing restarts it
      // meanwhile, so a port that refuses within the wait proves the server is gone.
      let probe = '';
      await waitFor(`port ${o.port} to refuse connections after the kill`, async () => (probe = await probePort(o.port)) === 'refused', 10_000, 20).catch(
        () => {
          throw new Error(`port ${o.port} after the kill: ${probe}, not refused`);
        },
      );
    },
    async stop() {
      if (hasExited) return;
      killGroup('SIGTERM');
      const timer = setTimeout(() => killGroup('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
      // tsx forwards SIGTERM to the node process and exits with it; make sure nothing lingers.
      await waitFor(`group ${pgid} to end`, () => liveMembers(pgid).length === 0, 20_000, 50).catch(() => killGroup('SIGKILL'));
    },
  };
}
