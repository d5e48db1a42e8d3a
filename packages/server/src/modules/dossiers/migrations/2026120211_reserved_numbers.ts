import type { Kysely } from 'kysely';

/**
 * Numbers of a unit's day held for offline outreach (core/dossier/code.ts): the desk may not
 * reach them, and a returned range is deleted so the next block reuses its numbers. `holder`
 * names who holds it (the outreach block), so the holder can return it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('dossier_reserved_range')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('first_seq', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('holder', 'text', (c) => c.notNull().unique())
    .addPrimaryKeyConstraint('dossier_reserved_range_pk', ['unit_code', 'day', 'first_seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('dossier_reserved_range').execute();
}
