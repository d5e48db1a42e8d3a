// Test helper: make sure Debian command-line tools (pdfsig, pdftotext, zbarimg…) exist before a
// suite uses them. A fresh CI machine lacks them, so we install instead of skipping: a skipped
// signature test would hide a broken signer.
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Same lock file as the house rule for apt, so parallel suites and colleagues never race dpkg. */
export const APT_LOCK = '/tmp/apt.lock';

const PACKAGE_NAME = /^[a-z0-9][a-z0-9+.-]+$/;
const BINARY_NAME = /^[A-Za-z0-9._+-]+$/;

/** Absolute path of an executable on PATH, or undefined. */
export function findBinary(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

function missingBinaries(binaryToPackage: Record<string, string>): string[] {
  return Object.keys(binaryToPackage).filter((bin) => findBinary(bin) === undefined);
}

// Runs under flock: re-checks nothing itself, only installs; "update then retry" covers a machine
// whose package lists were never downloaded ("Unable to locate package").
const INSTALL_SCRIPT = [
  'export DEBIAN_FRONTEND=noninteractive',
  'opts="-y -q --no-install-recommends -o DPkg::Lock::Timeout=300"',
  'apt-get install $opts "$@" || { apt-get update -q && apt-get install $opts "$@"; }',
].join('\n');

/**
 * Ensures every binary in `binaryToPackage` (e.g. `{ pdfsig: 'poppler-utils' }`) is on PATH,
 * installing the Debian packages of the missing ones with apt-get under a lock.
 * Throws with apt's output when a binary is still missing afterwards. Call it in `beforeAll`
 * with a generous timeout (an install can take a minute).
 */
export async function ensureDebianPackages(binaryToPackage: Record<string, string>): Promise<void> {
  for (const [bin, pkg] of Object.entries(binaryToPackage)) {
    if (!BINARY_NAME.test(bin)) throw new Error(`ensureDebianPackages: bad binary name "${bin}"`);
    if (!PACKAGE_NAME.test(pkg)) throw new Error(`ensureDebianPackages: bad package name "${pkg}"`);
  }
  const missing = missingBinaries(binaryToPackage);
  if (missing.length === 0) return;

  const packages = [...new Set(missing.map((bin) => binaryToPackage[bin] as string))];
  if (!findBinary('apt-get') || !findBinary('flock')) {
    throw new Error(
      `Missing ${missing.join(', ')} and no apt-get/flock to install ${packages.join(' ')}: ` +
        `install them by hand (apt-get install -y ${packages.join(' ')}).`,
    );
  }

  let log = '';
  try {
    const out = await run('flock', [APT_LOCK, 'sh', '-c', INSTALL_SCRIPT, 'sh', ...packages], {
      maxBuffer: 64 * 1024 * 1024,
    });
    log = out.stdout + out.stderr;
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    log = `${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`;
  }

  const stillMissing = missingBinaries(binaryToPackage);
  if (stillMissing.length > 0) {
    throw new Error(`Could not install ${packages.join(' ')} (still missing: ${stillMissing.join(', ')}). ` + `apt-get output (tail):\n${log.slice(-2000)}`);
  }
}

/** Runs a tool without throwing on a non-zero exit; `output` is stdout followed by stderr. */
export async function runTool(file: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string; output: string }> {
  try {
    const { stdout, stderr } = await run(file, args, { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr, output: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    if (typeof e.code !== 'number') throw err; // spawn failure (ENOENT…), not an exit status
    const stdout = e.stdout ?? '';
    const stderr = e.stderr ?? '';
    return { code: e.code, stdout, stderr, output: stdout + stderr };
  }
}
