import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per issued (signed) document. Rows are never updated except to link the citizen's
  // personal-store copy; the PDF itself lives once in the blob store under a key derived from its hash.
  await db.schema
    .createTable('result_document')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('dossier_code', 'text', (c) => c.notNull().references('dossier.code'))
    .addColumn('event_seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('receipt', 'supplement_request', 'refusal', 'apology', 'result')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull().references('unit.code'))
    .addColumn('unit_name', 'text', (c) => c.notNull())
    .addColumn('verify_token', 'text', (c) => c.notNull().unique())
    .addColumn('sha256', 'text', (c) => c.notNull().unique())
    .addColumn('blob_key', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('signed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('signer_subject', 'text', (c) => c.notNull())
    .addColumn('signer_issuer', 'text', (c) => c.notNull())
    .addColumn('personal_document_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('result_document_event_uq', ['dossier_code', 'event_seq', 'kind'])
    .execute();

  await db.schema
    .createTable('result_handover')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('dossier_code', 'text', (c) => c.notNull().references('dossier.code'))
    .addColumn('recipient_name', 'text', (c) => c.notNull())
    .addColumn('recipient_id_number', 'text', (c) => c.notNull())
    .addColumn('confirmation', 'text', (c) => c.notNull().check(sql`confirmation in ('signature_image', 'typed')`))
    .addColumn('signature_blob_key', 'text')
    .addColumn('signature_sha256', 'text')
    .addColumn('typed_confirmation', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('result_handover_dossier_idx').on('result_handover').column('dossier_code').execute();

  await db.schema
    .createTable('shipment')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('dossier_code', 'text', (c) => c.notNull().references('dossier.code'))
    .addColumn('carrier', 'text', (c) => c.notNull())
    .addColumn('tracking_number', 'text', (c) => c.notNull().unique())
    .addColumn('recipient_name', 'text', (c) => c.notNull())
    .addColumn('recipient_phone', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('cod_fee_vnd', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('accepted', 'in_transit', 'delivered', 'returned')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shipment_dossier_idx').on('shipment').column('dossier_code').execute();

  await db.schema
    .createTable('shipment_event')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('shipment_id', 'uuid', (c) => c.notNull().references('shipment.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('system', 'official', 'carrier')`))
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('shipment_event_shipment_idx').on('shipment_event').column('shipment_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['shipment_event', 'shipment', 'result_handover', 'result_document']) await db.schema.dropTable(t).ifExists().execute();
}
