// Installs what the test suite needs from Debian when the machine lacks it. A dependency that cannot
// be installed stops the run with a clear message: a missing tool is a failure, never a skip.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const has = (bin) => spawnSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' }).status === 0;

let updated = false;
export function aptInstall(packages) {
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing Debian packages (${packages.join(', ')}); install them or run the tests as root.`);
  }
  const run = (args) =>
    spawnSync('flock', ['/tmp/motcua-apt.lock', 'apt-get', ...args], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
      .status === 0;
  if (!updated) {
    run(['update', '-q']);
    updated = true;
  }
  if (!run(['install', '-y', '-q', '--no-install-recommends', ...packages])) {
    throw new Error(`apt-get install ${packages.join(' ')} failed`);
  }
}

/** binaries: { binary: debianPackage } */
export function ensureBinaries(binaries) {
  const missing = [
    ...new Set(
      Object.entries(binaries)
        .filter(([bin]) => !has(bin))
        .map(([, pkg]) => pkg),
    ),
  ];
  if (missing.length) {
    console.log(`[test] installing Debian packages: ${missing.join(', ')}`);
    aptInstall(missing);
  }
  const still = Object.keys(binaries).filter((bin) => !has(bin));
  if (still.length) throw new Error(`Still missing after install: ${still.join(', ')}`);
}

export function postgresBinDir() {
  const base = '/usr/lib/postgresql';
  const find = () =>
    fs.existsSync(base)
      ? fs
          .readdirSync(base)
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => `${base}/${v}/bin`)
          .find((d) => fs.existsSync(`${d}/initdb`))
      : undefined;
  let dir = find();
  if (!dir) {
    console.log('[test] installing PostgreSQL (Debian package postgresql)');
    aptInstall(['postgresql']);
    dir = find();
  }
  if (!dir) throw new Error('PostgreSQL server binaries not found after installing postgresql');
  return dir;
}

export function sh(cmd, args, opts = {}) {
  return execFileSync(cmd, args, { stdio: 'pipe', encoding: 'utf8', ...opts });
}
