import type { Db } from '../../db/database.ts';
import { toZaloPhone } from './zalo.ts';

export type PhoneChannel = 'sms' | 'zalo';

/** The words the citizen agrees to, kept with the choice (Decree 13/2023, art. 11: consent must be recorded). */
export const ZALO_CONSENT_TEXT =
  'Tôi đồng ý để cơ quan gửi thông báo về hồ sơ của tôi qua Zalo (Zalo Notification Service) tới số điện thoại này; khi Zalo không gửi được, thông báo được gửi bằng SMS.';

export interface NotificationPreference {
  phone: string;
  channel: PhoneChannel;
  consentText: string;
  consentedAt: string;
}

export async function preferenceOf(db: Db, subject: string): Promise<NotificationPreference | null> {
  const r = await db.selectFrom('notification_preference').selectAll().where('citizen_subject', '=', subject).executeTakeFirst();
  return r ? { phone: r.phone, channel: r.channel, consentText: r.consent_text, consentedAt: new Date(r.consented_at).toISOString() } : null;
}

export async function setPreference(db: Db, subject: string, phone: string, channel: PhoneChannel, at: Date): Promise<NotificationPreference> {
  const normalized = toZaloPhone(phone) ?? phone;
  const row = { citizen_subject: subject, phone: normalized, channel, consent_text: channel === 'zalo' ? ZALO_CONSENT_TEXT : 'SMS', consented_at: at };
  await db
    .insertInto('notification_preference')
    .values(row)
    .onConflict((oc) => oc.column('citizen_subject').doUpdateSet({ phone: row.phone, channel: row.channel, consent_text: row.consent_text, consented_at: at }))
    .execute();
  return { phone: row.phone, channel, consentText: row.consent_text, consentedAt: at.toISOString() };
}

/** Whether the holder of this phone number chose Zalo (with consent) for their notices. */
export async function wantsZalo(db: Db, phone: string): Promise<boolean> {
  const normalized = toZaloPhone(phone);
  if (!normalized) return false;
  const r = await db.selectFrom('notification_preference').select('channel').where('phone', '=', normalized).where('channel', '=', 'zalo').executeTakeFirst();
  return r !== undefined;
}
