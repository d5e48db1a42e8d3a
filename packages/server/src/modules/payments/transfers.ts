import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { Readable } from 'node:stream';
import type { BankNotification, BankNotificationAnswer, BankStatementImportResult, BankTransfer, SettleResolution, TransferOutcome } from '@motcua/core/api';
import { inTransaction, type Db } from '../../db/database.ts';
import type { Actor } from '../../platform/access.ts';
import type { AppContext } from '../../platform/context.ts';
import { badRequest, forbidden, notFound, Problem } from '../../platform/errors.ts';
import { appendAudit, auditActor } from '../audit/index.ts';
import { systemActor } from '../dossiers/index.ts';
import { readRows, UnreadableFile } from '../discrepancies/index.ts';
import type { PaymentsService } from './service.ts';
import { paymentsStore as store } from './store.ts';
import type { BankTransferTable } from './tables.ts';

/** Officials of the unit who take money and settle what did not match by itself. */
const SETTLERS = ['receptionist', 'outreach', 'commune_admin'] as const;
const BANK = systemActor('Ngân hàng');
/** Our payment references (service.start): MC + 16 hex digits. Banks drop spaces and change case. */
const REFERENCE = /MC[0-9A-F]{16}/g;

export interface TransferLine {
  bankReference: string;
  bookedOn: string;
  amountVnd: number;
  description: string;
}

/** Finds our payment references in a transfer message, whatever the bank did to spaces and case. */
export function referencesIn(description: string): string[] {
  const squeezed = description.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return [...new Set(squeezed.match(REFERENCE) ?? [])];
}

