import { computeFee, withFeeRule, type FeeDueAt, type FeeQuote, type ProvinceFeeRule } from '@motcua/core/fees';
import type { Procedure } from '@motcua/core/catalog';
import type { Channel, FeeAdjustment } from '@motcua/core/api';
import type { Db } from '../../db/database.ts';
import type { IntakeDetails } from './intake.ts';

/**
 * The fee side of a dossier: the quote core computes from the form at filing, and the officials'
 * adjustments (dossier_fee_adjustment), the latest of which is what is due.
 */

/** The quote for a filing: the same core function the wizard and the field app run offline. */
export function quoteFor(
  procedure: Procedure,
  form: Record<string, unknown>,
  ctx: { channel: Channel; on: string; provinceCode: string | null; provinceRules: readonly ProvinceFeeRule[] },
): { fee: FeeQuote; feeDueAt: FeeDueAt } {
  const p = withFeeRule(procedure);
  return { fee: computeFee(p.feeRule, form, { ...ctx, procedureCode: p.code }), feeDueAt: p.feeDueAt };
}

export async function adjustmentsOf(db: Db, codes: readonly string[]): Promise<Map<string, FeeAdjustment[]>> {
  const out = new Map<string, FeeAdjustment[]>();
  if (codes.length === 0) return out;
  const rows = await db
    .selectFrom('dossier_fee_adjustment')
    .select(['dossier_code', 'from_vnd', 'to_vnd', 'reason', 'by_name', 'at'])
    .where('dossier_code', 'in', [...codes])
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.dossier_code) ?? [];
    list.push({ fromVnd: r.from_vnd, toVnd: r.to_vnd, reason: r.reason, byName: r.by_name, at: new Date(r.at).toISOString() });
    out.set(r.dossier_code, list);
  }
  return out;
}

export async function insertAdjustment(
  trx: Db,
  row: { dossierCode: string; fromVnd: number | null; toVnd: number; reason: string; byUserId: string; byName: string; at: Date },
): Promise<void> {
  await trx
    .insertInto('dossier_fee_adjustment')
    .values({
      dossier_code: row.dossierCode,
      from_vnd: row.fromVnd,
      to_vnd: row.toVnd,
      reason: row.reason,
      by_user_id: row.byUserId,
      by_name: row.byName,
      at: row.at,
    })
    .execute();
}

/** What a dossier owes now: the last adjustment, else the amount computed at filing. */
export function dueNow(intake: IntakeDetails, adjustments: readonly FeeAdjustment[]): number | null {
  return adjustments.length > 0 ? adjustments[adjustments.length - 1]!.toVnd : intake.feeVnd;
}
