import { randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FeeReceipt, Payment, PaymentList, PaymentMethod, VnpayIpnAnswer } from '@motcua/core/api';
import { inTransaction, type Db } from '../../db/database.ts';
import type { Actor } from '../../platform/access.ts';
import type { BankAccount } from '../../platform/config.ts';
import type { AppContext } from '../../platform/context.ts';
import { forbidden, notFound, Problem } from '../../platform/errors.ts';
import { appendAudit, auditActor } from '../audit/index.ts';
import { systemActor, type DossierService, type LoadedDossier } from '../dossiers/index.ts';
import { sha256Hex, type ResultsService } from '../results/index.ts';
import type { BlobStore } from '../uploads/index.ts';
import type { GatewayOrder, PaymentGateway } from './gateway.ts';
import { renderSignedReceipt } from './receipt.ts';
import { PaymentReconciliation } from './reconciliation.ts';
import { BankTransfers } from './transfers.ts';
import { paymentsStore as store, type PaymentRow, type ReceiptRow } from './store.ts';
import { demoAccount, vietQr } from './vietqr.ts';
import { IPN, type VnpParams } from './vnpay.ts';

export type FeeDueAt = 'submission' | 'intake' | 'result';

/** Desk roles that take money and give it back (the one-stop desk, outreach teams, the commune's admin). */
const COLLECTORS = ['receptionist', 'outreach', 'commune_admin'] as const;
/** Where the rules return the fee: refused at intake, withdrawn before processing (issue #13; docs/rules.md). */
const REFUNDABLE_STATES = ['refused_intake', 'withdrawn'];
const CLOSED_STATES = ['refused_intake', 'withdrawn', 'cancelled', 'returned'];
const SYSTEM = systemActor('Cổng thanh toán');

const problem = (status: number, code: string, vi: string, en: string) => new Problem(status, code, vi, en);

function vietnamYear(at: Date): number {
  return new Date(at.getTime() + 7 * 3600_000).getUTCFullYear();
}

/**
 * Collects a dossier's fee (its `feeVnd`): starts online orders at the gateway, confirms them only
 * from the signed server-to-server IPN (or the gateway's own answer to querydr), records cash
 * taken at the desk, numbers receipts per unit and year without gaps, and refunds at most once.
 */
export class PaymentsService {
  /** Bank transfers by VietQR and their matching (transfers.ts). */
  readonly transfers: BankTransfers;
  /** Daily reconciliation per unit (reconciliation.ts). */
  readonly reconciliation: PaymentReconciliation;

  constructor(
    private readonly ctx: AppContext,
    private readonly deps: { dossiers: DossierService; results: ResultsService; blobs: BlobStore; gateway: PaymentGateway },
  ) {
    this.transfers = new BankTransfers(ctx, this);
    this.reconciliation = new PaymentReconciliation(ctx);
  }

  get gateway(): PaymentGateway {
    return this.deps.gateway;
  }

  private async visible(actor: Actor, code: string): Promise<LoadedDossier> {
    return this.deps.dossiers.loadVisible(actor, code, ['results']);
  }

  private feeOf(loaded: LoadedDossier): { feeVnd: number | null; feeDueAt: FeeDueAt } {
    // feeDueAt arrives with the fee rules (issue #13, fees part); until then fees are due at intake.
    const intake = loaded.intake as typeof loaded.intake & { feeDueAt?: FeeDueAt };
    return { feeVnd: intake.feeVnd, feeDueAt: intake.feeDueAt ?? 'intake' };
  }

  async list(actor: Actor, code: string): Promise<PaymentList> {
    const loaded = await this.visible(actor, code);
    const rows = await store.ofDossier(this.ctx.db, code);
    await this.deps.dossiers.auditRead(actor, { action: 'payments.list', dossierCode: code, kinds: ['results'], detail: { count: rows.length } });
    const items = await this.json(rows);
    for (const [i, row] of rows.entries()) {
      const qr = await this.qrOf(row);
      if (qr) items[i]!.qr = qr;
    }
    return { items, ...this.feeOf(loaded), paid: items.some((p) => p.status === 'paid') };
  }

