import type { Kysely } from 'kysely';

// Rate-limit counters in the database, so every server process counts the same window (issue #10).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('identity_rate_limit')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('window_ends_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('identity_rate_limit_ends_idx').on('identity_rate_limit').column('window_ends_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('identity_rate_limit').execute();
}
