import { sql, type Kysely } from 'kysely';

/**
 * Issue #18. The queue sorts a dossier without a due date (filed online, not yet received) by the
 * moment it was sent, not last; the look-up finds a code typed with spaces, dots or dashes
 * ("30421 261202 0001") by its letters and digits alone, whatever the code's separators.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists dossier_queue_idx`.execute(db);
  await sql`create index dossier_queue_idx on dossier (unit_code, (coalesce(due_at, submitted_at)), code)`.execute(db);
  await sql`create index dossier_code_compact_idx on dossier ((regexp_replace(upper(code), '[^A-Z0-9]', '', 'g')))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists dossier_code_compact_idx`.execute(db);
  await sql`drop index if exists dossier_queue_idx`.execute(db);
  await sql`create index dossier_queue_idx on dossier (unit_code, (coalesce(due_at, 'infinity'::timestamptz)), code)`.execute(db);
}
