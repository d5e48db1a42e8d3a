import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('upload')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('owner_kind', 'text', (c) => c.notNull().check(sql`owner_kind in ('citizen', 'official')`))
    .addColumn('owner_ref', 'text', (c) => c.notNull())
    .addColumn('blob_key', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('upload_owner_idx').on('upload').columns(['owner_kind', 'owner_ref']).execute();

  // No foreign key to the dossier table: that module migrates after this one and owns its codes.
  await db.schema
    .createTable('dossier_attachment')
    .addColumn('dossier_code', 'text', (c) => c.notNull())
    .addColumn('upload_id', 'uuid', (c) => c.notNull().references('upload.id'))
    .addColumn('kind', 'text')
    .addColumn('label', 'text')
    .addColumn('unit_code', 'text', (c) => c.notNull().references('unit.code'))
    .addColumn('applicant_id_number', 'text')
    .addColumn('attached_by', 'text', (c) => c.notNull())
    .addColumn('attached_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('dossier_attachment_pk', ['dossier_code', 'upload_id'])
    .execute();
  await db.schema.createIndex('dossier_attachment_upload_idx').on('dossier_attachment').column('upload_id').execute();

  await db.schema
    .createTable('personal_document')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('owner_id_number', 'text', (c) => c.notNull())
    .addColumn('upload_id', 'uuid', (c) => c.notNull().references('upload.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('upload', 'result')`))
    .addColumn('dossier_code', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('personal_document_owner_idx').on('personal_document').column('owner_id_number').execute();
  // Keeping the same upload twice would only duplicate the list.
  await db.schema.createIndex('personal_document_owner_upload_uq').unique().on('personal_document').columns(['owner_id_number', 'upload_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('personal_document').execute();
  await db.schema.dropTable('dossier_attachment').execute();
  await db.schema.dropTable('upload').execute();
}
