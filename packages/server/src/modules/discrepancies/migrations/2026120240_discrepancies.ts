import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('discrepancy_import')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_stored', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_bad', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('problems', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('failure', 'text')
    .addColumn('discrepancies', 'integer')
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('discrepancy_import_unit').on('discrepancy_import').columns(['unit_code', 'started_at']).execute();
  // One row per record of an extract: the natural key (civil: event + registration number;
  // population: personal ID) makes a re-run of the same file replace rows instead of adding them.
  await db.schema
    .createTable('extract_record')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('record', 'jsonb', (c) => c.notNull())
    .addColumn('import_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('extract_record_pk', ['unit_code', 'kind', 'key'])
    .execute();
  // A discrepancy keeps its id and status across re-runs by its fingerprint (type + records' keys).
  await db.schema
    .createTable('discrepancy')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('hamlet_code', 'text')
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('note', 'text')
    .addColumn('dossier_code', 'text')
    .addColumn('outreach_session_id', 'text')
    .addColumn('assistance_id', 'text')
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('discrepancy_fingerprint', ['unit_code', 'fingerprint'])
    .execute();
  await db.schema.createIndex('discrepancy_list').on('discrepancy').columns(['unit_code', 'active', 'hamlet_code', 'type']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('discrepancy').execute();
  await db.schema.dropTable('extract_record').execute();
  await db.schema.dropTable('discrepancy_import').execute();
}
