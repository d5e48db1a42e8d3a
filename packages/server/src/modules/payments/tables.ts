import type { PaymentMethod, PaymentStatus } from '@motcua/core/api';

export interface PaymentTable {
  id: string;
  dossier_code: string;
  unit_code: string;
  method: PaymentMethod;
  status: PaymentStatus;
  amount_vnd: number;
  reference: string;
  /** The gateway terminal (vnp_TmnCode) the order was sent to. */
  terminal: string | null;
  gateway_txn_no: string | null;
  gateway_pay_date: string | null;
  started_by: unknown;
  created_at: Date;
  paid_at: Date | null;
  refunded_at: Date | null;
  refund_reason: string | null;
}

export interface FeeReceiptCounterTable {
  unit_code: string;
  year: number;
  last_number: number;
}

export interface FeeReceiptTable {
  id: string;
  payment_id: string;
  unit_code: string;
  year: number;
  number: number;
  issued_at: Date;
  verify_token: string;
  /** The signed PDF, rendered on first download and kept (same bytes every time after). */
  blob_key: string | null;
  sha256: string | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
}

export interface PaymentIpnTable {
  id: import('kysely').Generated<number>;
  at: Date;
  reference: string | null;
  params: unknown;
  rsp_code: string;
}

export interface SandboxVnpayTxnTable {
  txn_ref: string;
  tmn_code: string;
  amount: string;
  order_info: string;
  return_url: string;
  create_date: string;
  /** pending | paid | failed | cancelled | refunded */
  status: string;
  transaction_no: string | null;
  pay_date: string | null;
  /** An IPN the tester chose to hold back ("late"), sent from the sandbox page. */
  ipn_held: unknown;
  refunded_amount: string | null;
}

export interface BankTransferTable {
  id: string;
  unit_code: string;
  source: 'statement' | 'webhook';
  bank_reference: string;
  /** yyyy-MM-dd */
  booked_on: string;
  amount_vnd: number;
  description: string;
  outcome: import('@motcua/core/api').TransferOutcome;
  payment_id: string | null;
  received_at: Date;
  received_by: unknown;
  settled_at: Date | null;
  settled_by: unknown;
  resolution: string | null;
  settle_note: string | null;
}

export interface ReconciliationLineTable {
  id: string;
  unit_code: string;
  day: string;
  kind: string;
  subject: string;
  detail: unknown;
  found_at: Date;
  settled_at: Date | null;
  settled_by: unknown;
  resolution: string | null;
  settle_note: string | null;
}

declare module '../../db/schema.ts' {
  interface Database {
    bank_transfer: BankTransferTable;
    reconciliation_line: ReconciliationLineTable;
    payment: PaymentTable;
    fee_receipt_counter: FeeReceiptCounterTable;
    fee_receipt: FeeReceiptTable;
    payment_ipn: PaymentIpnTable;
    sandbox_vnpay_txn: SandboxVnpayTxnTable;
  }
}
