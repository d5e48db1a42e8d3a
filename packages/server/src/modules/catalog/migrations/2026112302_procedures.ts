import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The procedure document is edited as a whole by administrators, so it is stored as one JSON
  // value; the columns beside it are what we filter and sort by.
  await db.schema
    .createTable('procedure')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('national_code', 'text')
    .addColumn('field_key', 'text', (c) => c.notNull())
    .addColumn('online', 'text')
    .addColumn('document', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('procedure').execute();
}
