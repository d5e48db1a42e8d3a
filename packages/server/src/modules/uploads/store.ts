import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { isEmptyScope, type UnitScope } from '../../platform/privacy.ts';
import type { DossierAttachmentTable, PersonalDocumentTable, UploadTable } from './tables.ts';
import type { Insertable, Selectable } from 'kysely';
import { communesOf } from '../units/index.ts';

export type UploadRow = Selectable<UploadTable>;
export type AttachmentRow = Selectable<DossierAttachmentTable>;
export type PersonalDocumentRow = Selectable<PersonalDocumentTable>;

/** SQL for uploads, attachments and the personal store; every function takes the caller's Db or transaction. */
export const uploadsStore = {
  async insertUpload(db: Db, row: Insertable<UploadTable>): Promise<UploadRow> {
    return db.insertInto('upload').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async upload(db: Db, id: string): Promise<UploadRow | undefined> {
    return db.selectFrom('upload').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async uploads(db: Db, ids: string[]): Promise<UploadRow[]> {
    if (ids.length === 0) return [];
    return db.selectFrom('upload').selectAll().where('id', 'in', ids).execute();
  },

  /** Re-attaching the same file to the same dossier (a supplement) updates its label. */
  async upsertAttachments(db: Db, rows: Insertable<DossierAttachmentTable>[]): Promise<AttachmentRow[]> {
    if (rows.length === 0) return [];
    return db
      .insertInto('dossier_attachment')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['dossier_code', 'upload_id']).doUpdateSet({
          kind: (eb) => eb.ref('excluded.kind'),
          label: (eb) => eb.ref('excluded.label'),
        }),
      )
      .returningAll()
      .execute();
  },

  async attachments(db: Db, dossierCode: string): Promise<AttachmentRow[]> {
    return db.selectFrom('dossier_attachment').selectAll().where('dossier_code', '=', dossierCode).orderBy('attached_at').orderBy('upload_id').execute();
  },

  /**
   * Dossiers attaching the upload that lie in the scope (units, or the communes of the provinces,
   * which the units module's index lists).
   */
  async dossiersInScope(db: Db, uploadId: string, scope: UnitScope, dossierCode?: string): Promise<string[]> {
    if (isEmptyScope(scope)) return [];
    let q = db.selectFrom('dossier_attachment as a').select('a.dossier_code').where('a.upload_id', '=', uploadId);
    if (!scope.all) {
      const units = [...new Set([...scope.units, ...scope.provinces.flatMap((p) => communesOf(p))])];
      if (units.length === 0) return [];
      q = q.where('a.unit_code', 'in', units);
    }
    if (dossierCode) q = q.where('a.dossier_code', '=', dossierCode);
    return (await q.orderBy('a.dossier_code').execute()).map((r) => r.dossier_code);
  },

  /** Every upload a citizen sent (attached or not), oldest first. */
  async ownedByCitizen(db: Db, idNumber: string): Promise<UploadRow[]> {
    return db
      .selectFrom('upload')
      .selectAll()
      .where('owner_kind', '=', 'citizen')
      .where('owner_ref', '=', idNumber)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },

  async attachedForApplicant(db: Db, uploadId: string, idNumber: string): Promise<boolean> {
    const row = await db
      .selectFrom('dossier_attachment')
      .select('dossier_code')
      .where('upload_id', '=', uploadId)
      .where('applicant_id_number', '=', idNumber)
      .executeTakeFirst();
    return row !== undefined;
  },

  async insertPersonalDocument(db: Db, row: Insertable<PersonalDocumentTable>): Promise<PersonalDocumentRow | undefined> {
    return db
      .insertInto('personal_document')
      .values(row)
      .onConflict((oc) => oc.columns(['owner_id_number', 'upload_id']).doNothing())
      .returningAll()
      .executeTakeFirst();
  },

  async personalDocumentByUpload(db: Db, idNumber: string, uploadId: string): Promise<PersonalDocumentRow | undefined> {
    return db.selectFrom('personal_document').selectAll().where('owner_id_number', '=', idNumber).where('upload_id', '=', uploadId).executeTakeFirst();
  },

  async personalDocuments(db: Db, idNumber: string) {
    return db
      .selectFrom('personal_document as d')
      .innerJoin('upload as u', 'u.id', 'd.upload_id')
      .select([
        'd.id',
        'd.title',
        'd.source',
        'd.dossier_code',
        'd.created_at',
        'd.updated_at',
        'd.upload_id',
        'u.media_type',
        'u.size',
        'u.filename',
        'u.sha256',
      ])
      .where('d.owner_id_number', '=', idNumber)
      .orderBy('d.created_at', 'desc')
      .orderBy('d.id')
      .execute();
  },

  async renamePersonalDocument(db: Db, idNumber: string, id: string, title: string, now: Date): Promise<boolean> {
    const r = await db
      .updateTable('personal_document')
      .set({ title, updated_at: now })
      .where('id', '=', id)
      .where('owner_id_number', '=', idNumber)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  },

  async deletePersonalDocument(db: Db, idNumber: string, id: string): Promise<boolean> {
    const r = await db.deleteFrom('personal_document').where('id', '=', id).where('owner_id_number', '=', idNumber).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  },

  async countUploads(db: Db): Promise<number> {
    const r = await sql<{ n: number }>`select count(*)::int as n from upload`.execute(db);
    return r.rows[0]?.n ?? 0;
  },
};
