import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { FeeReceiptTable, PaymentTable } from './tables.ts';

export type PaymentRow = PaymentTable;
export type ReceiptRow = FeeReceiptTable;

/** The payments module's SQL; decisions are the service's. */
export const paymentsStore = {
  insert: (db: Db, row: PaymentRow) => db.insertInto('payment').values(row).execute(),

  byId: (db: Db, id: string) => db.selectFrom('payment').selectAll().where('id', '=', id).executeTakeFirst(),

  byReference: (db: Db, reference: string) => db.selectFrom('payment').selectAll().where('reference', '=', reference).executeTakeFirst(),

  ofDossier: (db: Db, code: string) => db.selectFrom('payment').selectAll().where('dossier_code', '=', code).orderBy('created_at').orderBy('id').execute(),

  receiptsOf: (db: Db, paymentIds: string[]) =>
    paymentIds.length === 0 ? Promise.resolve([]) : db.selectFrom('fee_receipt').selectAll().where('payment_id', 'in', paymentIds).execute(),

  receiptOf: (db: Db, paymentId: string) => db.selectFrom('fee_receipt').selectAll().where('payment_id', '=', paymentId).executeTakeFirst(),

  receiptByToken: (db: Db, token: string) => db.selectFrom('fee_receipt').selectAll().where('verify_token', '=', token).executeTakeFirst(),

  /** Moves a payment out of one of `from` — the row lock makes a second, concurrent move find nothing. */
  async move(db: Db, id: string, from: PaymentRow['status'][], set: Partial<PaymentRow>): Promise<PaymentRow | undefined> {
    return db.updateTable('payment').set(set).where('id', '=', id).where('status', 'in', from).returningAll().executeTakeFirst();
  },

  /**
   * The next receipt number of a unit's year. The upsert takes the counter row's lock until the
   * caller's transaction ends, so numbers are handed out one at a time, and a rolled-back payment
   * gives its number back: no gaps, no duplicates.
   */
  async nextReceiptNumber(db: Db, unitCode: string, year: number): Promise<number> {
    const r = await sql<{ last_number: number }>`
      insert into fee_receipt_counter as c (unit_code, year, last_number) values (${unitCode}, ${year}, 1)
      on conflict (unit_code, year) do update set last_number = c.last_number + 1
      returning last_number`.execute(db);
    return Number(r.rows[0]!.last_number);
  },

  insertReceipt: (db: Db, row: ReceiptRow) => db.insertInto('fee_receipt').values(row).execute(),

  keepReceiptFile: (db: Db, id: string, blobKey: string, sha256: string) =>
    db.updateTable('fee_receipt').set({ blob_key: blobKey, sha256 }).where('id', '=', id).where('blob_key', 'is', null).execute(),

  cancelReceipt: (db: Db, paymentId: string, at: Date, reason: string) =>
    db
      .updateTable('fee_receipt')
      .set({ cancelled_at: at, cancel_reason: reason })
      .where('payment_id', '=', paymentId)
      .where('cancelled_at', 'is', null)
      .execute(),

  logIpn: (db: Db, row: { at: Date; reference: string | null; params: unknown; rsp_code: string }) =>
    db
      .insertInto('payment_ipn')
      .values({ ...row, params: JSON.stringify(row.params) })
      .execute(),

  /** Online orders still waiting for the gateway's word, oldest first (the querydr sweep). */
  unconfirmed: (db: Db, before: Date, limit: number) =>
    db
      .selectFrom('payment')
      .selectAll()
      .where('method', '=', 'vnpay')
      .where('status', 'in', ['pending', 'confirming'])
      .where('created_at', '<=', before)
      .orderBy('created_at')
      .limit(limit)
      .execute(),
};
