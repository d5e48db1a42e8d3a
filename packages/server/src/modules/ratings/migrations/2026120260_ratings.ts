import { sql, type Kysely } from 'kysely';

/**
 * One rating per dossier (the primary key makes a second one impossible, even racing), its scores
 * one row per criterion so figures count levels in SQL, and the links that let a person rate
 * without logging in (only the token's SHA-256 is kept).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('dossier_rating')
    .addColumn('dossier_code', 'text', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('procedure_name', 'text', (c) => c.notNull())
    // The official concerned (assignee, else the one who received it): they see their own tallies.
    .addColumn('official_user_id', 'text')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('low', 'boolean', (c) => c.notNull())
    .addColumn('rated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create index dossier_rating_unit_month_idx on dossier_rating (unit_code, month)`.execute(db);
  await db.schema
    .createTable('dossier_rating_score')
    .addColumn('dossier_code', 'text', (c) => c.notNull().references('dossier_rating.dossier_code').onDelete('cascade'))
    .addColumn('criterion', 'text', (c) => c.notNull())
    .addColumn('level', 'smallint', (c) => c.notNull().check(sql`level between 1 and 5`))
    .addPrimaryKeyConstraint('dossier_rating_score_pk', ['dossier_code', 'criterion'])
    .execute();
  await db.schema
    .createTable('rating_link')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('dossier_code', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await sql`create index rating_link_dossier_idx on rating_link (dossier_code)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rating_link').execute();
  await db.schema.dropTable('dossier_rating_score').execute();
  await db.schema.dropTable('dossier_rating').execute();
}
