import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A round (đợt tiếp nhận lưu động) is planned as a whole: its rules, hamlets, team and offered
  // procedures are edited together, so lists are JSON beside the columns we filter by.
  await db.schema
    .createTable('outreach_round')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull().references('unit.code'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('meeting_point', 'text', (c) => c.notNull())
    .addColumn('rules', 'jsonb', (c) => c.notNull())
    .addColumn('hamlet_codes', 'jsonb', (c) => c.notNull())
    .addColumn('team_user_ids', 'jsonb', (c) => c.notNull())
    .addColumn('procedure_codes', 'jsonb', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outreach_round_unit_idx').on('outreach_round').column('unit_code').execute();

  // Dated sessions expanded from the round's rules; one per round, day and half-day.
  await db.schema
    .createTable('outreach_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('outreach_round.id'))
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('part', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('hamlet_codes', 'jsonb', (c) => c.notNull())
    .addColumn('meeting_point', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('planned'))
    .addUniqueConstraint('outreach_session_round_day_part', ['round_id', 'day', 'part'])
    .execute();
  await db.schema.createIndex('outreach_session_unit_day_idx').on('outreach_session').columns(['unit_code', 'day']).execute();

  await db.schema
    .createTable('resident_assistance')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('hamlet_code', 'text', (c) => c.notNull().references('hamlet.code'))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason in ('elderly', 'disabled', 'ill', 'other')`))
    .addColumn('note', 'text')
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('resident_assistance_unit_idx').on('resident_assistance').columns(['unit_code', 'hamlet_code']).execute();

  // Reserved code blocks (see core/dossier/code.ts): the counter's upsert row lock serialises
  // concurrent kits; the primary key is the second guard that a block index is issued once.
  await db.schema
    .createTable('outreach_block_counter')
    .addColumn('unit_code', 'text', (c) => c.primaryKey())
    .addColumn('next_index', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('outreach_code_block')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('block_index', 'integer', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull().references('outreach_session.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('outreach_code_block_pk', ['unit_code', 'block_index'])
    .addUniqueConstraint('outreach_code_block_device', ['session_id', 'user_id', 'device_id'])
    .execute();

  await db.schema
    .createTable('outreach_signing_key')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('secret', 'text', (c) => c.notNull())
    .execute();
  // Only the SHA-256 of an offline credential is kept, so a leaked table cannot be replayed.
  await db.schema
    .createTable('outreach_credential')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('outreach_session.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .execute();

  // One row per field operation, written in the transaction of its effect: the exactly-once guard.
  await db.schema
    .createTable('outreach_op')
    .addColumn('client_op_id', 'uuid', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('outreach_session.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('result', 'jsonb')
    .addColumn('error', 'jsonb')
    .addColumn('applied_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outreach_op_session_idx').on('outreach_op').column('session_id').execute();

  await db.schema
    .createTable('outreach_dossier')
    .addColumn('dossier_code', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('outreach_session.id'))
    .addColumn('client_op_id', 'uuid', (c) => c.notNull())
    .addColumn('hamlet_code', 'text')
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz', (c) => c.notNull())
    .addColumn('completed_on_spot_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('outreach_dossier_session_idx').on('outreach_dossier').column('session_id').execute();

  await db.schema
    .createTable('outreach_consultation')
    .addColumn('client_op_id', 'uuid', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('outreach_session.id'))
    .addColumn('hamlet_code', 'text')
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('procedure_code', 'text')
    .addColumn('people', 'integer', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('outreach_survey')
    .addColumn('client_op_id', 'uuid', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('outreach_session.id'))
    .addColumn('hamlet_code', 'text')
    .addColumn('overall', 'integer', (c) => c.notNull())
    .addColumn('staff', 'integer', (c) => c.notNull())
    .addColumn('convenience', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();

  // Resumable uploads from the field: chunks live in the database until the file is assembled,
  // verified and handed to the uploads module.
  await db.schema
    .createTable('outreach_upload')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('outreach_session.id'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('chunk_size', 'integer', (c) => c.notNull())
    .addColumn('chunk_count', 'integer', (c) => c.notNull())
    .addColumn('upload_id', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('completed_at', 'timestamptz')
    .execute();
  await db.schema
    .createTable('outreach_upload_chunk')
    .addColumn('outreach_upload_id', 'text', (c) => c.notNull().references('outreach_upload.id'))
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('outreach_upload_chunk_pk', ['outreach_upload_id', 'idx'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'outreach_upload_chunk',
    'outreach_upload',
    'outreach_survey',
    'outreach_consultation',
    'outreach_dossier',
    'outreach_op',
    'outreach_credential',
    'outreach_signing_key',
    'outreach_code_block',
    'outreach_block_counter',
    'resident_assistance',
    'outreach_session',
    'outreach_round',
  ])
    await db.schema.dropTable(t).execute();
}
