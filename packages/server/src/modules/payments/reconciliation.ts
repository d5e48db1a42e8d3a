import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Finding, FindingKind, Reconciliation, SettleResolution } from '@motcua/core/api';
import { inTransaction } from '../../db/database.ts';
import type { Actor } from '../../platform/access.ts';
import type { AppContext } from '../../platform/context.ts';
import { badRequest, forbidden, notFound, Problem } from '../../platform/errors.ts';
import { appendAudit, auditActor } from '../audit/index.ts';
import { sandboxStatementCsv, STATEMENT_HEADER } from './sandbox.ts';
import { paymentsStore as store, type PaymentRow } from './store.ts';
import type { ReconciliationLineTable } from './tables.ts';

const SETTLERS = ['receptionist', 'outreach', 'commune_admin'] as const;

export interface GatewayLine {
  tmnCode: string;
  txnRef: string;
  transactionNo: string;
  amountVnd: number;
  payDate: string;
  status: string;
}

/** The gateway's statement CSV (the sandbox's, or the merchant portal's export uploaded). */
export function parseGatewayStatement(csv: string): GatewayLine[] {
  const [header, ...rows] = csv
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  if (header?.trim() !== STATEMENT_HEADER)
    throw badRequest('Sao kê cổng thanh toán không đúng định dạng.', `The gateway statement must start with the header ${STATEMENT_HEADER}.`);
  return rows.map((line) => {
    const [tmnCode = '', txnRef = '', transactionNo = '', amount = '', payDate = '', , status = ''] = line.split(',').map((c) => c.trim());
    return { tmnCode, txnRef, transactionNo, amountVnd: Math.round(Number(amount) / 100), payDate, status };
  });
}

/** [00:00, 24:00) of a Vietnamese day (GMT+7). */
function dayBounds(day: string): { from: Date; to: Date } {
  const from = new Date(`${day}T00:00:00+07:00`);
  if (Number.isNaN(from.getTime())) throw badRequest('Ngày không hợp lệ.', 'Not a valid day.');
  return { from, to: new Date(from.getTime() + 86_400_000) };
}

interface Found {
  kind: FindingKind;
  subject: string;
  source: Finding['source'];
  dossierCode: string | null;
  expectedVnd: number | null;
  actualVnd: number | null;
  note: string;
}

/**
 * A unit's day: the gateway's statement and the bank's lines against Motcua's payments. Every
 * mismatch is kept as one line (found again, it stays one line) for a person to settle.
 */
export class PaymentReconciliation {
  constructor(private readonly ctx: AppContext) {}

  private mayReconcile(actor: Actor, unitCode: string): void {
    if (actor.kind !== 'official' || !SETTLERS.some((r) => actor.roles.includes(r)) || !actor.unitCodes.includes(unitCode))
      throw forbidden('Chỉ cán bộ thu phí của đơn vị đối soát.', 'Only the unit’s desk officials reconcile its payments.');
  }

