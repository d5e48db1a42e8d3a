// Starts a private, throw-away PostgreSQL cluster for the test run (trust auth on loopback only).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { postgresBinDir, sh } from './system-deps.mjs';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/**
 * options.port: listen there (default: a free port). options.durable: fsync on, for drills that
 * count what survives an immediate shutdown (the suite's own cluster runs with fsync off).
 * The answer's restart(mode) runs `pg_ctl restart -m <fast|immediate|smart> -w` without blocking
 * the event loop; it resolves once the server accepts connections again.
 */
export async function startTestPostgres(options = {}) {
  const bin = postgresBinDir();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-pg-'));
  const dataDir = path.join(root, 'data');
  const port = options.port ?? (await freePort());
  // initdb refuses to run as root, so the cluster belongs to the postgres system user.
  const asRoot = process.getuid?.() === 0;
  const run = (cmd, args) => (asRoot ? sh('runuser', ['-u', 'postgres', '--', cmd, ...args]) : sh(cmd, args));
  const serverOptions = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=${options.durable ? 'on' : 'off'} -c shared_buffers=128MB`;
  const pgCtl = (args) => [`${bin}/pg_ctl`, ['-D', dataDir, '-l', path.join(root, 'log'), '-w', ...args]];
  if (asRoot) sh('chown', ['postgres:postgres', root]);
  run(`${bin}/initdb`, ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  run(...pgCtl(['-o', serverOptions, 'start']));
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    dataDir,
    restart(mode = 'fast') {
      const [cmd, args] = pgCtl(['-m', mode, '-o', serverOptions, 'restart']);
      const child = asRoot ? spawn('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' }) : spawn(cmd, args, { stdio: 'pipe' });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      return new Promise((resolve, reject) => {
        child.once('error', reject);
        child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pg_ctl restart -m ${mode} failed (${code}): ${output}`))));
      });
    },
    stop() {
      try {
        run(`${bin}/pg_ctl`, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      } catch {
        /* already gone */
      }
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
