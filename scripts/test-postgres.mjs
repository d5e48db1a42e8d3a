// Starts a private, throw-away PostgreSQL cluster for the test run (trust auth on loopback only).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { postgresBinDir, sh } from './system-deps.mjs';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
    srv.on('error', reject);
  });
}

export async function startTestPostgres() {
  const bin = postgresBinDir();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-pg-'));
  const dataDir = path.join(root, 'data');
  const port = await freePort();
  // initdb refuses to run as root, so the cluster belongs to the postgres system user.
  const asRoot = process.getuid?.() === 0;
  const run = (cmd, args) => asRoot ? sh('runuser', ['-u', 'postgres', '--', cmd, ...args]) : sh(cmd, args);
  if (asRoot) sh('chown', ['postgres:postgres', root]);
  run(`${bin}/initdb`, ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  run(`${bin}/pg_ctl`, ['-D', dataDir, '-l', path.join(root, 'log'), '-w', '-o', `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c shared_buffers=128MB`, 'start']);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    stop() {
      try { run(`${bin}/pg_ctl`, ['-D', dataDir, '-m', 'immediate', '-w', 'stop']); } catch { /* already gone */ }
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
