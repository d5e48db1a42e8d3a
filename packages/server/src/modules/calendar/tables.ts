import type { ColumnType, Generated } from 'kysely';

/** One announced day off or make-up working day, with the document that announced it. */
export interface HolidayAnnouncementTable {
  id: Generated<number>;
  /** 'YYYY-MM-DD' (a Vietnam date), kept as text: it is a calendar day, not an instant. */
  day: string;
  kind: 'day_off' | 'make_up';
  source_number: string;
  source_date: string;
  source_issuer: string;
  note: string | null;
  recorded_at: Date;
  recorded_by: string;
  recorded_by_name: string;
  withdrawn_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  withdrawn_by_name: ColumnType<string | null, string | null | undefined, string | null>;
  withdraw_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

declare module '../../db/schema.ts' {
  interface Database {
    holiday_announcement: HolidayAnnouncementTable;
  }
}
