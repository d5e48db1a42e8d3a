import { sql, type Kysely } from 'kysely';

/**
 * Days off and make-up working days announced for state agencies, recorded by a system
 * administrator with their source document; the server's working calendar is built from them.
 * At most one standing announcement per day: a withdrawn one stays, with its reason, for the record.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('holiday_announcement')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('day', 'text', (c) => c.notNull().check(sql`day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('day_off', 'make_up')`))
    .addColumn('source_number', 'text', (c) => c.notNull())
    .addColumn('source_date', 'text', (c) => c.notNull())
    .addColumn('source_issuer', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'timestamptz')
    .addColumn('withdrawn_by_name', 'text')
    .addColumn('withdraw_reason', 'text')
    .execute();
  await sql`create unique index holiday_announcement_day_idx on holiday_announcement (day) where withdrawn_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('holiday_announcement').execute();
}
