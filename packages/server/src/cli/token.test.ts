import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database.ts';
import { repoRoot } from '../platform/config.ts';
import { sha256 } from '../modules/identity/sessions.ts';

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-token-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const cli = (args: string[]) =>
  run('npm', ['run', '-s', 'token', '--', ...args], { cwd: repoRoot, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } });

describe('npm run token', () => {
  it('creates the embedded database in a new data folder and prints only the token', async () => {
    const { stdout, stderr } = await cli(['--role', 'receptionist', '--unit', '30421', '--label', 'Kiosk']);
    expect(stdout).toMatch(/^mct_[A-Za-z0-9_-]{43}\n$/);
    expect(stderr).toMatch(/chỉ hiện một lần/);
    const token = stdout.trim();

    const handle = await openDatabase({ databaseUrl: null, pgliteDir: path.join(dataDir, 'pglite') });
    try {
      const row = await handle.db.selectFrom('api_token').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ role: 'receptionist', unit_code: '30421', label: 'Kiosk', created_by: 'cli', revoked_at: null });
      // Demo officials came with the new data folder.
      expect((await handle.db.selectFrom('official').select('username').execute()).length).toBeGreaterThanOrEqual(12);
    } finally {
      await handle.close();
    }
  });

  it('refuses unknown roles and units with a message and a non-zero exit', async () => {
    await expect(cli(['--role', 'mayor', '--unit', '30421'])).rejects.toMatchObject({ code: 2, stdout: '' });
    await expect(cli(['--role', 'receptionist', '--unit', '99999'])).rejects.toMatchObject({
      code: 1,
      stdout: '',
      stderr: expect.stringMatching(/No unit 99999/),
    });
  });
});
