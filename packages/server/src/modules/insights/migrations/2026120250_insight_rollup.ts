import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Decision 766 figures per unit × Vietnam day × procedure × channel (core/insights/rollup.ts):
  // the sum of every dossier event's contribution, written in the event's transaction, rebuilt
  // from the event log by `npm run insights:rebuild`. Counts only: nothing here names a person.
  await db.schema
    .createTable('insight_rollup')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('procedure_code', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('received', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('digitised', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('early', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('on_time', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('closed_without_result', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('transferred_in', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('transferred_out', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('supplement_requests', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('apologies', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('returned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('returned_electronic', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('insight_rollup_pk', ['unit_code', 'day', 'procedure_code', 'channel'])
    .execute();
}
