import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The event log: the source of truth. (dossier_code, seq) is the optimistic-concurrency guard:
  // two actions decided on the same version collide here and the later one is refused.
  await db.schema
    .createTable('dossier_event')
    .addColumn('dossier_code', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor', 'jsonb', (c) => c.notNull())
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('dossier_event_pk', ['dossier_code', 'seq'])
    .execute();

  await db.schema
    .createTable('dossier')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('unit_code', 'text', (c) => c.notNull().references('unit.code'))
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('procedure_name', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('hamlet', 'text')
    .addColumn('assignee_user_id', 'text')
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('received_at', 'timestamptz')
    .addColumn('due_at', 'timestamptz')
    .addColumn('paused_at', 'timestamptz')
    .addColumn('result_ready_at', 'timestamptz')
    .addColumn('returned_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('search_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  // The work queue's default order (due date, then code) within a unit, and the citizen's list.
  await sql`create index dossier_queue_idx on dossier (unit_code, (coalesce(due_at, 'infinity'::timestamptz)), code)`.execute(db);
  await sql`create index dossier_received_idx on dossier (unit_code, (coalesce(received_at, submitted_at)) desc, code desc)`.execute(db);
  await sql`create index dossier_applicant_idx on dossier (id_number, submitted_at desc)`.execute(db);

  // Per unit and Vietnam day; the upsert's row lock serialises concurrent intakes, so numbers
  // are consecutive and a rolled-back intake gives its number back.
  await db.schema
    .createTable('dossier_daily_sequence')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('dossier_daily_sequence_pk', ['unit_code', 'day'])
    .execute();

  await db.schema
    .createTable('idempotency_key')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('dossier_code', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('idempotency_key_scope_key', ['scope', 'key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['idempotency_key', 'dossier_daily_sequence', 'dossier', 'dossier_event']) await db.schema.dropTable(t).execute();
}
