import { randomUUID } from 'node:crypto';
import { addDays, vnDate } from '@motcua/core/calendar';
import { inTransaction } from '../../db/database.ts';
import type { AppContext } from '../../platform/context.ts';
import { expandRules, PART_HOURS } from './schedule.ts';
import { PlanningStore } from './store.ts';
import { officialIdsByUsername } from '../identity/index.ts';

export const DEMO_ROUND_TITLE = 'Tiếp nhận lưu động thứ Ba, thứ Năm';
const UNIT = '30421';
// The far end of Xã Phú Lâm: Long Hoà 3 and the three Phú Long hamlets (33–39 minutes away).
const HAMLETS = ['30421-06', '30421-07', '30421-08', '30421-09'];
const TEAM = ['phulam.luudong', 'phulam.tiepnhan'];
// Certified copies, extracts and signatures are done on the spot; marital-status certificates and
// temporary residence are taken in for processing at the office.
const PROCEDURES = ['2.000815', '2.000884', '2.000635', '1.004873', '1.004194', '1.002755'];
const RESIDENTS = [
  { hamletCode: '30421-09', fullName: 'Võ Văn Tư', reason: 'elderly' as const, note: 'Sinh năm 1952, đi lại khó khăn' },
  { hamletCode: '30421-08', fullName: 'Nguyễn Thị Lành', reason: 'disabled' as const, note: 'Khuyết tật vận động, cần đến tận nhà' },
  { hamletCode: '30421-07', fullName: 'Trần Văn Bảy', reason: 'ill' as const, note: null },
];

/**
 * The demo round of Xã Phú Lâm: Tuesday and Thursday mornings for eight weeks from the day the
 * database is seeded, with the demo outreach officer and receptionist. Seeded once.
 */
export async function seedOutreachDemo(ctx: AppContext, withDemo: boolean): Promise<void> {
  if (!withDemo) return;
  const exists = await ctx.db.selectFrom('outreach_round').select('id').where('unit_code', '=', UNIT).where('title', '=', DEMO_ROUND_TITLE).executeTakeFirst();
  if (exists) return;
  const team = [...(await officialIdsByUsername(ctx.db, TEAM)).values()].map((id) => ({ id }));
  if (team.length === 0) return;
  const store = new PlanningStore(ctx.db);
  const now = ctx.clock.now();
  const from = vnDate(now);
  const rules = [{ weekdays: [2, 4], part: 'morning' as const, from, to: addDays(from, 55) }];
  const round = {
    id: randomUUID(),
    unitCode: UNIT,
    title: DEMO_ROUND_TITLE,
    meetingPoint: 'Nhà văn hóa ấp Phú Long 2',
    rules,
    hamletCodes: HAMLETS,
    teamUserIds: team.map((t) => t.id),
    procedureCodes: PROCEDURES,
    note: 'Ưu tiên người cao tuổi, người khuyết tật; mang theo máy in biên nhận.',
    version: 1,
  };
  await inTransaction(ctx.db, async (trx) => {
    await store.insertRound(trx, round, 'demo', now);
    await store.insertSessions(
      trx,
      expandRules(rules).sessions.map((s) => ({
        id: randomUUID(),
        roundId: round.id,
        unitCode: UNIT,
        day: s.day,
        part: s.part,
        ...PART_HOURS[s.part],
        hamletCodes: HAMLETS,
        meetingPoint: round.meetingPoint,
        status: 'planned' as const,
      })),
    );
  });
  for (const r of RESIDENTS) await store.insertAssistance({ id: randomUUID(), unitCode: UNIT, active: true, ...r }, 'demo', now);
}
