/**
 * Helpers for the field (outreach) e2e tests, beside e2e/harness.ts (reused for the browser, axe
 * and the demo login): a server that can be killed and started again on the same data directory
 * and port — what "the connection dropped mid-sync" needs — and the office calls the tests make.
 *
 * The server runs as `tsx main.ts`, which is a wrapper process around the real Node server: it is
 * spawned in its own process group and always ended as a group (`kill -<pgid>`), so killing it
 * kills the server, not only the wrapper (issue #10: the "killed" server went on answering, and
 * each run left one behind).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { defaultCalendar, isWorkingDay, nextWorkingDay } from '@motcua/core/calendar';
import { ROOT } from './harness.ts';

export interface FieldServer {
  url: string;
  dataDir: string;
  log: () => string;
  /** The running server's /health bootId: a new process has a new one. */
  bootId: () => string;
  /** The server's clock now (MOTCUA_CLOCK_START shifts it on days without sessions). */
  serverNow: () => number;
  /**
   * Kills the whole process group at once (SIGKILL, no graceful close) and returns once every
   * process of it is gone and the port refuses connections: the network really went away.
   */
  kill: () => Promise<void>;
  /** Starts it again on the same port and data directory; throws unless it is a new process (bootId). */
  restart: () => Promise<void>;
  /** Stops the process group and deletes the data directory. */
  dispose: () => Promise<void>;
}

