import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

/**
 * Faults of the data folder (DATA_DIR), found before anything is written to it: a folder that
 * cannot be written, a disk too full to hold the embedded database, and a second process opening
 * the same embedded database. Each stops the start with a message an operator can act on.
 */
export class DataFolderError extends Error {
  constructor(
    readonly code: 'not_writable' | 'disk_full' | 'locked',
    readonly messageVi: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
  }
}

/**
 * Less than this free and PGlite cannot be trusted to finish a checkpoint: one WAL segment alone
 * is 16 MB, and a fresh database with its reference data takes about 40 MB.
 */
export const MIN_FREE_BYTES = 64 * 1024 * 1024;

const mib = (n: number) => `${Math.floor(n / (1024 * 1024))} MiB`;

/** Creates the folder if needed and proves it can be written and has room; throws DataFolderError. */
export function checkDataFolder(dir: string, statfs: (dir: string) => { bavail: number | bigint; bsize: number | bigint } = fs.statfsSync): void {
  const probe = path.join(dir, `.write-test-${process.pid}-${randomUUID().slice(0, 8)}`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    const fd = fs.openSync(probe, 'wx');
    try {
      fs.writeSync(fd, 'motcua');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.rmSync(probe, { force: true });
  } catch (err) {
    try {
      fs.rmSync(probe, { force: true });
    } catch {
      /* nothing was created */
    }
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOSPC' || code === 'EDQUOT') throw diskFull(dir, 0);
    throw new DataFolderError(
      'not_writable',
      `Không ghi được vào thư mục dữ liệu ${dir} (${code || (err as Error).message}). Hãy kiểm tra DATA_DIR và quyền ghi của tài khoản chạy Motcua.`,
      `Cannot write to the data folder ${dir} (${code || (err as Error).message}). Check DATA_DIR and that the account running Motcua may write there.`,
    );
  }
  const s = statfs(dir);
  const free = Number(s.bavail) * Number(s.bsize);
  if (free < MIN_FREE_BYTES) throw diskFull(dir, free);
}

function diskFull(dir: string, free: number): DataFolderError {
  return new DataFolderError(
    'disk_full',
    `Ổ đĩa chứa thư mục dữ liệu ${dir} gần đầy (còn ${mib(free)}, cần ít nhất ${mib(MIN_FREE_BYTES)}). Hãy giải phóng dung lượng rồi khởi động lại; dữ liệu đã có không bị ảnh hưởng.`,
    `The disk holding the data folder ${dir} is almost full (${mib(free)} free, at least ${mib(MIN_FREE_BYTES)} needed). Free some space and start again; existing data is untouched.`,
  );
}

interface LockOwner {
  pid: number;
  hostname: string;
  /** The owner's start time in clock ticks since boot (/proc/<pid>/stat), to tell a reused pid. */
  started: string | null;
  since: string;
}

function processStarted(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    const o = JSON.parse(fs.readFileSync(file, 'utf8')) as LockOwner;
    return Number.isInteger(o.pid) && typeof o.hostname === 'string' ? o : null;
  } catch {
    return null;
  }
}

/** Whether the recorded owner may still be running; another machine's owner is assumed to be. */
function ownerAlive(o: LockOwner): boolean {
  if (o.hostname !== os.hostname()) return true;
  try {
    process.kill(o.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const started = processStarted(o.pid);
  return !(started !== null && o.started !== null && started !== o.started);
}

export interface DataFolderLock {
  file: string;
  release(): void;
}

/**
 * Takes the embedded database's folder for this process, or throws DataFolderError('locked').
 * PGlite is one PostgreSQL in one process with no lock of its own: two processes on one folder
 * each write their own WAL and pages and corrupt it. A lock file holds the owner's pid; an owner
 * that is no longer running (killed with -9, crashed) leaves a stale lock, which the next start
 * takes over at once. Hand-written rather than proper-lockfile: that library decides staleness by
 * an mtime it refreshes on a timer, so a restart after kill -9 waits out the stale period, and
 * PGlite's first start blocks the event loop for seconds, long enough to be judged "compromised".
 */
export function lockDataFolder(file: string): DataFolderLock {
  const me: LockOwner = { pid: process.pid, hostname: os.hostname(), started: processStarted(process.pid), since: new Date().toISOString() };
  const mine = JSON.stringify(me);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 5; attempt++) {
    // Written whole, then linked into place: link() fails if the lock exists, so there is never
    // a half-written lock and only one of two racing processes gets it.
    const temp = `${file}.${process.pid}.${randomUUID().slice(0, 8)}`;
    fs.writeFileSync(temp, mine);
    try {
      fs.linkSync(temp, file);
      return { file, release: () => releaseIfMine(file, mine) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      fs.rmSync(temp, { force: true });
    }
    const owner = readOwner(file);
    if (owner && ownerAlive(owner)) throw lockedBy(file, owner);
    takeOverStale(file, owner);
  }
  throw lockedBy(file, readOwner(file));
}

/**
 * Moves a stale lock aside. If a racing process replaced it with its own live lock meanwhile,
 * the moved file is not the one judged stale: put it back (link fails if yet another took its
 * place), and the next attempt finds the live owner.
 */
function takeOverStale(file: string, judged: LockOwner | null): void {
  const aside = `${file}.stale.${process.pid}.${randomUUID().slice(0, 8)}`;
  try {
    fs.renameSync(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  const moved = readOwner(aside);
  if (moved && judged && (moved.pid !== judged.pid || moved.since !== judged.since) && ownerAlive(moved)) {
    try {
      fs.linkSync(aside, file);
    } catch {
      /* someone else holds it now; the next attempt sees them */
    }
  }
  fs.rmSync(aside, { force: true });
}

function releaseIfMine(file: string, mine: string): void {
  try {
    if (fs.readFileSync(file, 'utf8') === mine) fs.rmSync(file, { force: true });
  } catch {
    // already gone
  }
}

function lockedBy(file: string, o: LockOwner | null): DataFolderError {
  const who = o ? `tiến trình ${o.pid} trên máy ${o.hostname}, từ ${o.since}` : 'một tiến trình khác';
  const whoEn = o ? `process ${o.pid} on ${o.hostname}, since ${o.since}` : 'another process';
  return new DataFolderError(
    'locked',
    `Cơ sở dữ liệu nhúng trong ${path.dirname(file)} đang được ${who} sử dụng. Chỉ một tiến trình Motcua được mở thư mục dữ liệu này; hãy dừng tiến trình kia (hoặc dùng DATABASE_URL để chạy nhiều tiến trình). Nếu chắc chắn không còn tiến trình nào, xóa tệp ${file}.`,
    `The embedded database in ${path.dirname(file)} is in use by ${whoEn}. Only one Motcua process may open this data folder; stop the other one (or use DATABASE_URL to run several). If you are sure none is running, delete ${file}.`,
  );
}
