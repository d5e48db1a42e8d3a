import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per credit to a unit's account, from an imported statement or the bank's signed
  // notification. Unique by the bank's own reference within the unit: re-importing a statement,
  // or a notification and a statement telling of the same transfer, records it once.
  await db.schema
    .createTable('bank_transfer')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('statement', 'webhook')`))
    .addColumn('bank_reference', 'text', (c) => c.notNull())
    .addColumn('booked_on', 'text', (c) => c.notNull())
    .addColumn('amount_vnd', 'integer', (c) => c.notNull().check(sql`amount_vnd > 0`))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('matched', 'partial', 'excess', 'duplicate', 'unmatched')`))
    .addColumn('payment_id', 'uuid', (c) => c.references('payment.id'))
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('received_by', 'jsonb', (c) => c.notNull())
    .addColumn('settled_at', 'timestamptz')
    .addColumn('settled_by', 'jsonb')
    .addColumn('resolution', 'text')
    .addColumn('settle_note', 'text')
    .addUniqueConstraint('bank_transfer_ref_uq', ['unit_code', 'bank_reference'])
    .execute();
  await db.schema.createIndex('bank_transfer_unit_day_idx').on('bank_transfer').columns(['unit_code', 'booked_on']).execute();

  // A reconciliation finding (one per unit, day, kind and subject): found again by a later run,
  // it stays one line, and a person's settlement of it stays.
  await db.schema
    .createTable('reconciliation_line')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('detail', 'jsonb', (c) => c.notNull())
    .addColumn('found_at', 'timestamptz', (c) => c.notNull())
    .addColumn('settled_at', 'timestamptz')
    .addColumn('settled_by', 'jsonb')
    .addColumn('resolution', 'text')
    .addColumn('settle_note', 'text')
    .addUniqueConstraint('reconciliation_line_uq', ['unit_code', 'day', 'kind', 'subject'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['reconciliation_line', 'bank_transfer']) await db.schema.dropTable(t).ifExists().execute();
}
