import { sql, type Kysely } from 'kysely';

// Register numbers (số, quyển) of issued results: one counter per unit, register and year, and
// one entry per number. An entry is keyed by the dossier event it was drawn for, so a retried
// render reuses its number and every number allocated is printed on exactly one document
// (gapless: the counter and the entry are written in one transaction, or neither is).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('result_register_counter')
    .addColumn('unit_code', 'text', (c) => c.notNull().references('unit.code'))
    .addColumn('register', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull().check(sql`last_number > 0`))
    .addPrimaryKeyConstraint('result_register_counter_pk', ['unit_code', 'register', 'year'])
    .execute();

  await db.schema
    .createTable('result_register_entry')
    .addColumn('unit_code', 'text', (c) => c.notNull().references('unit.code'))
    .addColumn('register', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('dossier_code', 'text', (c) => c.notNull().references('dossier.code'))
    .addColumn('event_seq', 'integer', (c) => c.notNull())
    .addColumn('allocated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('result_register_entry_pk', ['unit_code', 'register', 'year', 'number'])
    .addUniqueConstraint('result_register_entry_event_uq', ['dossier_code', 'event_seq', 'register'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['result_register_entry', 'result_register_counter']) await db.schema.dropTable(t).ifExists().execute();
}