/** `sha256=<hex>` of the raw body with the shared secret (the bank notification's signature). */
export function signBankNotification(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

/**
 * Matches credits to a unit's account with the dossiers' VietQR payments: a transfer whose
 * message carries a pending payment's reference and its exact amount confirms it once (receipt
 * numbered as for any payment); anything else is kept for a person to settle.
 */
export class BankTransfers {
  constructor(
    private readonly ctx: AppContext,
    private readonly payments: PaymentsService,
  ) {}

  private mayHandle(actor: Actor, unitCode: string): void {
    if (actor.kind !== 'official' || !SETTLERS.some((r) => actor.roles.includes(r)) || !actor.unitCodes.includes(unitCode))
      throw forbidden('Chỉ cán bộ thu phí của đơn vị xử lý sao kê.', 'Only the unit’s desk officials handle its bank statements.');
  }

  /** A statement file (CSV or .xlsx): every credit line recorded once; re-importing changes nothing. */
  async importStatement(actor: Actor, unitCode: string, fileName: string, contentBase64: string): Promise<BankStatementImportResult> {
    this.mayHandle(actor, unitCode);
    const lines = await parseStatement(Buffer.from(contentBase64, 'base64'));
    const result: BankStatementImportResult = { lines: lines.credits.length, recorded: 0, alreadyKnown: 0, skipped: lines.skipped, matched: 0, toSettle: [] };
    for (const line of lines.credits) {
      const r = await this.record(unitCode, 'statement', line, auditActor(actor));
      if (!r) {
        result.alreadyKnown++;
        continue;
      }
      result.recorded++;
      if (r.outcome === 'matched') result.matched++;
      else result.toSettle.push(await this.json(r));
    }
    await appendAudit(this.ctx.db, {
      at: this.ctx.clock.now(),
      actor: auditActor(actor),
      action: 'payments.statement.imported',
      dossierCode: null,
      detail: { unitCode, fileName, lines: result.lines, recorded: result.recorded, matched: result.matched, toSettle: result.toSettle.length },
    });
    return result;
  }

  /**
   * The bank's signed notification of a credit. The signature is checked over the raw body
   * before anything is read from it; a forged or missing one is refused with no change.
   */
  async notification(rawBody: string, signature: string | undefined, parse: (raw: string) => BankNotification): Promise<BankNotificationAnswer> {
    const expected = Buffer.from(signBankNotification(this.ctx.config.payments.bankWebhookSecret, rawBody));
    const given = Buffer.from(signature ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new Problem(401, 'invalid_signature', 'Chữ ký thông báo ngân hàng không hợp lệ.', 'The bank notification’s signature is not valid.');
    const n = parse(rawBody);
    const r = await this.record(n.unitCode, 'webhook', n, auditActor(BANK));
    if (!r) {
      const known = (await store.transferByBankReference(this.ctx.db, n.unitCode, n.bankReference))!;
      return { recorded: false, outcome: known.outcome };
    }
    return { recorded: true, outcome: r.outcome };
  }

  /**
   * Records one credit and what it means, in one transaction: the unique bank reference makes a
   * second report of the same transfer record nothing (undefined), and the conditional move of
   * the payment makes two transfers for it confirm it once.
   */
  private async record(unitCode: string, source: 'statement' | 'webhook', line: TransferLine, by: unknown): Promise<BankTransferTable | undefined> {
    const now = this.ctx.clock.now();
    return inTransaction(this.ctx.db, async (trx) => {
      const row: BankTransferTable = {
        id: randomUUID(),
        unit_code: unitCode,
        source,
        bank_reference: line.bankReference,
        booked_on: line.bookedOn,
        amount_vnd: line.amountVnd,
        description: line.description,
        outcome: 'unmatched',
        payment_id: null,
        received_at: now,
        received_by: by,
        settled_at: null,
        settled_by: null,
        resolution: null,
        settle_note: null,
      };
      if (!(await store.insertTransfer(trx, row))) return undefined;
      const payment = await this.paymentFor(trx, unitCode, line.description);
      if (!payment) return row;
      row.payment_id = payment.id;
      row.outcome = await this.outcomeFor(trx, payment, line.amountVnd, now);
      await store.setTransferOutcome(trx, row.id, row.outcome, payment.id);
      await appendAudit(trx, {
        at: now,
        actor: auditActor(BANK),
        action: row.outcome === 'matched' ? 'payments.confirmed' : 'payments.transfer.to_settle',
        dossierCode: payment.dossier_code,
        detail: { paymentId: payment.id, via: source, bankReference: line.bankReference, amountVnd: line.amountVnd, outcome: row.outcome },
      });
      return row;
    });
  }

  private async paymentFor(trx: Db, unitCode: string, description: string) {
    for (const ref of referencesIn(description)) {
      const p = await store.byReference(trx, ref);
      if (p && p.unit_code === unitCode && p.method === 'vietqr') return p;
    }
    return undefined;
  }

  private async outcomeFor(
    trx: Db,
    payment: NonNullable<Awaited<ReturnType<typeof store.byReference>>>,
    amountVnd: number,
    now: Date,
  ): Promise<TransferOutcome> {
    if (amountVnd < payment.amount_vnd) return 'partial';
    if (amountVnd > payment.amount_vnd) return 'excess';
    const moved = await store.move(trx, payment.id, ['pending', 'confirming'], { status: 'paid', paid_at: now });
    if (!moved) return 'duplicate';
    await this.payments.issueReceipt(trx, moved, now);
    return 'matched';
  }

  async list(actor: Actor, unitCode: string, state: 'open' | 'all' = 'open'): Promise<BankTransfer[]> {
    this.mayHandle(actor, unitCode);
    const rows = await store.transfersOf(this.ctx.db, unitCode, state === 'open');
    return Promise.all(rows.map((r) => this.json(r)));
  }

  /** A person's decision on a line that did not match by itself; audited, once. */
  async settle(actor: Actor, id: string, resolution: SettleResolution, note: string): Promise<BankTransfer> {
    const row = await store.transferById(this.ctx.db, id);
    if (!row) throw notFound('giao dịch chuyển khoản', 'Bank transfer', id);
    this.mayHandle(actor, row.unit_code);
    if (row.outcome === 'matched') throw badRequest('Giao dịch đã khớp, không cần xử lý.', 'This transfer matched by itself; nothing to settle.');
    const now = this.ctx.clock.now();
    const settled = await inTransaction(this.ctx.db, async (trx) => {
      const moved = await store.settleTransfer(trx, id, { settled_at: now, settled_by: auditActor(actor), resolution, settle_note: note });
      if (!moved) return undefined;
      const payment = moved.payment_id ? await store.byId(trx, moved.payment_id) : undefined;
      await appendAudit(trx, {
        at: now,
        actor: auditActor(actor),
        action: 'payments.transfer.settled',
        dossierCode: payment?.dossier_code ?? null,
        detail: { transferId: id, bankReference: moved.bank_reference, amountVnd: moved.amount_vnd, outcome: moved.outcome, resolution, note },
      });
      return moved;
    });
    if (!settled) throw new Problem(409, 'already_settled', 'Giao dịch này đã được xử lý.', 'This transfer was already settled.');
    return this.json(settled);
  }

  private async json(r: BankTransferTable): Promise<BankTransfer> {
    const payment = r.payment_id ? await store.byId(this.ctx.db, r.payment_id) : undefined;
    const by = r.settled_by as { name?: string } | null;
    return {
      id: r.id,
      unitCode: r.unit_code,
      source: r.source,
      bankReference: r.bank_reference,
      bookedOn: r.booked_on,
      amountVnd: Number(r.amount_vnd),
      description: r.description,
      outcome: r.outcome,
      paymentReference: payment?.reference ?? null,
      dossierCode: payment?.dossier_code ?? null,
      receivedAt: new Date(r.received_at).toISOString(),
      settlement:
        r.settled_at && r.resolution
          ? { at: new Date(r.settled_at).toISOString(), by: by?.name ?? '', resolution: r.resolution as SettleResolution, note: r.settle_note ?? '' }
          : null,
    };
  }
}

const HEADERS = {
  date: /^(ngay|ngày|date|ngày giao dịch|ngay giao dich|booking date|transaction date)/i,
  amount: /^(so tien|số tiền|amount|credit|ghi có|ghi co|có)/i,
  description: /^(noi dung|nội dung|description|message|diễn giải|dien giai|details)/i,
  reference: /^(ma giao dich|mã giao dịch|so tham chieu|số tham chiếu|reference|bank reference|ref|transaction id|mã gd)/i,
} as const;

/** "8.000", "8,000", "8000 đ", 8000 → 8000; debits (negative) and blanks → null. */
function amountOf(cell: string): number | null {
  const t = cell.trim();
  if (!t || t.startsWith('-')) return null;
  const digits = t.replace(/[.,]00$/, '').replace(/\D/g, '');
  const n = Number(digits);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** yyyy-MM-dd, dd/MM/yyyy or dd-MM-yyyy (Vietnamese banks' statements) → yyyy-MM-dd. */
function dayOf(cell: string): string | null {
  const t = cell.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})/.exec(t);
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return null;
}

/** The credit lines of a bank statement; a file without the four columns is a 400. */
export async function parseStatement(bytes: Buffer): Promise<{ credits: TransferLine[]; skipped: number }> {
  const credits: TransferLine[] = [];
  let skipped = 0;
  let cols: Record<keyof typeof HEADERS, number> | null = null;
  try {
    for await (const { cells } of readRows(Readable.from([bytes]))) {
      if (!cols) {
        const find = (re: RegExp) => cells.findIndex((c) => re.test(c.trim()));
        const found = { date: find(HEADERS.date), amount: find(HEADERS.amount), description: find(HEADERS.description), reference: find(HEADERS.reference) };
        if (Object.values(found).some((i) => i < 0)) continue; // banks put a title block above the table
        cols = found;
        continue;
      }
      const amount = amountOf(cells[cols.amount] ?? '');
      const day = dayOf(cells[cols.date] ?? '');
      const reference = (cells[cols.reference] ?? '').trim();
      if (amount === null || !day || !reference) {
        skipped++;
        continue;
      }
      credits.push({ bankReference: reference.slice(0, 64), bookedOn: day, amountVnd: amount, description: (cells[cols.description] ?? '').slice(0, 500) });
    }
  } catch (err) {
    if (err instanceof UnreadableFile)
      throw badRequest('Tệp sao kê không đọc được (CSV hoặc Excel .xlsx).', 'The statement is not a readable CSV or .xlsx file.');
    throw err;
  }
  if (!cols)
    throw badRequest(
      'Sao kê cần các cột: ngày, số tiền, nội dung, mã giao dịch.',
      'The statement needs the columns date, amount, description, bank reference.',
    );
  return { credits, skipped };
}