  async run(actor: Actor, unitCode: string, day: string, gatewayCsv?: string): Promise<Reconciliation> {
    this.mayReconcile(actor, unitCode);
    const { from, to } = dayBounds(day);
    const db = this.ctx.db;
    const source: Reconciliation['gatewayStatement'] = gatewayCsv !== undefined ? 'uploaded' : this.ctx.config.payments.sandbox ? 'sandbox' : 'none';
    const csv = gatewayCsv ?? (source === 'sandbox' ? await sandboxStatementCsv(db, day.replace(/-/g, '')) : null);
    const terminal = this.ctx.config.payments.vnpayTmnCode;
    const gateway = csv ? parseGatewayStatement(csv).filter((l) => l.tmnCode === terminal && l.status === '00') : [];
    const bank = await store.transfersOfDay(db, unitCode, day);
    const paid = (await store.paidBetween(db, unitCode, from, to)).filter((p) => p.status === 'paid' || p.status === 'refunded');
    const found: Found[] = [];

    // The gateway's side: each order it says it was paid for.
    const seen = new Map<string, number>();
    for (const g of gateway) seen.set(g.txnRef, (seen.get(g.txnRef) ?? 0) + 1);
    const byRef = new Map<string, PaymentRow>();
    for (const ref of seen.keys()) {
      const p = await store.byReference(db, ref);
      if (p) byRef.set(ref, p);
    }
    for (const [ref, count] of seen) {
      const p = byRef.get(ref);
      const line = gateway.find((g) => g.txnRef === ref)!;
      // The statement is the terminal's: orders of other units belong to their reconciliation.
      if (p && p.unit_code !== unitCode) continue;
      if (!p) {
        found.push({
          kind: 'unknown_reference',
          subject: ref,
          source: 'gateway',
          dossierCode: null,
          expectedVnd: null,
          actualVnd: line.amountVnd,
          note: `Cổng ghi nhận GD ${line.transactionNo}`,
        });
        continue;
      }
      if (count > 1)
        found.push({
          kind: 'duplicate',
          subject: ref,
          source: 'gateway',
          dossierCode: p.dossier_code,
          expectedVnd: p.amount_vnd,
          actualVnd: line.amountVnd,
          note: `${count} dòng trên sao kê cổng`,
        });
      if (line.amountVnd !== p.amount_vnd)
        found.push({
          kind: 'amount_differs',
          subject: ref,
          source: 'gateway',
          dossierCode: p.dossier_code,
          expectedVnd: p.amount_vnd,
          actualVnd: line.amountVnd,
          note: 'Số tiền cổng khác số tiền hồ sơ',
        });
      if (p.paid_at === null)
        found.push({
          kind: 'missing_in_motcua',
          subject: ref,
          source: 'gateway',
          dossierCode: p.dossier_code,
          expectedVnd: p.amount_vnd,
          actualVnd: line.amountVnd,
          note: `Motcua: ${p.status}`,
        });
    }
    // Motcua's side: online payments recorded that the gateway's statement does not have.
    if (csv)
      for (const p of paid)
        if (p.method === 'vnpay' && !seen.has(p.reference))
          found.push({
            kind: 'missing_at_gateway',
            subject: p.reference,
            source: 'motcua',
            dossierCode: p.dossier_code,
            expectedVnd: p.amount_vnd,
            actualVnd: null,
            note: 'Không có trên sao kê cổng',
          });

    // The bank's side: what did not match by itself.
    for (const t of bank) {
      const p = t.payment_id ? await store.byId(db, t.payment_id) : undefined;
      const base = {
        subject: t.bank_reference,
        source: 'bank' as const,
        dossierCode: p?.dossier_code ?? null,
        expectedVnd: p?.amount_vnd ?? null,
        actualVnd: Number(t.amount_vnd),
        note: t.description.slice(0, 120),
      };
      if (t.outcome === 'unmatched') found.push({ kind: 'unknown_reference', ...base });
      else if (t.outcome === 'partial' || t.outcome === 'excess') found.push({ kind: 'amount_differs', ...base });
    }

    // One dossier paid more than once, over any channels (a late IPN after cash, a transfer after VNPAY).
    for (const code of new Set(paid.map((p) => p.dossier_code))) {
      const all = (await store.ofDossier(db, code)).filter((p) => p.paid_at !== null);
      if (all.length > 1)
        found.push({
          kind: 'paid_twice',
          subject: code,
          source: 'motcua',
          dossierCode: code,
          expectedVnd: all[0]!.amount_vnd,
          actualVnd: all.reduce((s, p) => s + p.amount_vnd, 0),
          note: all.map((p) => `${p.method}:${p.reference}:${p.status}`).join(' · '),
        });
    }

    const now = this.ctx.clock.now();
    await inTransaction(db, async (trx) => {
      for (const f of found) {
        const row: ReconciliationLineTable = {
          id: randomUUID(),
          unit_code: unitCode,
          day,
          kind: f.kind,
          subject: f.subject,
          detail: { source: f.source, dossierCode: f.dossierCode, expectedVnd: f.expectedVnd, actualVnd: f.actualVnd, note: f.note },
          found_at: now,
          settled_at: null,
          settled_by: null,
          resolution: null,
          settle_note: null,
        };
        await store.upsertFinding(trx, row);
      }
      await appendAudit(trx, {
        at: now,
        actor: auditActor(actor),
        action: 'payments.reconciled',
        dossierCode: null,
        detail: { unitCode, day, source, findings: found.length },
      });
    });
    return {
      unitCode,
      day,
      gatewayStatement: source,
      gatewayLines: gateway.length,
      bankLines: bank.length,
      payments: paid.length,
      findings: await this.findings(unitCode, day),
    };
  }

