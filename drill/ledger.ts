/**
 * What the database holds after a drill, against what the submitters were told: every
 * acknowledged dossier must be there once (not lost, not duplicated, under the code it was
 * acknowledged with), each commune's daily numbers must run 1..n with no gap, and the audit
 * chain must verify with the operators' own tool (`npm run audit:verify`).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseDossierCode } from '@motcua/core/dossier';
import type { AckEvent } from './load.ts';
import type { DrillDatabase } from './setup.ts';
import { ROOT } from './server.ts';

export interface Ledger {
  acknowledged: number;
  /** Acknowledged, but no dossier with that code and applicant. */
  lost: number;
  /** Applicants (one per submission) with more than one dossier. */
  duplicated: number;
  /** Acknowledged under a code other than the one its Idempotency-Key points to. */
  mismatched: number;
  /** Numbers missing from 1..last of a commune's day (or given beyond it). */
  gaps: number;
  dossiers: number;
  /** Dossiers without their dossier.submit audit entry. */
  unaudited: number;
  audit: { ok: boolean; output: string };
}

/** Runs `npm run audit:verify`'s script against the drill's database; exit 0 = intact. */
export function verifyAudit(db: DrillDatabase): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'packages/server/src/cli/audit-verify.ts')], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: db.dataDir, DATABASE_URL: db.databaseUrl, LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.once('exit', (code) => resolve({ ok: code === 0, output: output.trim().split('\n').slice(-3).join(' ') }));
  });
}

/** Counts on a stopped server (PGlite allows one process). */
export async function countLedger(db: DrillDatabase, acks: AckEvent[]): Promise<Ledger> {
  const audit = await verifyAudit(db);
  const { handle } = await db.open();
  try {
    const units = db.counters.map((c) => c.unitCode);
    const dossiers = await handle.db.selectFrom('dossier').select(['code', 'id_number', 'unit_code', 'channel']).where('unit_code', 'in', units).execute();
    const keys = await handle.db.selectFrom('idempotency_key').select(['key', 'dossier_code']).where('key', 'like', `${db.runId}-%`).execute();
    const unaudited = await handle.db
      .selectFrom('dossier as d')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('d.unit_code', 'in', units)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('audit_log as a').select('a.id').whereRef('a.dossier_code', '=', 'd.code').where('a.action', '=', 'dossier.submit'))),
      )
      .executeTakeFirstOrThrow();
    const days = await handle.db.selectFrom('dossier_daily_sequence').select(['unit_code', 'day', 'last_seq']).where('unit_code', 'in', units).execute();

    const byCode = new Map(dossiers.map((d) => [d.code, d.id_number]));
    const keyCode = new Map(keys.map((k) => [k.key, k.dossier_code]));
    const perApplicant = new Map<string, number>();
    for (const d of dossiers) perApplicant.set(d.id_number, (perApplicant.get(d.id_number) ?? 0) + 1);

    let lost = 0;
    let mismatched = 0;
    for (const a of acks) {
      if (byCode.get(a.code) !== a.idNumber) lost++;
      if (keyCode.get(a.key) !== a.code) mismatched++;
    }
    const duplicated = [...perApplicant.values()].filter((n) => n > 1).length;

    const seqs = new Map<string, Set<number>>();
    for (const d of dossiers) {
      // Outreach codes come from reserved blocks, not the desk's gapless counter.
      const p = parseDossierCode(d.code);
      if (!p || d.channel === 'outreach') continue;
      const k = `${d.unit_code}|${p.intakeDate}`;
      if (!seqs.has(k)) seqs.set(k, new Set());
      seqs.get(k)!.add(p.seq);
    }
    let gaps = 0;
    for (const day of days) {
      const taken = seqs.get(`${day.unit_code}|${day.day}`) ?? new Set<number>();
      for (let n = 1; n <= day.last_seq; n++) if (!taken.has(n)) gaps++;
      for (const n of taken) if (n > day.last_seq) gaps++;
      seqs.delete(`${day.unit_code}|${day.day}`);
    }
    // Numbers used on a day with no counter row at all.
    for (const taken of seqs.values()) gaps += taken.size;

    return { acknowledged: acks.length, lost, duplicated, mismatched, gaps, dossiers: dossiers.length, unaudited: Number(unaudited.n), audit };
  } finally {
    await handle.close();
  }
}

/** The ledger's broken guarantees, as failure lines. */
export function ledgerFailures(l: Ledger): string[] {
  const f: string[] = [];
  if (l.lost) f.push(`${l.lost} acknowledged dossier(s) lost`);
  if (l.duplicated) f.push(`${l.duplicated} submission(s) stored as more than one dossier`);
  if (l.mismatched) f.push(`${l.mismatched} acknowledgement(s) with a code other than the Idempotency-Key's dossier`);
  if (l.gaps) f.push(`${l.gaps} gap(s) in daily dossier numbers`);
  if (l.unaudited) f.push(`${l.unaudited} dossier(s) without their audit entry`);
  if (!l.audit.ok) f.push(`audit:verify failed: ${l.audit.output}`);
  return f;
}
