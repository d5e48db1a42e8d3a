import type { HolidayAnnouncement } from '@motcua/core/api';
import type { DayAnnouncement } from '@motcua/core/calendar';
import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { HolidayAnnouncementTable } from './tables.ts';

type Row = Selectable<HolidayAnnouncementTable>;

export function announcementJson(r: Row): HolidayAnnouncement {
  return {
    id: r.id,
    day: r.day,
    kind: r.kind,
    source: { number: r.source_number, date: r.source_date, issuer: r.source_issuer },
    note: r.note,
    recordedAt: new Date(r.recorded_at).toISOString(),
    recordedBy: r.recorded_by_name,
    withdrawnAt: r.withdrawn_at ? new Date(r.withdrawn_at).toISOString() : null,
    withdrawnBy: r.withdrawn_by_name,
    withdrawReason: r.withdraw_reason,
  };
}

/** Standing (not withdrawn) announcements, for the calendar. */
export async function standingAnnouncements(db: Db): Promise<DayAnnouncement[]> {
  return db.selectFrom('holiday_announcement').select(['day', 'kind']).where('withdrawn_at', 'is', null).orderBy('day').execute();
}

/** A year's announcements, withdrawn ones included, by day. */
export function announcementsOfYear(db: Db, year: number): Promise<Row[]> {
  return db
    .selectFrom('holiday_announcement')
    .selectAll()
    .where('day', '>=', `${year}-01-01`)
    .where('day', '<=', `${year}-12-31`)
    .orderBy('day')
    .orderBy('id')
    .execute();
}

export function announcementById(db: Db, id: number): Promise<Row | undefined> {
  return db.selectFrom('holiday_announcement').selectAll().where('id', '=', id).executeTakeFirst();
}
