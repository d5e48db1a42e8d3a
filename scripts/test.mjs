// `npm test`: installs and starts what the suite needs (PostgreSQL, Chromium, poppler, zbar),
// then runs every vitest project: core, server, storage/API on PGlite and on PostgreSQL, e2e.
import { spawn } from 'node:child_process';
import { ensureBinaries } from './system-deps.mjs';
import { startTestPostgres } from './test-postgres.mjs';

ensureBinaries({ chromium: 'chromium', pdfsig: 'poppler-utils', pdftotext: 'poppler-utils', pdftoppm: 'poppler-utils', zbarimg: 'zbar-tools', certutil: 'libnss3-tools' });
const pgServer = await startTestPostgres();
console.log(`[test] PostgreSQL for tests on port ${pgServer.port}`);

const args = ['vitest', 'run', ...process.argv.slice(2)];
const child = spawn('npx', args, {
  stdio: 'inherit',
  env: { ...process.env, TEST_DATABASE_URL: pgServer.url, CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
});
const stop = () => pgServer.stop();
process.on('SIGINT', () => child.kill('SIGINT'));
child.on('exit', (code, signal) => {
  stop();
  process.exit(code ?? (signal ? 1 : 0));
});