  async start(actor: Actor, code: string, method: PaymentMethod, ipAddr: string): Promise<Payment> {
    const loaded = await this.visible(actor, code);
    const { feeVnd } = this.feeOf(loaded);
    if (actor.kind === 'citizen' && method === 'cash')
      throw forbidden('Tiền mặt được nộp tại Bộ phận Một cửa, cán bộ ghi nhận.', 'Cash is paid at the desk and recorded by the official.');
    if (actor.kind === 'official' && !COLLECTORS.some((r) => actor.roles.includes(r)))
      throw forbidden('Chỉ cán bộ tiếp nhận thu phí, lệ phí.', 'Only desk officials collect fees.');
    // The desk records cash or shows the transfer QR (at the counter, in a far hamlet); the card
    // gateway is the citizen's own.
    if (actor.kind === 'official' && method === 'vnpay')
      throw problem(
        409,
        'payment_method_unavailable',
        'Cán bộ ghi nhận tiền mặt hoặc đưa mã VietQR; công dân tự thanh toán trực tuyến.',
        'Officials record cash or show the VietQR code; citizens pay online themselves.',
      );
    if (!feeVnd || feeVnd <= 0) throw problem(409, 'no_fee_due', 'Hồ sơ này không phải nộp phí, lệ phí.', 'No fee is due on this dossier.');
    if (CLOSED_STATES.includes(loaded.view.state))
      throw problem(409, 'invalid_state', 'Hồ sơ đã kết thúc, không thu phí.', 'The dossier is closed; no fee is collected.');
    const existing = await store.ofDossier(this.ctx.db, code);
    if (existing.some((p) => p.status === 'paid')) throw problem(409, 'already_paid', 'Hồ sơ đã được thanh toán.', 'This dossier is already paid.');
    const account = method === 'vietqr' ? this.bankAccountOf(loaded.view.unitCode) : null;
    if (method === 'vietqr' && !account)
      throw problem(
        409,
        'payment_method_unavailable',
        'Chuyển khoản VietQR chưa được cấu hình cho đơn vị.',
        'Bank transfer by VietQR is not configured for this unit.',
      );
    // One open transfer order per dossier: a QR shown twice carries the same reference, so a
    // citizen who scans the first one still matches.
    const openTransfer = method === 'vietqr' ? existing.find((p) => p.method === 'vietqr' && p.status === 'pending' && p.amount_vnd === feeVnd) : undefined;
    if (openTransfer && account) {
      const [json] = await this.json([openTransfer]);
      json!.qr = await vietQr(account.account, openTransfer.amount_vnd, openTransfer.reference, account.demo);
      return json!;
    }

    const now = this.ctx.clock.now();
    const row: PaymentRow = {
      id: randomUUID(),
      dossier_code: code,
      unit_code: loaded.view.unitCode,
      method,
      status: method === 'cash' ? 'paid' : 'pending',
      amount_vnd: feeVnd,
      // vnp_TxnRef: letters and digits only, unique per terminal.
      reference: `MC${randomBytes(8).toString('hex').toUpperCase()}`,
      terminal: method === 'vnpay' ? this.deps.gateway.terminal : null,
      gateway_txn_no: null,
      gateway_pay_date: null,
      started_by: auditActor(actor),
      created_at: now,
      paid_at: method === 'cash' ? now : null,
      refunded_at: null,
      refund_reason: null,
    };
    await inTransaction(this.ctx.db, async (trx) => {
      await store.insert(trx, row);
      await appendAudit(trx, {
        at: now,
        actor: auditActor(actor),
        action: method === 'cash' ? 'payments.cash.recorded' : 'payments.started',
        dossierCode: code,
        detail: { paymentId: row.id, method, amountVnd: feeVnd, reference: row.reference },
      });
      if (method === 'cash') await this.issueReceipt(trx, row, now);
    });
    const [json] = await this.json([row]);
    if (method === 'vnpay') {
      const returnUrl = `${this.ctx.config.publicUrl}/api/payments/vnpay/return`;
      json!.redirectUrl = this.deps.gateway.payUrl(this.order(row, ipAddr), returnUrl);
    }
    if (account) json!.qr = await vietQr(account.account, row.amount_vnd, row.reference, account.demo);
    return json!;
  }

  /** The unit's account for VietQR transfers; every unit has the labelled demo one until accounts are configured. */
  bankAccountOf(unitCode: string): { account: BankAccount; demo: boolean } | null {
    const configured = this.ctx.config.payments.bankAccounts;
    if (!configured) return { account: demoAccount(unitCode), demo: true };
    const account = configured[unitCode];
    return account ? { account, demo: false } : null;
  }

  /** The QR of an open VietQR payment (for the receipt page and the desk to show again). */
  async qrOf(row: PaymentRow) {
    const account = row.method === 'vietqr' && row.status === 'pending' ? this.bankAccountOf(row.unit_code) : null;
    return account ? vietQr(account.account, row.amount_vnd, row.reference, account.demo) : undefined;
  }

