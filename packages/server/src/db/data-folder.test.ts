import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkDataFolder, DataFolderError, lockDataFolder, MIN_FREE_BYTES } from './data-folder.ts';
import { openDatabase } from './database.ts';

const dirs: string[] = [];
const children: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-folder-'));
  dirs.push(d);
  return d;
};

/** Another process that takes the lock and prints "locked", then holds it until killed. */
function holder(file: string): Promise<ReturnType<typeof spawn>> {
  const script = `import { lockDataFolder } from ${JSON.stringify(path.join(import.meta.dirname, 'data-folder.ts'))}; lockDataFolder(${JSON.stringify(file)}); console.log('locked'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('locked')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`holder exited ${code}`)));
  });
}

function refusal(fn: () => unknown): DataFolderError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DataFolderError) return err;
    throw err;
  }
  throw new Error('expected a DataFolderError');
}

describe('the embedded database folder lock', () => {
  it('refuses a second process while the first runs, with who holds it and what to do', async () => {
    const file = path.join(tempDir(), 'pglite.lock');
    const other = await holder(file);
    const e = refusal(() => lockDataFolder(file));
    expect(e.code).toBe('locked');
    expect(e.messageEn).toContain(`in use by process ${other.pid}`);
    expect(e.messageEn).toMatch(/Only one Motcua process may open this data folder/);
    expect(e.messageVi).toMatch(/Chỉ một tiến trình Motcua/);
  });

  it('takes over at once the lock of a process killed with -9', async () => {
    const file = path.join(tempDir(), 'pglite.lock');
    const other = await holder(file);
    const gone = new Promise((resolve) => other.once('exit', resolve));
    other.kill('SIGKILL');
    await gone;
    expect(fs.existsSync(file)).toBe(true);
    const lock = lockDataFolder(file);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('refuses a second open of the same PGlite folder and allows it after close', async () => {
    const dir = path.join(tempDir(), 'pglite');
    const first = await openDatabase({ databaseUrl: null, pgliteDir: dir });
    await expect(openDatabase({ databaseUrl: null, pgliteDir: dir })).rejects.toThrow(/in use by process/);
    await first.close();
    const second = await openDatabase({ databaseUrl: null, pgliteDir: dir });
    await second.close();
  });
});

describe('checkDataFolder', () => {
  it('accepts a writable folder with room, creating it', () => {
    const dir = path.join(tempDir(), 'a', 'b');
    checkDataFolder(dir, () => ({ bavail: MIN_FREE_BYTES, bsize: 1 }));
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses a folder that cannot be created or written, saying which', () => {
    const file = path.join(tempDir(), 'a-file');
    fs.writeFileSync(file, '');
    const e = refusal(() => checkDataFolder(path.join(file, 'data')));
    expect(e.code).toBe('not_writable');
    expect(e.messageEn).toContain(`Cannot write to the data folder ${path.join(file, 'data')}`);
  });

  it('refuses a disk with less free space than the embedded database needs', () => {
    const e = refusal(() => checkDataFolder(tempDir(), () => ({ bavail: 10, bsize: 4096 })));
    expect(e.code).toBe('disk_full');
    expect(e.messageEn).toMatch(/almost full \(0 MiB free, at least 64 MiB needed\)/);
    expect(e.messageVi).toMatch(/gần đầy/);
  });
});
