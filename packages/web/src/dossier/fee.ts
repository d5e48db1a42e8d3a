import { computeFee, withFeeRule, type FeeDueAt, type FeeQuote } from '@motcua/core/fees';
import type { Channel, Procedure } from '@motcua/core/api';

/**
 * The fee the server will compute for this form (core/fees, the same function), so the wizard's
 * review, the office intake and the offline field app show it before anything is sent. Province
 * reductions are configured on the server only (none ship), so none apply here.
 */
export function quoteDraft(procedure: Procedure, form: Record<string, unknown>, channel: Channel, now = new Date()): { fee: FeeQuote; feeDueAt: FeeDueAt } {
  const p = withFeeRule({ ...procedure, feeRule: procedure.feeRule ?? null, online: procedure.online ?? null });
  // The filing day in Vietnam (UTC+7), as the server counts on-time registration.
  const on = new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  return { fee: computeFee(p.feeRule, form, { channel, on, procedureCode: procedure.code }), feeDueAt: p.feeDueAt };
}
