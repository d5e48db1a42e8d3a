import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { inTransaction, type Db } from '../../db/database.ts';
import type { CredentialVault, StoredCredential } from './signing/index.ts';

/**
 * The development CA's and units' keys, created once per subject across every process: the
 * creating transaction holds an advisory lock on the subject, so a second process waits and then
 * reads the first one's key instead of making its own (issue #19: with a shared DATA_DIR one unit's
 * receipts were signed by two certificates). On PGlite the one connection already serialises it.
 *
 * The keys themselves stay in `dir` (the PKI folder, shared storage when there are several nodes),
 * never in the database: the audit anchors are signed with these keys precisely so that someone
 * who can rewrite the database cannot forge them (audit.db.test.ts proves a self-made key fails).
 */
export function lockedVault(db: Db, kind: 'pglite' | 'postgres', dir: string): CredentialVault {
  const fileOf = (subject: string) => path.join(dir, 'vault', `${subject.replace(/[^\w.-]/g, '_')}.json`);
  return {
    once(subject, make) {
      return inTransaction(db, async (trx) => {
        if (kind === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${`motcua.signing:${subject}`}))`.execute(trx);
        const file = fileOf(subject);
        if (fs.existsSync(file)) {
          const kept = JSON.parse(fs.readFileSync(file, 'utf8')) as { certPem: string; secret: string; passphrase: string | null };
          return { certPem: kept.certPem, secret: Buffer.from(kept.secret, 'base64'), passphrase: kept.passphrase } satisfies StoredCredential;
        }
        const made = await make();
        fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
        // Written whole, then renamed: a process reading after the lock never sees half a key.
        const tmp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, JSON.stringify({ certPem: made.certPem, secret: Buffer.from(made.secret).toString('base64'), passphrase: made.passphrase }), {
          mode: 0o600,
        });
        fs.renameSync(tmp, file);
        return made;
      });
    },
  };
}
