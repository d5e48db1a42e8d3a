import { sql } from 'kysely';
import { inTransaction, type Db } from '../../db/database.ts';
import type { CredentialVault, StoredCredential } from './signing/index.ts';

/**
 * The development CA's keys in the database (table signing_credential), created once per subject
 * across every process: the creating transaction holds an advisory lock on the subject, so a
 * second process waits and then reads the first one's key instead of making its own (issue #19:
 * with a shared DATA_DIR one unit's receipts were signed by two certificates). On PGlite the one
 * connection already serialises the transaction.
 */
export function databaseVault(db: Db, kind: 'pglite' | 'postgres'): CredentialVault {
  return {
    once(subject, make) {
      return inTransaction(db, async (trx) => {
        if (kind === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${`motcua.signing:${subject}`}))`.execute(trx);
        const found = await sql<{ cert_pem: string; secret: Buffer; passphrase: string | null }>`
          select cert_pem, secret, passphrase from signing_credential where subject = ${subject}`.execute(trx);
        const row = found.rows[0];
        if (row) return { certPem: row.cert_pem, secret: Buffer.from(row.secret), passphrase: row.passphrase } satisfies StoredCredential;
        const made = await make();
        await sql`insert into signing_credential (subject, cert_pem, secret, passphrase)
          values (${subject}, ${made.certPem}, ${made.secret}, ${made.passphrase})`.execute(trx);
        return made;
      });
    },
  };
}
