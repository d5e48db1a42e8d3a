import { addDays, vnInstant, type IsoDate } from '../calendar/index.ts';
import { PROBLEM } from '../problems/codes.ts';

/**
 * Field time is the time of record: an operation done offline in a hamlet (a receipt, an
 * on-the-spot completion, a consultation) is judged and dated by when it was done, not by when
 * the phone found a signal. These rules decide which such times the server believes; the field
 * app runs the same ones before it lets an official act.
 */

/** Days after the session day during which the team may still sync (no signal in the hamlet, a weekend). */
export const FIELD_GRACE_DAYS = 3;

/**
 * How far ahead of the server's clock a field time may be and still be believed. The app corrects
 * its clock with the offset measured against the server (clock.ts), so what is left is the
 * measurement's uncertainty (half a round trip) and the phone's drift since: seconds, not minutes.
 */
export const FIELD_CLOCK_TOLERANCE_MS = 2 * 60_000;

/** When a session's work may have been done: from the start of the session day (Vietnam) until the offline credential expires. */
export interface FieldWindow {
  opensAt: Date;
  /** Also the expiry of the session's offline credentials (end of the session day + FIELD_GRACE_DAYS). */
  closesAt: Date;
}

export function fieldWindow(sessionDay: IsoDate): FieldWindow {
  return { opensAt: vnInstant(sessionDay, '00:00'), closesAt: vnInstant(addDays(sessionDay, 1 + FIELD_GRACE_DAYS), '00:00') };
}

export type FieldTimeVerdict =
  | { ok: true }
  /** Before the session day: the device's date is wrong (or the op belongs to another session). Needs a person. */
  | { ok: false; code: typeof PROBLEM.field_time_before_session; opensAt: Date }
  /** After the credential expired: no longer work of this session. Needs a person. */
  | { ok: false; code: typeof PROBLEM.field_time_after_window; closesAt: Date }
  /** Ahead of the server's clock: time cures it, try again at `retryAt`. */
  | { ok: false; code: typeof PROBLEM.field_time_in_future; retryAt: Date; aheadMs: number }
  /** Before the dossier's latest recorded event: the history cannot go backwards. Needs a person. */
  | { ok: false; code: typeof PROBLEM.field_time_before_history; notBefore: Date };

/**
 * Whether an offline operation's time can stand as its time of record: inside the session's
 * window, not ahead of the server's clock (beyond the tolerance) and, for an action on a
 * dossier, not before the dossier's latest event. Window first: a time outside it stays wrong
 * however long one waits.
 */
export function judgeFieldTime(at: Date, bounds: { window: FieldWindow; now: Date; notBefore?: Date | null; toleranceMs?: number }): FieldTimeVerdict {
  const t = at.getTime();
  if (t < bounds.window.opensAt.getTime()) return { ok: false, code: PROBLEM.field_time_before_session, opensAt: bounds.window.opensAt };
  if (t >= bounds.window.closesAt.getTime()) return { ok: false, code: PROBLEM.field_time_after_window, closesAt: bounds.window.closesAt };
  const tolerance = bounds.toleranceMs ?? FIELD_CLOCK_TOLERANCE_MS;
  const ahead = t - bounds.now.getTime();
  if (ahead > tolerance) return { ok: false, code: PROBLEM.field_time_in_future, retryAt: new Date(t - tolerance), aheadMs: ahead };
  if (bounds.notBefore && t < bounds.notBefore.getTime()) return { ok: false, code: PROBLEM.field_time_before_history, notBefore: bounds.notBefore };
  return { ok: true };
}
