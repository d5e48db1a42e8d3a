import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/**
 * "Số PAKN xử lý đúng hạn / số PAKN đến hạn" (core/insights feedback_on_time, Decision 766/QĐ-TTg
 * group "Mức độ hài lòng"): PAKN of the units whose answer fell due in [from, to) — due already
 * (`due_at <= now`) or answered — and of those the ones answered by their due time. One not yet due
 * and unanswered is not counted either way: it may still be answered on time.
 */
export async function feedbackOnTimeTally(db: Db, units: readonly string[], from: Date, to: Date, now: Date): Promise<{ due: number; onTime: number }> {
  if (units.length === 0) return { due: 0, onTime: 0 };
  const r = await sql<{ due: number; on_time: number }>`
    select count(*)::int as due, count(*) filter (where answered_at <= due_at)::int as on_time
    from feedback
    where unit_code in (${sql.join(units)}) and due_at >= ${from} and due_at < ${to}
      and (due_at <= ${now} or answered_at is not null)`.execute(db);
  return { due: Number(r.rows[0]?.due ?? 0), onTime: Number(r.rows[0]?.on_time ?? 0) };
}
