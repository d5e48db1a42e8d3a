import { sql, type Kysely } from 'kysely';

// jsonb re-sorts object keys, and a form schema's property order is the order questions are asked
// in. json keeps the text as written; nothing filters inside the document, so nothing is lost.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table procedure alter column document type json using document::json`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table procedure alter column document type jsonb using document::jsonb`.execute(db);
}
