import { sql, type Kysely } from 'kysely';

/**
 * Reserved code blocks become numbers of the session's day (core/dossier/code.ts): each block
 * records its range and the agency identifier its codes carry, and a block whose unused numbers
 * were returned keeps only the numbers used. The per-unit block counter (5000 + 100 × index,
 * never reused, five digits after 50 blocks) is gone. Blocks issued before keep their old range.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table outreach_code_block drop constraint outreach_code_block_pk`.execute(db);
  await db.schema
    .alterTable('outreach_code_block')
    .addColumn('day', 'date')
    .addColumn('first_seq', 'integer')
    .addColumn('last_seq', 'integer')
    .addColumn('agency_code', 'text')
    .addColumn('returned_at', 'timestamptz')
    .execute();
  await sql`
    update outreach_code_block b set
      day = (select s.day from outreach_session s where s.id = b.session_id),
      first_seq = 5000 + 100 * b.block_index,
      last_seq = 5000 + 100 * b.block_index + 99,
      agency_code = b.unit_code`.execute(db);
  await db.schema.dropTable('outreach_block_counter').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('outreach_block_counter')
    .addColumn('unit_code', 'text', (c) => c.primaryKey())
    .addColumn('next_index', 'integer', (c) => c.notNull())
    .execute();
  for (const c of ['day', 'first_seq', 'last_seq', 'agency_code', 'returned_at']) await db.schema.alterTable('outreach_code_block').dropColumn(c).execute();
  await sql`alter table outreach_code_block add constraint outreach_code_block_pk primary key (unit_code, block_index)`.execute(db);
}
