import { sql, type Kysely } from 'kysely';

// Development-CA keys and certificates (issue #19): kept in the database so that every app and
// worker process on one PostgreSQL signs a unit's documents with the same key, created once under
// a lock. `subject` is 'ca' or 'unit:<code>'; `secret` holds the CA's PEM key or a unit's PKCS#12.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('signing_credential')
    .addColumn('subject', 'text', (c) => c.primaryKey())
    .addColumn('cert_pem', 'text', (c) => c.notNull())
    .addColumn('secret', 'bytea', (c) => c.notNull())
    .addColumn('passphrase', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('signing_credential').execute();
}
