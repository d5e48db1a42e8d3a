import type { Db } from '../../db/database.ts';
import type { SmsSender } from './channels.ts';
import { PermanentDeliveryError } from './channels.ts';
import { sendPhoneNotice, type NoticeChannels } from './dossier-notices.ts';
import { enqueueOutbox, type TopicHandler } from '../../platform/outbox/index.ts';

/** A ready-written message to a phone number from another module (a PAKN answer, a confirmation code). */
export const PHONE_MESSAGE = 'notifications.phone';

export interface PhoneMessagePayload {
  phone: string;
  /** Names the ZNS template (ZALO_TEMPLATE_<KIND>); without one the message goes by SMS. */
  kind: string;
  sms: string;
  templateData: Record<string, string>;
  /** false: SMS only (a one-time code must reach the number itself, not an app account). */
  zalo: boolean;
}

/** Queues the message in the caller's transaction: it is sent if and only if that commits. */
export function enqueuePhoneMessage(trx: Db, m: PhoneMessagePayload): Promise<void> {
  return enqueueOutbox(trx, PHONE_MESSAGE, { ...m });
}

/** One delivery, by the channel the holder of the number chose (Zalo falling back to SMS), receipts recorded. */
export function phoneMessageHandler(c: Pick<NoticeChannels, 'db' | 'zalo' | 'zaloTemplates'> & { sms: SmsSender; now: () => Date }): TopicHandler {
  return (message) => {
    const p = message.payload as Partial<PhoneMessagePayload>;
    if (typeof p.phone !== 'string' || typeof p.sms !== 'string' || typeof p.kind !== 'string')
      throw new PermanentDeliveryError(`malformed ${PHONE_MESSAGE} payload`);
    const m = p as PhoneMessagePayload;
    const channels = m.zalo ? c : { sms: c.sms, ...(c.db ? { db: c.db } : {}) };
    return [
      {
        channel: 'sms',
        recipient: m.phone,
        send: () => sendPhoneNotice(channels, message, m.phone, { kind: m.kind, sms: m.sms, templateData: m.templateData ?? {} }, c.now),
      },
    ];
  };
}