  private order(row: PaymentRow, ipAddr = '127.0.0.1'): GatewayOrder {
    return {
      reference: row.reference,
      amountVnd: row.amount_vnd,
      orderInfo: `Thanh toan le phi ho so ${row.dossier_code}`,
      createdAt: new Date(row.created_at),
      ipAddr,
    };
  }

  /** Inside the transaction that records the payment: the number is taken only if it commits. */
  async issueReceipt(trx: Db, row: PaymentRow, at: Date): Promise<void> {
    const year = vietnamYear(at);
    const number = await store.nextReceiptNumber(trx, row.unit_code, year);
    await store.insertReceipt(trx, {
      id: randomUUID(),
      payment_id: row.id,
      unit_code: row.unit_code,
      year,
      number,
      issued_at: at,
      verify_token: randomBytes(10).toString('hex'),
      blob_key: null,
      sha256: null,
      cancelled_at: null,
      cancel_reason: null,
    });
  }

  /**
   * The server-to-server IPN. Accepted only with a valid signature, our terminal, a known order
   * and its exact amount; a replay or a second IPN changes nothing and answers 02. Every IPN,
   * accepted or refused, is logged with the answer given.
   */
  async ipn(params: VnpParams): Promise<VnpayIpnAnswer> {
    const answer = await this.decideIpn(params).catch(() => IPN.unknown);
    await store.logIpn(this.ctx.db, { at: this.ctx.clock.now(), reference: params.vnp_TxnRef ?? null, params, rsp_code: answer.RspCode });
    return answer;
  }

  private async decideIpn(params: VnpParams): Promise<VnpayIpnAnswer> {
    const cb = this.deps.gateway.readCallback(params);
    if (!cb.signatureValid) return IPN.invalidSignature;
    // Another terminal's order is not one of ours, whatever it claims.
    if (cb.terminal !== this.deps.gateway.terminal) return IPN.notFound;
    const row = await store.byReference(this.ctx.db, cb.reference);
    if (row?.method !== 'vnpay' || row.terminal !== cb.terminal) return IPN.notFound;
    if (cb.amountVnd !== row.amount_vnd) return IPN.invalidAmount;
    if (row.status !== 'pending' && row.status !== 'confirming') return IPN.alreadyConfirmed;
    const moved = await this.settle(row, cb.succeeded, cb.transactionNo, cb.payDate, 'ipn');
    return moved ? IPN.confirmed : IPN.alreadyConfirmed;
  }

  /** Records the gateway's word on an order once: the conditional move is the guard against a second. */
  private async settle(row: PaymentRow, succeeded: boolean, transactionNo: string | null, payDate: string | null, via: 'ipn' | 'querydr'): Promise<boolean> {
    const now = this.ctx.clock.now();
    return inTransaction(this.ctx.db, async (trx) => {
      const moved = await store.move(trx, row.id, ['pending', 'confirming'], {
        status: succeeded ? 'paid' : 'failed',
        paid_at: succeeded ? now : null,
        gateway_txn_no: transactionNo,
        gateway_pay_date: payDate,
      });
      if (!moved) return false;
      if (succeeded) await this.issueReceipt(trx, moved, now);
      const others = succeeded ? (await store.ofDossier(trx, row.dossier_code)).filter((p) => p.status === 'paid' && p.id !== row.id) : [];
      await appendAudit(trx, {
        at: now,
        actor: auditActor(SYSTEM),
        action: succeeded ? 'payments.confirmed' : 'payments.failed',
        dossierCode: row.dossier_code,
        detail: { paymentId: row.id, via, transactionNo, amountVnd: row.amount_vnd, ...(others.length ? { paidTwice: others.map((p) => p.id) } : {}) },
      });
      return true;
    });
  }

  /**
   * The citizen's browser back from the gateway: shown, never trusted. A signed "success" only
   * moves a pending order to "confirming" (đang xác nhận) until the IPN or querydr says so.
   */
  async returned(params: VnpParams): Promise<{ dossierCode: string | null; paymentId: string | null; outcome: 'confirming' | 'failed' | 'invalid' }> {
    const cb = this.deps.gateway.readCallback(params);
    if (!cb.signatureValid) return { dossierCode: null, paymentId: null, outcome: 'invalid' };
    const row = await store.byReference(this.ctx.db, cb.reference);
    if (!row) return { dossierCode: null, paymentId: null, outcome: 'invalid' };
    if (cb.succeeded) await store.move(this.ctx.db, row.id, ['pending'], { status: 'confirming' });
    return { dossierCode: row.dossier_code, paymentId: row.id, outcome: cb.succeeded ? 'confirming' : 'failed' };
  }

