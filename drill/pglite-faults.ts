/**
 * PGlite's faults, through the real server process (drill (b) on the PGlite engine): a second
 * process on the data folder of a running server, a data folder that cannot be written, and a
 * disk too full for the embedded database. Each start must end with exit ≠ 0 and a message that
 * says what is wrong (no stack trace); the running server must go on serving and keep its data.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DrillOptions, DrillReport } from './types.ts';
import { ROOT, freePort, health, liveMembers, serverEnv, startServer, waitFor, type ServerProcess } from './server.ts';
import { prepareDrillDatabase, type DrillDatabase } from './setup.ts';
import { verifyAudit } from './ledger.ts';

/** Starts main.ts expecting it to refuse; resolves with its exit code and output (null: it kept running). */
export async function failedStart(env: Record<string, string>, timeoutMs = 90_000): Promise<{ code: number | null; output: string }> {
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['packages/server/src/main.ts'], {
    cwd: ROOT,
    detached: true,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    child.once('exit', (c) => {
      clearTimeout(timer);
      resolve(c ?? 1);
    });
  });
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    /* ended */
  }
  await waitFor(`group ${child.pid} to end`, () => liveMembers(child.pid!).length === 0, 10_000, 50).catch(() => undefined);
  return { code, output };
}

/** What a refused start must look like: exit ≠ 0, the expected words, no stack trace. */
function judge(name: string, r: { code: number | null; output: string }, words: RegExp, failures: string[]): string {
  if (r.code === null) failures.push(`${name}: the server started instead of refusing`);
  else if (r.code === 0) failures.push(`${name}: exit code 0`);
  else if (!words.test(r.output)) failures.push(`${name}: no clear message (${r.output.slice(-300)})`);
  else if (/\n\s+at .+:\d+:\d+/.test(r.output)) failures.push(`${name}: a stack trace instead of a message`);
  else return `refused (exit ${r.code})`;
  return 'NOT REFUSED CLEARLY';
}

async function submit(server: ServerProcess, db: DrillDatabase, key: string): Promise<string | null> {
  const { unitCode, token } = db.counters[0]!;
  const res = await fetch(`${server.url}/api/dossiers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify({
      procedureCode: '2.000815',
      unitCode,
      channel: 'counter',
      applicant: {
        idNumber: '089095001234',
        fullName: 'Nguyễn Văn An',
        birthDate: '1985-04-12',
        sex: 'male',
        phone: '0912345678',
        unitCode,
        hamlet: null,
        addressLine: 'Ấp Long Hòa 1',
      },
      form: { documents: [{ documentName: 'Bằng tốt nghiệp THPT', pages: 1, copies: 2 }] },
      resultDelivery: 'counter',
      consent: { method: 'signature' },
    }),
  });
  return res.status === 201 ? ((await res.json()) as { code: string }).code : null;
}

export async function pgliteFaultChecks(o: DrillOptions): Promise<DrillReport> {
  const report: DrillReport = { drill: 'pg-restart', engine: 'pglite', figures: { 'PostgreSQL restart': 'n/a (embedded)' }, failures: [] };
  const failures = report.failures;
  const log = o.log ?? (() => undefined);
  let db: DrillDatabase | null = null;
  let server: ServerProcess | null = null;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-drill-pglite-faults-'));
  const full = path.join(scratch, 'full');
  let mounted = false;
  try {
    db = await prepareDrillDatabase({ engine: 'pglite', label: 'pglitefaults', communes: 1 });
    const port = await freePort();
    server = await startServer({ port, env: serverEnv(port, db.dataDir, '') });
    const before = await submit(server, db, `${db.runId}-before`);
    if (!before) failures.push('the running server did not take a dossier before the checks');

    // A regular file where the data folder should be: nothing can be created inside it.
    const file = path.join(scratch, 'not-a-folder');
    fs.writeFileSync(file, '');
    // A disk with less free space than the embedded database needs (a small tmpfs; needs root).
    fs.mkdirSync(full);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', full], { stdio: 'pipe' });
      mounted = true;
    } catch (err) {
      failures.push(`full disk: could not mount a small tmpfs to try it (${(err as Error).message.split('\n')[0]}); the drill must run as root`);
    }
    const [second, unwritable, diskFull] = await Promise.all([
      failedStart(serverEnv(await freePort(), db.dataDir, '')),
      failedStart(serverEnv(await freePort(), path.join(file, 'data'), '')),
      mounted ? failedStart(serverEnv(await freePort(), path.join(full, 'data'), '')) : Promise.resolve(null),
    ]);
    report.figures['second process, same folder'] = judge('second process on the same data folder', second, /in use by .*Only one Motcua process/s, failures);
    report.figures['unwritable folder'] = judge('unwritable data folder', unwritable, /Cannot write to the data folder/, failures);
    if (diskFull) report.figures['full disk'] = judge('full disk', diskFull, /disk holding the data folder .* is almost full/, failures);

    const h = await health(server.url, 20_000);
    if (h?.status !== 200 || h.bootId !== server.bootId) failures.push(`the running server was disturbed by the refused starts (health ${JSON.stringify(h)})`);
    const after = await submit(server, db, `${db.runId}-after`);
    if (!after) failures.push('the running server did not take a dossier after the checks');
    await server.stop();
    server = null;
    const { handle } = await db.open();
    try {
      const codes = [before, after].filter((c): c is string => c !== null);
      const found = codes.length ? await handle.db.selectFrom('dossier').select('code').where('code', 'in', codes).execute() : [];
      report.figures['dossiers kept'] = `${found.length}/2`;
      if (found.length !== 2) failures.push(`dossiers kept: ${found.length} of 2`);
    } finally {
      await handle.close();
    }
    const audit = await verifyAudit(db);
    report.figures.audit = audit.ok ? 'intact' : 'FAILED';
    if (!audit.ok) failures.push(`audit:verify failed: ${audit.output}`);
    log(`PGlite faults: ${JSON.stringify(report.figures)}`);
  } catch (err) {
    failures.push(err instanceof Error ? err.message : String(err));
  } finally {
    await server?.stop().catch(() => undefined);
    await db?.dispose().catch((err: Error) => failures.push(`cleanup: ${err.message}`));
    if (mounted) {
      try {
        execFileSync('umount', [full], { stdio: 'pipe' });
      } catch (err) {
        failures.push(`cleanup: umount ${full}: ${(err as Error).message}`);
      }
    }
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return report;
}
