import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { PaymentMethod } from '@motcua/core/api';

/**
 * Methods Motcua counts as "thanh toán trực tuyến" (Decision 766/QĐ-TTg, group "Cung cấp dịch vụ
 * trực tuyến", sub-indicator online payment): the gateway (VNPAY) and a VietQR transfer made from
 * the payer's banking app. Cash is not. Reading recorded in docs/rules.md.
 */
export const ONLINE_PAYMENT_METHODS: readonly PaymentMethod[] = ['vnpay', 'vietqr'];

/**
 * Dossiers of the units whose fee was paid in [from, to), and of those the ones paid online. A
 * dossier counts once (paid twice over two channels: online if any online payment holds); a
 * refunded payment does not count, since the fee was given back. Indexed by (unit_code, paid_at).
 */
export async function onlinePaymentTally(db: Db, units: readonly string[], from: Date, to: Date): Promise<{ paid: number; online: number }> {
  if (units.length === 0) return { paid: 0, online: 0 };
  const r = await sql<{ paid: number; online: number }>`
    select count(*)::int as paid, count(*) filter (where online)::int as online from (
      select dossier_code, bool_or(method in (${sql.join(ONLINE_PAYMENT_METHODS)})) as online
      from payment
      where unit_code in (${sql.join(units)}) and status = 'paid' and paid_at >= ${from} and paid_at < ${to}
      group by dossier_code) d`.execute(db);
  return { paid: Number(r.rows[0]?.paid ?? 0), online: Number(r.rows[0]?.online ?? 0) };
}
