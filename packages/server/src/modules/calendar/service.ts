import type { AnnouncementWithdrawBody, CalendarYear, HolidayAnnouncement, HolidayAnnouncementBody } from '@motcua/core/api';
import {
  announcedAdjustments,
  announcementConflict,
  calendarWith,
  defaultCalendar,
  holidaysOf,
  isIsoDate,
  isProvisional,
  type WorkCalendar,
} from '@motcua/core/calendar';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../platform/access.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound, Problem } from '../../platform/errors.ts';
import { appendAudit, auditActor } from '../audit/index.ts';
import { setCurrentCalendar } from './current.ts';
import { announcementById, announcementJson, announcementsOfYear, standingAnnouncements } from './store.ts';

const invalid = (vi: string, en: string, field: string) => new Problem(422, 'invalid_input', vi, en, { field });
const clean = (s: string) => s.normalize('NFC').trim();

/** The calendar from core's national one and the standing announcements in `db`. */
async function calendarFrom(db: Db): Promise<WorkCalendar> {
  return calendarWith(defaultCalendar, await standingAnnouncements(db));
}

/**
 * Announced days off and make-up working days, recorded by a system administrator from the
 * announcing document (each change in the audit log), and the working calendar built from them.
 */
export class CalendarService {
  constructor(private readonly ctx: AppContext) {}

  /** Reloads the process's calendar (current.ts) from the database: at start-up and after each change. */
  async refresh(): Promise<WorkCalendar> {
    const cal = await calendarFrom(this.ctx.db);
    setCurrentCalendar(cal);
    return cal;
  }

  async year(year: number): Promise<CalendarYear> {
    const cal = await calendarFrom(this.ctx.db);
    const builtIn = announcedAdjustments[year];
    return {
      year,
      provisional: isProvisional(`${year}-01-01`, cal),
      holidays: holidaysOf(year, cal.holidayChoices),
      builtIn: { extraDaysOff: builtIn?.extraDaysOff ?? [], makeUpWorkingDays: builtIn?.makeUpWorkingDays ?? [] },
      announcements: (await announcementsOfYear(this.ctx.db, year)).map(announcementJson),
    };
  }

  async record(actor: Actor, body: HolidayAnnouncementBody): Promise<HolidayAnnouncement> {
    if (actor.kind !== 'official') throw new Problem(403, 'forbidden', 'Chỉ quản trị hệ thống.', 'System administrators only.');
    if (!isIsoDate(body.day)) throw invalid('Ngày không hợp lệ.', 'Not a valid date.', 'day');
    if (!isIsoDate(body.source.date)) throw invalid('Ngày văn bản không hợp lệ.', 'Not a valid document date.', 'source.date');
    const number = clean(body.source.number);
    const issuer = clean(body.source.issuer);
    if (!number) throw invalid('Cần ghi số văn bản công bố.', 'Give the announcing document’s number.', 'source.number');
    if (!issuer) throw invalid('Cần ghi cơ quan ban hành văn bản.', 'Give the document’s issuer.', 'source.issuer');
    const note = body.note ? clean(body.note) || null : null;
    const now = this.ctx.clock.now();
    const row = await this.ctx.db.transaction().execute(async (trx) => {
      // Checked against the calendar as stored, not this process's copy: another process may have recorded since.
      const conflict = announcementConflict({ day: body.day, kind: body.kind }, await calendarFrom(trx));
      if (conflict === 'already_off') {
        throw invalid(
          `Ngày ${body.day} đã là ngày nghỉ (ngày lễ, cuối tuần hoặc ngày nghỉ đã công bố); không ghi thêm ngày nghỉ được.`,
          `${body.day} is already a day off (a holiday, weekend or announced day off).`,
          'day',
        );
      }
      if (conflict === 'already_working') {
        throw invalid(
          `Ngày ${body.day} đã là ngày làm việc; ngày làm bù chỉ ghi cho ngày nghỉ (thường là thứ Bảy).`,
          `${body.day} is already a working day; a make-up day is a day that would otherwise be off (usually a Saturday).`,
          'day',
        );
      }
      const inserted = await trx
        .insertInto('holiday_announcement')
        .values({
          day: body.day,
          kind: body.kind,
          source_number: number,
          source_date: body.source.date,
          source_issuer: issuer,
          note,
          recorded_at: now,
          recorded_by: actor.userId,
          recorded_by_name: actor.fullName,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAudit(trx, {
        at: now,
        actor: auditActor(actor),
        action: 'calendar.announce',
        dossierCode: null,
        detail: { id: inserted.id, day: body.day, kind: body.kind, source: { number, date: body.source.date, issuer }, note },
      });
      return inserted;
    });
    await this.refresh();
    return announcementJson(row);
  }

  async withdraw(actor: Actor, id: number, body: AnnouncementWithdrawBody): Promise<HolidayAnnouncement> {
    if (actor.kind !== 'official') throw new Problem(403, 'forbidden', 'Chỉ quản trị hệ thống.', 'System administrators only.');
    const reason = clean(body.reason);
    if (reason.length < 3) throw invalid('Cần ghi lý do rút thông báo (ít nhất 3 ký tự).', 'Give the reason (at least 3 characters).', 'reason');
    const now = this.ctx.clock.now();
    const row = await this.ctx.db.transaction().execute(async (trx) => {
      const found = await announcementById(trx, id);
      if (!found) throw notFound('thông báo', 'Announcement', String(id));
      const done = await trx
        .updateTable('holiday_announcement')
        .set({ withdrawn_at: now, withdrawn_by_name: actor.fullName, withdraw_reason: reason })
        .where('id', '=', id)
        .where('withdrawn_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      if (!done) throw new Problem(409, 'conflict', 'Thông báo này đã được rút.', 'This announcement was already withdrawn.');
      await appendAudit(trx, {
        at: now,
        actor: auditActor(actor),
        action: 'calendar.withdraw',
        dossierCode: null,
        detail: { id, day: found.day, kind: found.kind, reason },
      });
      return done;
    });
    await this.refresh();
    return announcementJson(row);
  }
}
