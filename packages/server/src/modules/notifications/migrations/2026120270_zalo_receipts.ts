import { sql, type Kysely } from 'kysely';

/**
 * Zalo and delivery receipts. notice_receipt: what each provider said about each message's phone
 * or e-mail notice (accepted, delivered, failed, refused by Zalo and sent by SMS instead), updated
 * by the providers' signed callbacks. notification_preference: the channel a citizen chose for
 * phone notices, with the consent they gave. zalo_oauth_token: Zalo rotates the refresh token on
 * every refresh (the old one stops working), so the newest pair must outlive the process.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notice_receipt')
    .addColumn('outbox_id', 'bigint', (c) => c.notNull().references('outbox.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('provider_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('notice_receipt_pk', ['outbox_id', 'channel'])
    .execute();
  await sql`create index notice_receipt_provider_idx on notice_receipt (channel, provider_id)`.execute(db);
  await db.schema
    .createTable('notification_preference')
    .addColumn('citizen_subject', 'text', (c) => c.primaryKey())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('sms', 'zalo')`))
    .addColumn('consent_text', 'text', (c) => c.notNull())
    .addColumn('consented_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create index notification_preference_phone_idx on notification_preference (phone)`.execute(db);
  await db.schema
    .createTable('zalo_oauth_token')
    .addColumn('app_id', 'text', (c) => c.primaryKey())
    .addColumn('access_token', 'text', (c) => c.notNull())
    .addColumn('refresh_token', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('zalo_oauth_token').execute();
  await db.schema.dropTable('notification_preference').execute();
  await db.schema.dropTable('notice_receipt').execute();
}
