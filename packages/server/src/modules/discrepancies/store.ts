import { sql } from 'kysely';
import type { CivilStatusRecord, Discrepancy, ExtractKind, PopulationRecord } from '@motcua/core/discrepancies';
import type { DiscrepancyStatus } from '@motcua/core/api';
import type { Db } from '../../db/database.ts';
import type { Selectable } from 'kysely';
import type { DiscrepancyImportTable, DiscrepancyTable } from './tables.ts';

export type ImportRow = Selectable<DiscrepancyImportTable>;
export type StoredDiscrepancy = Omit<Selectable<DiscrepancyTable>, 'data'> & { data: Discrepancy };

/** This module's SQL: imports, the records they bring, and the discrepancies found among them. */
export class DiscrepancyStore {
  constructor(private readonly db: Db) {}

  async startImport(row: Omit<ImportRow, 'rows_read' | 'rows_stored' | 'rows_bad' | 'problems'>): Promise<void> {
    await this.db.insertInto('discrepancy_import').values(row).execute();
  }

  async progress(id: string, p: { rowsRead: number; rowsStored: number; rowsBad: number; problems: { row: number; reason: string }[] }): Promise<void> {
    await this.db
      .updateTable('discrepancy_import')
      .set({ rows_read: p.rowsRead, rows_stored: p.rowsStored, rows_bad: p.rowsBad, problems: JSON.stringify(p.problems) })
      .where('id', '=', id)
      .execute();
  }

  async finishImport(id: string, end: { state: 'done' | 'failed'; failure: string | null; discrepancies: number | null; at: Date }): Promise<void> {
    await this.db
      .updateTable('discrepancy_import')
      .set({ state: end.state, failure: end.failure, discrepancies: end.discrepancies, finished_at: end.at })
      .where('id', '=', id)
      .execute();
  }

  importById(id: string): Promise<ImportRow | undefined> {
    return this.db.selectFrom('discrepancy_import').selectAll().where('id', '=', id).executeTakeFirst();
  }

  imports(unitCode: string, limit = 20): Promise<ImportRow[]> {
    return this.db.selectFrom('discrepancy_import').selectAll().where('unit_code', '=', unitCode).orderBy('started_at', 'desc').limit(limit).execute();
  }

  /** Upserts on the natural key: re-importing a file replaces its rows. */
  async putRecords(unitCode: string, kind: ExtractKind, importId: string, records: readonly (CivilStatusRecord | PopulationRecord)[]): Promise<void> {
    if (records.length === 0) return;
    // The same key twice in one batch would make ON CONFLICT touch a row twice: the later row wins.
    const unique = new Map(records.map((r) => [r.key, r]));
    await this.db
      .insertInto('extract_record')
      .values([...unique.values()].map((r) => ({ unit_code: unitCode, kind, key: r.key, record: JSON.stringify(r), import_id: importId })))
      .onConflict((oc) => oc.columns(['unit_code', 'kind', 'key']).doUpdateSet({ record: sql`excluded.record`, import_id: sql`excluded.import_id` }))
      .execute();
  }

  async records<T>(unitCode: string, kind: ExtractKind): Promise<T[]> {
    const rows = await this.db
      .selectFrom('extract_record')
      .select('record')
      .where('unit_code', '=', unitCode)
      .where('kind', '=', kind)
      .orderBy('key')
      .execute();
    return rows.map((r) => r.record as T);
  }

  /**
   * Writes a matching run: every discrepancy found is upserted by fingerprint (its status, note and
   * links kept), and those no longer found are set inactive rather than deleted (their history stays).
   */
  async replaceRun(trx: Db, unitCode: string, found: readonly { id: string; d: Discrepancy; hamletCode: string | null }[], at: Date): Promise<void> {
    await trx.updateTable('discrepancy').set({ active: false }).where('unit_code', '=', unitCode).execute();
    for (let i = 0; i < found.length; i += 500) {
      const batch = found.slice(i, i + 500);
      await trx
        .insertInto('discrepancy')
        .values(
          batch.map((f) => ({
            id: f.id,
            unit_code: unitCode,
            fingerprint: f.d.fingerprint,
            type: f.d.type,
            hamlet_code: f.hamletCode,
            data: JSON.stringify(f.d),
            created_at: at,
            updated_at: at,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['unit_code', 'fingerprint']).doUpdateSet({ data: sql`excluded.data`, hamlet_code: sql`excluded.hamlet_code`, active: true }),
        )
        .execute();
    }
  }

  async list(q: {
    unitCode: string;
    hamlet?: string;
    type?: string;
    status?: string;
    limit: number;
    offset: number;
  }): Promise<{ rows: StoredDiscrepancy[]; total: number }> {
    let base = this.db.selectFrom('discrepancy').where('unit_code', '=', q.unitCode).where('active', '=', true);
    if (q.hamlet === 'none') base = base.where('hamlet_code', 'is', null);
    else if (q.hamlet) base = base.where('hamlet_code', '=', q.hamlet);
    if (q.type) base = base.where('type', '=', q.type);
    if (q.status) base = base.where('status', '=', q.status as DiscrepancyStatus);
    const [rows, count] = await Promise.all([
      base.selectAll().orderBy('hamlet_code').orderBy('type').orderBy('fingerprint').limit(q.limit).offset(q.offset).execute(),
      base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows: rows as StoredDiscrepancy[], total: Number(count.n) };
  }

  async progressByHamlet(unitCode: string): Promise<{ hamlet_code: string | null; status: string; n: number }[]> {
    const rows = await this.db
      .selectFrom('discrepancy')
      .select(['hamlet_code', 'status', (eb) => eb.fn.countAll<string>().as('n')])
      .where('unit_code', '=', unitCode)
      .where('active', '=', true)
      .groupBy(['hamlet_code', 'status'])
      .execute();
    return rows.map((r) => ({ ...r, n: Number(r.n) }));
  }

  async byId(id: string, db: Db = this.db): Promise<StoredDiscrepancy | undefined> {
    return (await db.selectFrom('discrepancy').selectAll().where('id', '=', id).executeTakeFirst()) as StoredDiscrepancy | undefined;
  }

  async update(
    db: Db,
    id: string,
    patch: Partial<Pick<Selectable<DiscrepancyTable>, 'status' | 'note' | 'dossier_code' | 'outreach_session_id' | 'assistance_id'>>,
    at: Date,
  ): Promise<void> {
    await db
      .updateTable('discrepancy')
      .set({ ...patch, updated_at: at })
      .where('id', '=', id)
      .execute();
  }
}
