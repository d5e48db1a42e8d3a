/**
 * The drill's side of drill/load.ts: starts the submitters' process, keeps every acknowledgement
 * it reports, and stops it (each submitter finishing the submission in hand) for the summary.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import type { AckEvent, ErrorEvent, LoadConfig, LoadEvent, SummaryEvent, UnavailableEvent } from './load.ts';
import { ROOT, waitFor } from './server.ts';

export interface Submitters {
  acks: AckEvent[];
  errors: ErrorEvent[];
  unavailable: UnavailableEvent[];
  /** Resolves when at least n submissions have been acknowledged in all. */
  acked(n: number, timeoutMs: number): Promise<void>;
  /** "stop", then the summary once every submitter has finished. */
  stop(): Promise<SummaryEvent>;
  /** Ends the process at once (on failure paths). */
  kill(): void;
}

export function startSubmitters(config: LoadConfig): Submitters {
  // One process (node with tsx's loader), so kill() leaves no grandchild behind.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'drill/load.ts')], {
    cwd: ROOT,
    env: { ...process.env, DRILL_LOAD: JSON.stringify(config) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const acks: AckEvent[] = [];
  const errors: ErrorEvent[] = [];
  const unavailable: UnavailableEvent[] = [];
  let summary: SummaryEvent | null = null;
  let stderr = '';
  let exited = false;
  child.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-20_000);
  });
  const done = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    let e: LoadEvent;
    try {
      e = JSON.parse(line) as LoadEvent;
    } catch {
      return;
    }
    if (e.ev === 'ack') acks.push(e);
    else if (e.ev === 'summary') summary = e;
    else if (e.ev === '503') unavailable.push(e);
    else errors.push(e);
  });
  return {
    acks,
    errors,
    unavailable,
    acked: async (n, timeoutMs) => {
      await waitFor(
        `${n} acknowledged submissions (have ${acks.length})`,
        () => {
          if (exited) throw new Error(`the submitters' process ended early:\n${stderr}`);
          return acks.length >= n;
        },
        timeoutMs,
        50,
      );
    },
    async stop() {
      child.stdin!.write('stop\n');
      await done;
      if (!summary) throw new Error(`the submitters' process ended without a summary:\n${stderr}`);
      return summary;
    },
    kill() {
      if (!exited) child.kill('SIGKILL');
    },
  };
}
