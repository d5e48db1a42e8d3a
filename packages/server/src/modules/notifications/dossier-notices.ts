import type { MailSender, SmsSender } from './channels.ts';
import { renderDossierNotice } from './render.ts';
import type { DossierNoticePayload } from './tables.ts';
import type { Delivery, TopicHandler } from '../../platform/outbox/index.ts';

export interface NoticeChannels {
  mail: MailSender;
  sms: SmsSender;
  /** Base of links in e-mails, and the domain of Message-IDs. */
  publicUrl: string;
}

/** The stable Message-ID of an outbox message's e-mail: the same on every attempt. */
export function outboxMessageId(outboxId: number, publicUrl: string): string {
  return `<outbox-${outboxId}.email@${new URL(publicUrl).hostname}>`;
}

/** dossier.notice → an e-mail when the applicant gave an address, an SMS when a phone number. */
export function dossierNoticeHandler(channels: NoticeChannels): TopicHandler {
  return (message) => {
    const p = message.payload as DossierNoticePayload;
    const notice = renderDossierNotice(p, { publicUrl: channels.publicUrl });
    if (!notice) return [];
    const out: Delivery[] = [];
    const email = p.recipient.email?.trim();
    if (email) {
      out.push({
        channel: 'email',
        recipient: email,
        send: () => channels.mail.send({ to: email, subject: notice.subject, text: notice.text, messageId: outboxMessageId(message.id, channels.publicUrl) }),
      });
    }
    const phone = p.recipient.phone?.trim();
    if (phone) {
      out.push({ channel: 'sms', recipient: phone, send: () => channels.sms.send(phone, notice.sms, { key: `outbox-${message.id}.sms` }) });
    }
    return out;
  };
}
