import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per attempt to collect a dossier's fee. `reference` is the order id the gateway
  // knows (vnp_TxnRef): unique, so a replayed or forged IPN can match at most one payment.
  await db.schema
    .createTable('payment')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('dossier_code', 'text', (c) => c.notNull().references('dossier.code'))
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('vnpay', 'vietqr', 'cash')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'confirming', 'paid', 'failed', 'refunded')`))
    .addColumn('amount_vnd', 'integer', (c) => c.notNull().check(sql`amount_vnd > 0`))
    .addColumn('reference', 'text', (c) => c.notNull().unique())
    .addColumn('terminal', 'text')
    .addColumn('gateway_txn_no', 'text')
    .addColumn('gateway_pay_date', 'text')
    .addColumn('started_by', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('paid_at', 'timestamptz')
    .addColumn('refunded_at', 'timestamptz')
    .addColumn('refund_reason', 'text')
    .execute();
  await db.schema.createIndex('payment_dossier_idx').on('payment').column('dossier_code').execute();

  // Receipt numbers: one counter row per unit and year, bumped in the transaction that records
  // the payment (its row lock orders concurrent payments; a rollback gives the number back).
  await db.schema
    .createTable('fee_receipt_counter')
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('fee_receipt_counter_pk', ['unit_code', 'year'])
    .execute();

  // A receipt is never deleted: a cancelled one keeps its number and is marked.
  await db.schema
    .createTable('fee_receipt')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('payment_id', 'uuid', (c) => c.notNull().unique().references('payment.id'))
    .addColumn('unit_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull())
    .addColumn('verify_token', 'text', (c) => c.notNull().unique())
    .addColumn('blob_key', 'text')
    .addColumn('sha256', 'text')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('cancel_reason', 'text')
    .addUniqueConstraint('fee_receipt_number_uq', ['unit_code', 'year', 'number'])
    .execute();

  // Every IPN heard, accepted or refused, with the answer given (the refusals are the log).
  await db.schema
    .createTable('payment_ipn')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('params', 'jsonb', (c) => c.notNull())
    .addColumn('rsp_code', 'text', (c) => c.notNull())
    .execute();

  // The built-in sandbox gateway's own books (what VNPAY would hold on its side).
  await db.schema
    .createTable('sandbox_vnpay_txn')
    .addColumn('txn_ref', 'text', (c) => c.primaryKey())
    .addColumn('tmn_code', 'text', (c) => c.notNull())
    .addColumn('amount', 'text', (c) => c.notNull())
    .addColumn('order_info', 'text', (c) => c.notNull())
    .addColumn('return_url', 'text', (c) => c.notNull())
    .addColumn('create_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('transaction_no', 'text')
    .addColumn('pay_date', 'text')
    .addColumn('ipn_held', 'jsonb')
    .addColumn('refunded_amount', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['sandbox_vnpay_txn', 'payment_ipn', 'fee_receipt', 'fee_receipt_counter', 'payment']) await db.schema.dropTable(t).ifExists().execute();
}
