import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The leaders' "feedback handled on time" counts a unit's PAKN by due date, answered or not.
  await db.schema.createIndex('feedback_unit_due_idx').on('feedback').columns(['unit_code', 'due_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('feedback_unit_due_idx').execute();
}
