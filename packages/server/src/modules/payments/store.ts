import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { BankTransferTable, FeeReceiptTable, PaymentTable, ReconciliationLineTable } from './tables.ts';

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

  /** The credit, unless the unit already has its bank reference (then false: nothing recorded). */
  async insertTransfer(db: Db, row: BankTransferTable): Promise<boolean> {
    const r = await db
      .insertInto('bank_transfer')
      .values({ ...row, received_by: JSON.stringify(row.received_by) })
      .onConflict((oc) => oc.columns(['unit_code', 'bank_reference']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return r !== undefined;
  },

  setTransferOutcome: (db: Db, id: string, outcome: BankTransferTable['outcome'], paymentId: string | null) =>
    db.updateTable('bank_transfer').set({ outcome, payment_id: paymentId }).where('id', '=', id).execute(),

  transferById: (db: Db, id: string) => db.selectFrom('bank_transfer').selectAll().where('id', '=', id).executeTakeFirst(),

  transferByBankReference: (db: Db, unitCode: string, bankReference: string) =>
    db.selectFrom('bank_transfer').selectAll().where('unit_code', '=', unitCode).where('bank_reference', '=', bankReference).executeTakeFirst(),

  /** open: the lines that did not match by itself and nobody has settled yet. */
  transfersOf(db: Db, unitCode: string, open: boolean) {
    let q = db.selectFrom('bank_transfer').selectAll().where('unit_code', '=', unitCode);
    if (open) q = q.where('outcome', '!=', 'matched').where('settled_at', 'is', null);
    return q.orderBy('booked_on', 'desc').orderBy('received_at', 'desc').limit(500).execute();
  },

  transfersOfDay: (db: Db, unitCode: string, day: string) =>
    db.selectFrom('bank_transfer').selectAll().where('unit_code', '=', unitCode).where('booked_on', '=', day).execute(),

  settleTransfer: (db: Db, id: string, set: Pick<BankTransferTable, 'settled_at' | 'settled_by' | 'resolution' | 'settle_note'>) =>
    db
      .updateTable('bank_transfer')
      .set({ ...set, settled_by: JSON.stringify(set.settled_by) })
      .where('id', '=', id)
      .where('settled_at', 'is', null)
      .returningAll()
      .executeTakeFirst(),

  /** A unit's payments recorded as paid (or refunded after) within [from, to). */
  paidBetween: (db: Db, unitCode: string, from: Date, to: Date) =>
    db.selectFrom('payment').selectAll().where('unit_code', '=', unitCode).where('paid_at', '>=', from).where('paid_at', '<', to).execute(),

  /** Keeps a finding once per unit, day, kind and subject; a settled one stays settled. */
  async upsertFinding(db: Db, row: ReconciliationLineTable): Promise<void> {
    await db
      .insertInto('reconciliation_line')
      .values({ ...row, detail: JSON.stringify(row.detail), settled_by: null })
      .onConflict((oc) => oc.columns(['unit_code', 'day', 'kind', 'subject']).doUpdateSet({ detail: JSON.stringify(row.detail) }))
      .execute();
  },

  findingsOf: (db: Db, unitCode: string, day: string) =>
    db.selectFrom('reconciliation_line').selectAll().where('unit_code', '=', unitCode).where('day', '=', day).orderBy('kind').orderBy('subject').execute(),

  findingById: (db: Db, id: string) => db.selectFrom('reconciliation_line').selectAll().where('id', '=', id).executeTakeFirst(),

  settleFinding: (db: Db, id: string, set: Pick<ReconciliationLineTable, 'settled_at' | 'settled_by' | 'resolution' | 'settle_note'>) =>
    db
      .updateTable('reconciliation_line')
      .set({ ...set, settled_by: JSON.stringify(set.settled_by) })
      .where('id', '=', id)
      .where('settled_at', 'is', null)
      .returningAll()
      .executeTakeFirst(),
};
