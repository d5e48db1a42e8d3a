import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Parked rows stay in the table for operators; the pending index skips them.
  await db.schema.alterTable('outbox').addColumn('parked_at', 'timestamptz').execute();
  await sql`drop index outbox_pending_idx`.execute(db);
  await sql`create index outbox_pending_idx on outbox (available_at) where done_at is null and parked_at is null`.execute(db);
  await db.schema
    .createTable('notification_delivery')
    .addColumn('outbox_id', 'bigint', (c) => c.notNull().references('outbox.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_delivery_pk', ['outbox_id', 'channel'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notification_delivery').execute();
  await sql`drop index outbox_pending_idx`.execute(db);
  await sql`create index outbox_pending_idx on outbox (available_at) where done_at is null`.execute(db);
  await db.schema.alterTable('outbox').dropColumn('parked_at').execute();
}
