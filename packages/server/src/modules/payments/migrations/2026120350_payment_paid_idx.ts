import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The leaders' online-payment share counts a unit's payments by the day they were paid.
  await db.schema.createIndex('payment_unit_paid_idx').on('payment').columns(['unit_code', 'paid_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('payment_unit_paid_idx').execute();
}
