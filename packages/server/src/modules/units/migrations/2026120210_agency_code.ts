import { sql, type Kysely } from 'kysely';

/**
 * Each unit's agency identifier (QCVN 102:2016/BTTTT form), the first part of its dossier codes
 * (Circular 01/2018/TT-VPCP art. 19). Null until a system administrator sets the one the
 * province assigned; until then Motcua uses its documented default derivation (docs/rules.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('unit').addColumn('agency_code', 'text').execute();
  await sql`create unique index unit_agency_code_idx on unit (agency_code) where agency_code is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('unit_agency_code_idx').execute();
  await db.schema.alterTable('unit').dropColumn('agency_code').execute();
}
