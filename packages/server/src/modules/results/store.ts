import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { DocumentKind, ResultDocumentTable, ShipmentEventTable, ShipmentTable } from './tables.ts';

export type DocumentRow = Selectable<ResultDocumentTable>;
export type ShipmentRow = Selectable<ShipmentTable>;
export type ShipmentEventRow = Selectable<ShipmentEventTable>;

/** Queries of the results module; every function takes the connection or transaction to use. */
export const resultsStore = {
  documentByEvent: (db: Db, code: string, seq: number, kind: DocumentKind) =>
    db.selectFrom('result_document').selectAll().where('dossier_code', '=', code).where('event_seq', '=', seq).where('kind', '=', kind).executeTakeFirst(),

  document: (db: Db, id: string) => db.selectFrom('result_document').selectAll().where('id', '=', id).executeTakeFirst(),

  documentByToken: (db: Db, code: string, token: string) =>
    db.selectFrom('result_document').selectAll().where('dossier_code', '=', code).where('verify_token', '=', token).executeTakeFirst(),

  documentBySha: (db: Db, sha256: string) => db.selectFrom('result_document').selectAll().where('sha256', '=', sha256).executeTakeFirst(),

  documents: (db: Db, code: string) =>
    db.selectFrom('result_document').selectAll().where('dossier_code', '=', code).orderBy('event_seq').orderBy('created_at').execute(),

  countDocuments: async (db: Db, code: string) =>
    Number(
      (
        await db
          .selectFrom('result_document')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('dossier_code', '=', code)
          .executeTakeFirstOrThrow()
      ).n,
    ),

  /** The newest result or refusal: what a dossier hands back. */
  latestOutcome: (db: Db, code: string) =>
    db
      .selectFrom('result_document')
      .selectAll()
      .where('dossier_code', '=', code)
      .where('kind', 'in', ['result', 'refusal'])
      .orderBy('event_seq', 'desc')
      .limit(1)
      .executeTakeFirst(),

  insertDocument: (db: Db, row: Insertable<ResultDocumentTable>) => db.insertInto('result_document').values(row).execute(),

  linkPersonalCopy: (db: Db, id: string, personalDocumentId: string) =>
    db
      .updateTable('result_document')
      .set({ personal_document_id: personalDocumentId })
      .where('id', '=', id)
      .where('personal_document_id', 'is', null)
      .execute(),

  shipment: (db: Db, id: string) => db.selectFrom('shipment').selectAll().where('id', '=', id).executeTakeFirst(),

  shipmentByTracking: (db: Db, trackingNumber: string) =>
    db.selectFrom('shipment').selectAll().where('tracking_number', '=', trackingNumber).executeTakeFirst(),

  shipments: (db: Db, code: string) => db.selectFrom('shipment').selectAll().where('dossier_code', '=', code).orderBy('created_at').execute(),

  shipmentEvents: (db: Db, ids: string[]) =>
    ids.length === 0
      ? Promise.resolve([] as ShipmentEventRow[])
      : db.selectFrom('shipment_event').selectAll().where('shipment_id', 'in', ids).orderBy('id').execute(),
};
