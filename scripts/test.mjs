// `npm test`: lint and typecheck first (a failure stops the run), then installs and starts what the
// suite needs (PostgreSQL, Chromium, poppler, zbar) and runs every vitest project: core, server, storage/API on PGlite and on PostgreSQL, races,
// drills, e2e. Afterwards it fails the run if any process or temporary folder was left behind.
//
// Why three vitest runs: on a 2-core machine vitest gives one worker to the whole suite, and the
// browser tests spend most of their time waiting on a server and Chromium in other processes.
// So the unit/storage projects run beside the e2e project and the counting drills (each still one
// file at a time); the restart drill runs last and alone, because it bounds recovery in seconds.
// `npm test -- <vitest args>` runs one vitest with those arguments instead.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBinaries } from './system-deps.mjs';
import { startTestPostgres } from './test-postgres.mjs';
import { collectLeftovers, tempEntries } from './leftovers.mjs';

/** Runs a command with its output prefixed line by line (whole lines, so parallel runs stay readable). */
function run(label, cmd, args, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = [];
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream.on('data', (chunk) => {
        const text = rest + chunk.toString();
        const parts = text.split('\n');
        rest = parts.pop() ?? '';
        for (const line of parts) {
          lines.push(line);
          process.stdout.write(`[${label}] ${line}\n`);
        }
      });
      stream.on('end', () => rest && process.stdout.write(`[${label}] ${rest}\n`));
    }
    children.add(child);
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve({ label, ok: code === 0 && !signal, lines });
    });
  });
}
const children = new Set();
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Drills that assert a time (seconds to recover): never beside other work. */
const TIMED_DRILLS = ['pg-restart.test.ts'];
process.on('SIGINT', () => {
  for (const c of children) c.kill('SIGINT');
});

// `npm run typecheck` is a chain of tsc runs, one per package; two halves of it run side by side.
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const tscRuns = pkg.scripts.typecheck.split('&&').map((c) => c.trim());
const half = Math.ceil(tscRuns.length / 2);
const checks = await Promise.all([
  run('lint', 'npm', ['run', '--silent', 'lint']),
  run('typecheck', 'sh', ['-c', `PATH="${path.join(ROOT, 'node_modules/.bin')}:$PATH" && ${tscRuns.slice(0, half).join(' && ')}`]),
  run('typecheck', 'sh', ['-c', `PATH="${path.join(ROOT, 'node_modules/.bin')}:$PATH" && ${tscRuns.slice(half).join(' && ')}`]),
]);
for (const c of checks.filter((c) => !c.ok)) {
  console.error(`[test] FAILED: npm run ${c.label}`);
  process.exit(1);
}

ensureBinaries({
  chromium: 'chromium',
  pdfsig: 'poppler-utils',
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  zbarimg: 'zbar-tools',
  certutil: 'libnss3-tools',
});
const tempBefore = tempEntries();
const pgServer = await startTestPostgres();
console.log(`[test] PostgreSQL for tests on port ${pgServer.port}`);

const mark = randomUUID();
const env = { ...process.env, MOTCUA_TEST_RUN: mark, TEST_DATABASE_URL: pgServer.url, CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' };
const vitest = (label, args) => run(label, 'npx', ['vitest', 'run', ...args], env);
const projects = (...names) => names.flatMap((n) => ['--project', n]);

const started = Date.now();
const results = [];
if (process.argv.length > 2) {
  results.push(await vitest('vitest', process.argv.slice(2)));
} else {
  // The drills that only count (lost, duplicated, leaked) follow the browser tests; the restart
  // drill, which bounds recovery in seconds, runs alone at the end.
  const drills = fs.readdirSync(path.join(ROOT, 'drill')).filter((f) => f.endsWith('.test.ts'));
  const timed = drills.filter((f) => TIMED_DRILLS.includes(f));
  const counting = drills.filter((f) => !TIMED_DRILLS.includes(f)).map((f) => `drill/${f}`);
  const side = async () => [await vitest('e2e', projects('e2e')), await vitest('drill', [...projects('drill'), ...counting])];
  const [unit, others] = await Promise.all([vitest('unit', projects('core', 'web', 'server', 'pglite', 'postgres')), side()]);
  results.push(unit, ...others);
  if (timed.length) results.push(await vitest('drill (alone)', [...projects('drill'), ...timed.map((f) => `drill/${f}`)]));
}
pgServer.stop();

// Each vitest ends with the summary reporter's "N passed, N failed, N skipped" line.
const total = { passed: 0, failed: 0, skipped: 0 };
for (const r of results) {
  const line = r.lines.findLast((l) => /^\d+ passed, \d+ failed, \d+ skipped$/.test(l.trim()));
  if (!line) {
    console.error(`[test] ${r.label}: vitest ended without a summary`);
    total.failed++;
    continue;
  }
  const [passed, failed, skipped] = line.trim().match(/\d+/g).map(Number);
  total.passed += passed;
  total.failed += failed;
  total.skipped += skipped;
}
const complaints = collectLeftovers(mark, tempBefore);
for (const c of complaints) console.error(`[test] ${c}`);
if (complaints.length) console.error(`[test] FAILED: the run left ${complaints.length} process(es)/folder(s) behind (now removed)`);
const failedRuns = results.filter((r) => !r.ok).map((r) => r.label);
if (failedRuns.length) console.error(`[test] FAILED: ${failedRuns.join(', ')}`);
console.log(`\n[test] ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped in ${((Date.now() - started) / 60000).toFixed(1)} min`);
process.exit(failedRuns.length || complaints.length || total.failed ? 1 : 0);