  /** Orders whose IPN never came: ask the gateway (querydr) and record its signed answer. */
  async queryUnconfirmed(olderThanMs = 5 * 60_000, limit = 50): Promise<number> {
    const now = this.ctx.clock.now();
    let settled = 0;
    for (const row of await store.unconfirmed(this.ctx.db, new Date(now.getTime() - olderThanMs), limit)) {
      const standing = await this.deps.gateway.query(this.order(row), now).catch(() => null);
      if (!standing || standing.status === 'pending' || standing.status === 'unknown') continue;
      if (standing.status === 'paid' && standing.amountVnd !== row.amount_vnd) continue; // a person looks at it (reconciliation)
      if (await this.settle(row, standing.status === 'paid', standing.transactionNo, standing.payDate, 'querydr')) settled++;
    }
    return settled;
  }

  /**
   * Gives a fee back where the rules return it (refused at intake, withdrawn) or when the dossier
   * was paid twice: through the gateway for an online payment, as recorded cash otherwise.
   * Never twice: the move out of 'paid' happens once, and a gateway refusal rolls it back.
   */
  async refund(actor: Actor, code: string, paymentId: string, reason: string): Promise<Payment> {
    const loaded = await this.visible(actor, code);
    if (actor.kind !== 'official' || !COLLECTORS.some((r) => actor.roles.includes(r))) throw forbidden();
    const row = await store.byId(this.ctx.db, paymentId);
    if (!row || row.dossier_code !== code) throw notFound('khoản thanh toán', 'Payment', paymentId);
    const duplicate = (await this.json(await store.ofDossier(this.ctx.db, code))).some((p) => p.id === row.id && p.duplicate);
    if (row.status !== 'paid' || (!REFUNDABLE_STATES.includes(loaded.view.state) && !duplicate))
      throw problem(
        409,
        'payment_not_refundable',
        'Khoản này không được hoàn (chưa thu, đã hoàn, hoặc hồ sơ không thuộc trường hợp hoàn phí).',
        'This payment cannot be refunded (not collected, already refunded, or the dossier does not qualify).',
      );
    const now = this.ctx.clock.now();
    // Claimed first, in its own commit: a second, concurrent refund finds nothing to move. The
    // gateway is called outside any transaction (the sandbox on this server shares the database);
    // if it refuses, the claim is given back.
    const claimed = await store.move(this.ctx.db, row.id, ['paid'], { status: 'refunded', refunded_at: now, refund_reason: reason });
    if (!claimed) throw problem(409, 'payment_not_refundable', 'Khoản này đã được hoàn.', 'This payment was already refunded.');
    if (row.method === 'vnpay') {
      const r = await this.deps.gateway
        .refund({ ...this.order(row), transactionNo: row.gateway_txn_no ?? '', by: actor.fullName }, now)
        .catch(() => ({ ok: false, responseCode: 'unreachable' }));
      if (!r.ok) {
        await store.move(this.ctx.db, row.id, ['refunded'], { status: 'paid', refunded_at: null, refund_reason: null });
        throw problem(
          502,
          'gateway_unavailable',
          `Cổng thanh toán không hoàn được tiền (mã ${r.responseCode}).`,
          `The gateway did not refund (code ${r.responseCode}).`,
        );
      }
    }
    await inTransaction(this.ctx.db, async (trx) => {
      await store.cancelReceipt(trx, row.id, now, `Hoàn tiền: ${reason}`);
      await appendAudit(trx, {
        at: now,
        actor: auditActor(actor),
        action: 'payments.refunded',
        dossierCode: code,
        detail: { paymentId: row.id, method: row.method, amountVnd: row.amount_vnd, reason, duplicate },
      });
    });
    const [json] = await this.json([(await store.byId(this.ctx.db, row.id))!]);
    return json!;
  }