/** Whether any process of the group is alive (signal 0 only checks). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw e;
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
  }
}

async function until(what: string, done: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Resolves with the error code of a TCP connection attempt to the port ('ECONNREFUSED' when nothing listens), or 'connected'. */
export function connectOutcome(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? String(e)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startFieldServer(env: Record<string, string> = {}): Promise<FieldServer> {
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-field-e2e-'));
  let output = '';
  let exited: Promise<void> = Promise.resolve();
  let pgid: number | null = null;
  let bootId = '';
  let spawnedAt = 0;
  const boots: string[] = [];
  // Also when the test process itself ends without reaching dispose (a crash, a timeout).
  const onExit = () => {
    if (pgid !== null) signalGroup(pgid, 'SIGKILL');
  };
  process.once('exit', onExit);

  const start = async () => {
    spawnedAt = Date.now();
    const proc = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['packages/server/src/main.ts'], {
      cwd: ROOT,
      // Its own process group: the tsx wrapper and the server it starts are killed together.
      detached: true,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: url,
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        LOG_LEVEL: 'warn',
        NOTIFICATIONS_WORKER: 'false',
        DEMO_DOSSIERS: 'false',
        ...(fieldDay().clockStart ? { MOTCUA_CLOCK_START: fieldDay().clockStart! } : {}),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    pgid = proc.pid!;
    proc.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    proc.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`server exited (${proc.exitCode}):\n${output}`);
      try {
        const health = await fetch(`${url}/health`);
        if (health.ok) {
          const id = ((await health.json()) as { bootId?: string }).bootId;
          if (!id) throw new Error(`/health has no bootId: is this another server on port ${port}?`);
          if (boots.includes(id)) throw new Error(`/health answers with an earlier boot (${id}): the old server is still running`);
          bootId = id;
          boots.push(id);
          return;
        }
      } catch (e) {
        if (e instanceof Error && /bootId|earlier boot/.test(e.message)) throw e;
        // not listening yet
      }
      if (Date.now() > deadline) {
        signalGroup(proc.pid!, 'SIGKILL');
        throw new Error(`server did not become healthy in time:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  const kill = async () => {
    if (pgid === null) return;
    const group = pgid;
    signalGroup(group, 'SIGKILL');
    await exited;
    await until(`process group ${group} is gone`, () => !groupAlive(group), 15_000);
    const outcome = await connectOutcome(port);
    if (outcome !== 'ECONNREFUSED') throw new Error(`after the kill, port ${port} answered "${outcome}" instead of refusing the connection`);
  };
  try {
    await start();
  } catch (e) {
    if (pgid !== null) signalGroup(pgid, 'SIGKILL');
    process.off('exit', onExit);
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  return {
    url,
    dataDir,
    log: () => output,
    kill,
    bootId: () => bootId,
    serverNow: () => (fieldDay().clockStart ? Date.parse(fieldDay().clockStart!) + (Date.now() - spawnedAt) : Date.now()),
    restart: async () => {
      const before = bootId;
      await start();
      if (bootId === before) throw new Error('the restarted server has the old bootId');
    },
    dispose: async () => {
      if (pgid !== null && groupAlive(pgid)) {
        const group = pgid;
        signalGroup(group, 'SIGTERM'); // PGlite flushes on a graceful close
        await until(`process group ${group} ends on SIGTERM`, () => !groupAlive(group), 10_000).catch(async () => {
          signalGroup(group, 'SIGKILL');
          await until(`process group ${group} is gone`, () => !groupAlive(group), 10_000);
        });
      }
      process.off('exit', onExit);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Today in Vietnam (YYYY-MM-DD) and its weekday (0 = Sunday). */
export function vietnamToday(): { day: string; weekday: number } {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return { day, weekday: new Date(`${day}T00:00:00Z`).getUTCDay() };
}

/**
 * The day the field tests work on. Outreach sessions exist only on working days, so on a weekend
 * or holiday the server and the browser both run as if it were 08:00 on the next working day
 * (MOTCUA_CLOCK_START and Playwright's clock) instead of the test being skipped.
 */
export function fieldDay(): { day: string; weekday: number; clockStart: string | null } {
  const today = vietnamToday().day;
  const day = isWorkingDay(today, defaultCalendar) ? today : nextWorkingDay(today, defaultCalendar);
  return { day, weekday: new Date(`${day}T00:00:00Z`).getUTCDay(), clockStart: day === today ? null : `${day}T08:00:00+07:00` };
}

/** Sets a browser context's clock to the field day when the server runs on a shifted clock. */
export async function alignClock(context: BrowserContext): Promise<void> {
  const { clockStart } = fieldDay();
  if (clockStart) await context.clock.install({ time: new Date(clockStart) });
}

/** Cookie-authenticated office call from the signed-in context, with the CSRF double-submit header. */
export async function officeCall<T>(
  context: BrowserContext,
  page: Page,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  data?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const csrf = (await context.cookies()).find((c) => c.name === 'motcua_csrf')?.value ?? '';
  const response = await page.request.fetch(url, { method, headers: { 'x-csrf-token': csrf, ...headers }, ...(data !== undefined ? { data } : {}) });
  const text = await response.text();
  return { status: response.status(), body: (text ? JSON.parse(text) : undefined) as T };
}

export const FAR_HAMLETS = ['30421-06', '30421-07', '30421-08', '30421-09'] as const;
export const DEMO_PROCEDURES = ['2.000815', '2.000884', '2.000635', '1.004873', '1.004194', '1.002755'];

/**
 * Plans a round with one session on the field day (the server accepts outreach dossiers only on
 * the session day).
 */
export async function planSessionToday(
  context: BrowserContext,
  page: Page,
  baseUrl: string,
  title: string,
): Promise<{ roundId: string; sessionId: string; day: string }> {
  const me = await officeCall<{ userId: string }>(context, page, 'GET', `${baseUrl}/api/me`);
  const { day, weekday } = fieldDay();
  const round = await officeCall<{ id: string; sessions: { id: string; day: string }[] }>(context, page, 'POST', `${baseUrl}/api/office/outreach/rounds`, {
    unitCode: '30421',
    title,
    meetingPoint: 'Nhà văn hóa ấp Phú Long 2',
    rules: [{ weekdays: [weekday], part: 'morning', from: day, to: day }],
    hamletCodes: FAR_HAMLETS,
    teamUserIds: [me.body.userId],
    procedureCodes: DEMO_PROCEDURES,
  });
  if (round.status !== 201) throw new Error(`round: ${round.status} ${JSON.stringify(round.body)}`);
  const session = round.body.sessions.find((s) => s.day === day);
  if (!session) throw new Error(`no outreach session was planned on ${day}: ${JSON.stringify(round.body)}`);
  return { roundId: round.body.id, sessionId: session.id, day };
}
