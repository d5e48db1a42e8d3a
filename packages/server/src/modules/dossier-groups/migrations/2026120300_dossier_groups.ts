import { sql, type Kysely } from 'kysely';

/**
 * Linked procedure groups (Decree 63/2024/NĐ-CP): one application, its members (one a Motcua
 * dossier, the others handled by partner agencies), the partner members' events for the group's
 * timeline, and the messages sent to partner agencies (the adapter's record).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('dossier_group')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('group_code', 'text', (c) => c.notNull())
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('lead_dossier_code', 'text', (c) => c.notNull().unique())
    .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('dossier_group_member')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('group_code', 'text', (c) => c.notNull().references('dossier_group.code'))
    .addColumn('member_key', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('agency', 'text', (c) => c.notNull())
    .addColumn('handled_by', 'text', (c) => c.notNull().check(sql`handled_by in ('motcua', 'partner')`))
    .addColumn('dossier_code', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('depends_on', 'jsonb', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz')
    .addUniqueConstraint('dossier_group_member_key', ['group_code', 'member_key'])
    .execute();
  await db.schema
    .createTable('dossier_group_event')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('member_code', 'text', (c) => c.notNull().references('dossier_group_member.code'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('dossier_group_event_member_idx').on('dossier_group_event').columns(['member_code', 'id']).execute();
  await db.schema
    .createTable('partner_message')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('member_code', 'text', (c) => c.notNull().references('dossier_group_member.code'))
    .addColumn('agency', 'text', (c) => c.notNull())
    .addColumn('adapter', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['partner_message', 'dossier_group_event', 'dossier_group_member', 'dossier_group']) await db.schema.dropTable(t).execute();
}
