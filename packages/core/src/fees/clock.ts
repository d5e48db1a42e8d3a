import { dueDate, type Processing, type WorkCalendar } from '../calendar/index.ts';
import type { FeeDueAt } from './types.ts';

/**
 * The legal clock while a dossier waits for its fee. No text we could read (Decree 61/2018/NĐ-CP,
 * Decree 118/2025/NĐ-CP, Circular 01/2018/TT-VPCP, searched: docs/rules.md "When to pay") pauses or
 * extends the time limit for payment, so Motcua keeps the one rule it has: the limit counts from
 * receipt of a complete, valid dossier, and payment only decides when that receipt happens.
 *
 * - `submission`: an online dossier is received when its fee is paid; unpaid, no clock yet (null).
 * - `intake`: paid at the desk at receipt; the clock counts from receipt, no wait to account for.
 * - `result`: the clock is not stopped; the finished result waits at the desk for the fee, like
 *   any result awaiting collection, and waiting adds nothing to the due date.
 */
export function clockStart(feeDueAt: FeeDueAt, at: { receivedAt: Date | null; paidAt: Date | null }): Date | null {
  if (feeDueAt === 'submission') return at.paidAt;
  return at.receivedAt;
}

/** The appointment given the fee's moment: dueDate from `clockStart`, null while no clock runs. */
export function dueWithPayment(
  feeDueAt: FeeDueAt,
  at: { receivedAt: Date | null; paidAt: Date | null },
  processing: Processing,
  cal?: WorkCalendar,
): Date | null {
  const start = clockStart(feeDueAt, at);
  return start ? dueDate(start, processing, cal) : null;
}
