// What a test run must not leave behind: processes and temporary folders. Every process the run
// starts inherits MOTCUA_TEST_RUN (even detached ones), so survivors are found by that mark.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tempEntries() {
  return new Set(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('motcua-') && n !== 'motcua-apt.lock'));
}

export function markedProcesses(mark) {
  const found = [];
  for (const pid of fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    if (Number(pid) === process.pid) continue;
    try {
      const env = fs.readFileSync(`/proc/${pid}/environ`, 'utf8');
      if (env.split('\0').includes(`MOTCUA_TEST_RUN=${mark}`)) {
        found.push({ pid: Number(pid), cmd: fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim() });
      }
    } catch {
      /* gone or not ours */
    }
  }
  return found;
}

/** Lists (and ends) what the run left; returns the complaints. */
export function collectLeftovers(mark, tempBefore) {
  const complaints = [];
  for (const p of markedProcesses(mark)) {
    complaints.push(`process ${p.pid} still running: ${p.cmd}`);
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  for (const name of tempEntries()) {
    if (tempBefore.has(name)) continue;
    complaints.push(`temporary folder left behind: ${path.join(os.tmpdir(), name)}`);
    fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
  return complaints;
}
