import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('unit')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('full_name_en', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text')
    .execute();
  await db.schema.createIndex('unit_province_idx').on('unit').column('province_code').execute();

  // Hamlets (thôn/ấp/bản/tổ dân phố) sit below a commune and are edited by its administrator.
  await db.schema
    .createTable('hamlet')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull().references('unit.code'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('distance_km', 'numeric')
    .addColumn('travel_minutes', 'integer')
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('hamlet_unit_idx').on('hamlet').column('unit_code').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('hamlet').execute();
  await db.schema.dropTable('unit').execute();
}
