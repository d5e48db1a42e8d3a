import { sql, type Kysely } from 'kysely';

// Officials' work e-mail: the daily audit report goes to a unit's approvers and administrators.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table official add column email text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table official drop column email`.execute(db);
}
