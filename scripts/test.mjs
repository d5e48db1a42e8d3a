// `npm test`: lint and typecheck first (a failure stops the run), then installs and starts what the
// suite needs (PostgreSQL, Chromium, poppler, zbar) and runs every vitest project: core, server, storage/API on PGlite and on PostgreSQL, races,
// drills, e2e. Afterwards it fails the run if any process or temporary folder was left behind.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { ensureBinaries } from './system-deps.mjs';
import { startTestPostgres } from './test-postgres.mjs';
import { collectLeftovers, tempEntries } from './leftovers.mjs';

for (const step of ['lint', 'typecheck']) {
  console.log(`[test] npm run ${step}`);
  if (spawnSync('npm', ['run', '--silent', step], { stdio: 'inherit' }).status !== 0) {
    console.error(`[test] FAILED: npm run ${step}`);
    process.exit(1);
  }
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
const args = ['vitest', 'run', ...process.argv.slice(2)];
const child = spawn('npx', args, {
  stdio: 'inherit',
  env: { ...process.env, MOTCUA_TEST_RUN: mark, TEST_DATABASE_URL: pgServer.url, CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
});
process.on('SIGINT', () => child.kill('SIGINT'));
child.on('exit', (code, signal) => {
  pgServer.stop();
  const complaints = collectLeftovers(mark, tempBefore);
  for (const c of complaints) console.error(`[test] ${c}`);
  if (complaints.length) console.error(`[test] FAILED: the run left ${complaints.length} process(es)/folder(s) behind (now removed)`);
  process.exit(code || (signal ? 1 : 0) || (complaints.length ? 1 : 0));
});
