import type { Db } from '../../db/database.ts';
import type { MailSender } from './channels.ts';
import { PermanentDeliveryError } from './channels.ts';
import { enqueueOutbox, type TopicHandler } from '../../platform/outbox/index.ts';

/** A ready-written e-mail from another module (e.g. the audit module's daily report). */
export const PLAIN_MAIL = 'notifications.mail';

export interface PlainMailPayload {
  to: string[];
  subject: string;
  text: string;
}

/** Queues an e-mail in the caller's transaction: it is sent if and only if that commits. */
export function enqueueMail(trx: Db, mail: PlainMailPayload): Promise<void> {
  return enqueueOutbox(trx, PLAIN_MAIL, { to: mail.to, subject: mail.subject, text: mail.text });
}

/**
 * One delivery per recipient, so a retry after one address failed does not resend to the others;
 * each copy has its own stable Message-ID (<outbox-ID.N.email@host>).
 */
export function plainMailHandler(channels: { mail: MailSender; publicUrl: string }): TopicHandler {
  const host = new URL(channels.publicUrl).hostname;
  return (message) => {
    const p = message.payload as Partial<PlainMailPayload>;
    if (!Array.isArray(p.to) || typeof p.subject !== 'string' || typeof p.text !== 'string')
      throw new PermanentDeliveryError(`malformed ${PLAIN_MAIL} payload`);
    const { subject, text } = p as PlainMailPayload;
    return p.to.map((to, i) => ({
      channel: `email:${to}`,
      recipient: to,
      send: () => channels.mail.send({ to, subject, text, messageId: `<outbox-${message.id}.${i}.email@${host}>` }),
    }));
  };
}