  /** The signed receipt PDF, rendered and signed on first download and kept; the same bytes after. */
  async receiptFile(actor: Actor, code: string, paymentId: string): Promise<{ bytes: Buffer; number: string; sha256: string }> {
    const loaded = await this.visible(actor, code);
    const row = await store.byId(this.ctx.db, paymentId);
    const receipt = row && row.dossier_code === code ? await store.receiptOf(this.ctx.db, paymentId) : undefined;
    if (!row || !receipt) throw notFound('biên lai', 'Receipt', paymentId);
    await this.deps.dossiers.auditRead(actor, { action: 'payments.receipt.read', dossierCode: code, kinds: ['results'], detail: { paymentId } });
    if (receipt.blob_key && receipt.sha256) {
      const chunks: Buffer[] = [];
      for await (const c of this.deps.blobs.get(receipt.blob_key)) chunks.push(c as Buffer);
      return { bytes: Buffer.concat(chunks), number: receiptNumber(receipt), sha256: receipt.sha256 };
    }
    const collector = row.started_by as { name?: string };
    const signed = await renderSignedReceipt(this.deps.results, {
      unitCode: row.unit_code,
      number: receiptNumber(receipt),
      issuedAt: new Date(receipt.issued_at),
      dossierCode: code,
      procedureName: loaded.intake.procedureName,
      payerName: loaded.intake.applicant.fullName,
      amountVnd: row.amount_vnd,
      method: row.method,
      reference: row.gateway_txn_no ? `${row.reference} / ${row.gateway_txn_no}` : row.reference,
      collectedBy: row.method === 'cash' ? (collector.name ?? 'Cán bộ tiếp nhận') : 'Thu qua cổng thanh toán',
      verificationUrl: this.verifyUrl(receipt),
    });
    const sha256 = sha256Hex(signed);
    const key = `payments/receipts/${sha256.slice(0, 2)}/${sha256}.pdf`;
    await this.deps.blobs.put(key, Readable.from([Buffer.from(signed)]));
    await store.keepReceiptFile(this.ctx.db, receipt.id, key, sha256);
    // A concurrent first download may have kept its own file first: serve whichever was kept.
    const kept = (await store.receiptOf(this.ctx.db, paymentId))!;
    if (kept.sha256 !== sha256) return this.receiptFile(actor, code, paymentId);
    return { bytes: Buffer.from(signed), number: receiptNumber(receipt), sha256 };
  }

  /** The public verify page's facts for a receipt's QR token (no personal data). */
  async verify(token: string) {
    const r = /^[0-9a-f]{20}$/.test(token) ? await store.receiptByToken(this.ctx.db, token) : undefined;
    if (!r) return null;
    const p = (await store.byId(this.ctx.db, r.payment_id))!;
    return {
      number: receiptNumber(r),
      unitCode: r.unit_code,
      amountVnd: p.amount_vnd,
      issuedAt: new Date(r.issued_at),
      cancelled: r.cancelled_at !== null,
      cancelReason: r.cancel_reason,
      sha256: r.sha256,
      dossierCode: p.dossier_code,
    };
  }

  private verifyUrl(r: ReceiptRow): string {
    return `${this.ctx.config.publicUrl}/verify/receipt/${r.verify_token}`;
  }

  private async json(rows: PaymentRow[]): Promise<Payment[]> {
    const receipts = new Map(
      (
        await store.receiptsOf(
          this.ctx.db,
          rows.map((r) => r.id),
        )
      ).map((r) => [r.payment_id, r]),
    );
    // Paid twice over two channels: every confirmed payment after the first (by receipt number,
    // the order the money was recorded in) is flagged for refund.
    const byNumber = (r: PaymentRow) => receipts.get(r.id)?.number ?? Number.MAX_SAFE_INTEGER;
    const firstPaid = rows.filter((r) => r.paid_at !== null && r.status !== 'failed').sort((a, b) => byNumber(a) - byNumber(b))[0];
    return rows.map((r) => {
      const receipt = receipts.get(r.id);
      const out: Payment = {
        id: r.id,
        dossierCode: r.dossier_code,
        method: r.method,
        status: r.status,
        amountVnd: r.amount_vnd,
        reference: r.reference,
        createdAt: new Date(r.created_at).toISOString(),
        paidAt: r.paid_at ? new Date(r.paid_at).toISOString() : null,
        refundedAt: r.refunded_at ? new Date(r.refunded_at).toISOString() : null,
        duplicate: r.status === 'paid' && firstPaid !== undefined && firstPaid.id !== r.id,
      };
      if (receipt) out.receipt = receiptJson(r, receipt);
      return out;
    });
  }
}

export function receiptNumber(r: Pick<ReceiptRow, 'number' | 'year'>): string {
  return `${String(r.number).padStart(7, '0')}/${r.year}`;
}

function receiptJson(p: PaymentRow, r: ReceiptRow): FeeReceipt {
  return {
    number: receiptNumber(r),
    year: r.year,
    sequence: r.number,
    issuedAt: new Date(r.issued_at).toISOString(),
    cancelled: r.cancelled_at !== null,
    cancelReason: r.cancel_reason,
    downloadUrl: `/api/dossiers/${encodeURIComponent(p.dossier_code)}/payments/${p.id}/receipt.pdf`,
  };
}
