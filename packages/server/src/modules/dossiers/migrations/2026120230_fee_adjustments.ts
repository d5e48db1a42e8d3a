import { sql, type Kysely } from 'kysely';

/**
 * An official's change to the fee a dossier owes, with the reason: the amount computed at filing
 * stays in the 'submitted' event; the latest adjustment is what is due. Rows are never updated.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('dossier_fee_adjustment')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('dossier_code', 'text', (c) => c.notNull().references('dossier.code'))
    .addColumn('from_vnd', 'integer')
    .addColumn('to_vnd', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.notNull())
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('dossier_fee_adjustment_dossier').on('dossier_fee_adjustment').columns(['dossier_code', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('dossier_fee_adjustment').execute();
}