  async findings(unitCode: string, day: string): Promise<Finding[]> {
    return (await store.findingsOf(this.ctx.db, unitCode, day)).map(findingJson);
  }

  async stored(actor: Actor, unitCode: string, day: string): Promise<Finding[]> {
    this.mayReconcile(actor, unitCode);
    return this.findings(unitCode, day);
  }

  async settle(actor: Actor, id: string, resolution: SettleResolution, note: string): Promise<Finding> {
    const line = await store.findingById(this.ctx.db, id);
    if (!line) throw notFound('dòng đối soát', 'Reconciliation line', id);
    this.mayReconcile(actor, line.unit_code);
    const now = this.ctx.clock.now();
    const settled = await inTransaction(this.ctx.db, async (trx) => {
      const moved = await store.settleFinding(trx, id, { settled_at: now, settled_by: auditActor(actor), resolution, settle_note: note });
      if (moved)
        await appendAudit(trx, {
          at: now,
          actor: auditActor(actor),
          action: 'payments.reconciliation.settled',
          dossierCode: (moved.detail as { dossierCode?: string | null }).dossierCode ?? null,
          detail: { lineId: id, kind: moved.kind, subject: moved.subject, day: moved.day, resolution, note },
        });
      return moved;
    });
    if (!settled) throw new Problem(409, 'already_settled', 'Dòng đối soát này đã được xử lý.', 'This line was already settled.');
    return findingJson(settled);
  }

  /** The day's lines as an Excel workbook (for the unit's accountant and the treasury). */
  async workbook(actor: Actor, unitCode: string, day: string): Promise<Buffer> {
    const lines = await this.stored(actor, unitCode, day);
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Motcua';
    const ws = wb.addWorksheet(`Doi soat ${day}`);
    ws.columns = [
      { header: 'Loại (kind)', key: 'kind', width: 22 },
      { header: 'Đối tượng (subject)', key: 'subject', width: 24 },
      { header: 'Nguồn (source)', key: 'source', width: 10 },
      { header: 'Hồ sơ (dossier)', key: 'dossierCode', width: 22 },
      { header: 'Phải thu (expected, đ)', key: 'expectedVnd', width: 16 },
      { header: 'Thực tế (actual, đ)', key: 'actualVnd', width: 16 },
      { header: 'Ghi chú (note)', key: 'note', width: 40 },
      { header: 'Xử lý (resolution)', key: 'resolution', width: 18 },
      { header: 'Người xử lý (by)', key: 'by', width: 20 },
      { header: 'Lý do (settle note)', key: 'settleNote', width: 30 },
    ];
    ws.getRow(1).font = { bold: true };
    for (const l of lines) ws.addRow({ ...l, resolution: l.settlement?.resolution ?? '', by: l.settlement?.by ?? '', settleNote: l.settlement?.note ?? '' });
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
}

function findingJson(r: ReconciliationLineTable): Finding {
  const d = r.detail as { source: Finding['source']; dossierCode: string | null; expectedVnd: number | null; actualVnd: number | null; note: string };
  const by = r.settled_by as { name?: string } | null;
  return {
    id: r.id,
    kind: r.kind as FindingKind,
    subject: r.subject,
    source: d.source,
    dossierCode: d.dossierCode,
    expectedVnd: d.expectedVnd,
    actualVnd: d.actualVnd,
    note: d.note,
    settlement:
      r.settled_at && r.resolution
        ? { at: new Date(r.settled_at).toISOString(), by: by?.name ?? '', resolution: r.resolution as SettleResolution, note: r.settle_note ?? '' }
        : null,
  };
}
