import type { Db } from '../../db/database.ts';
import type { MailSender, SmsSender } from './channels.ts';
import { wantsZalo } from './preferences.ts';
import { recordReceipt } from './receipts.ts';
import { renderDossierNotice, type RenderedNotice } from './render.ts';
import type { DossierNoticePayload } from './tables.ts';
import { vietnamDateTime } from './templates.ts';
import { toZaloPhone, ZaloRefusal, type ZaloSender } from './zalo.ts';
import type { ClaimedMessage, Delivery, TopicHandler } from '../../platform/outbox/index.ts';

export interface NoticeChannels {
  mail: MailSender;
  sms: SmsSender;
  /** Base of links in e-mails, and the domain of Message-IDs. */
  publicUrl: string;
  /** With the database the handler reads preferences and records receipts; Zalo needs both. */
  db?: Db;
  now?: () => Date;
  zalo?: ZaloSender;
  /** ZNS template id per notice kind (ZALO_TEMPLATE_<KIND>); a kind without one goes by SMS. */
  zaloTemplates?: Record<string, string>;
}

/**
 * A Zalo failure that is not a refusal (-100, HTTP 5xx, network) is retried by the worker; from
 * this attempt on the notice goes by SMS instead, so a Zalo outage delays a notice, never loses it.
 */
export const ZALO_ATTEMPTS_BEFORE_SMS = 3;

/** The stable Message-ID of an outbox message's e-mail: the same on every attempt. */
export function outboxMessageId(outboxId: number, publicUrl: string): string {
  return `<outbox-${outboxId}.email@${new URL(publicUrl).hostname}>`;
}

/** The template parameters our ZNS templates are registered with (lengths as Zalo's parameter types allow). */
export function zaloTemplateData(p: DossierNoticePayload, notice: RenderedNotice, publicUrl: string): Record<string, string> {
  return {
    customer_name: p.recipient.fullName.slice(0, 30),
    dossier_code: p.dossierCode.slice(0, 30),
    procedure_name: p.procedureName.slice(0, 200),
    status: notice.subject.slice(0, 100),
    due_date: p.dueAt ? vietnamDateTime(p.dueAt).date : '',
    link: p.ratingUrl ?? publicUrl,
  };
}

/**
 * dossier.notice → an e-mail when the applicant gave an address, and a phone notice when a
 * number: by Zalo when its holder chose Zalo, else (or when Zalo refuses) by SMS. The phone notice
 * is one delivery (the worker's "sms" slot), so across retries it is sent once, by one channel.
 */
export function dossierNoticeHandler(channels: NoticeChannels): TopicHandler {
  const now = channels.now ?? (() => new Date());
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
        send: async () => {
          const sent = await channels.mail.send({
            to: email,
            subject: notice.subject,
            text: notice.text,
            messageId: outboxMessageId(message.id, channels.publicUrl),
          });
          if (channels.db)
            await recordReceipt(channels.db, { outboxId: message.id, channel: 'email', recipient: email, providerId: sent.id, status: 'accepted', at: now() });
          return sent;
        },
      });
    }
    const phone = p.recipient.phone?.trim();
    if (phone) {
      out.push({
        channel: 'sms',
        recipient: phone,
        send: () =>
          sendPhoneNotice(channels, message, phone, { kind: notice.kind, sms: notice.sms, templateData: zaloTemplateData(p, notice, channels.publicUrl) }, now),
      });
    }
    return out;
  };
}

/** A message for a phone: its kind (names the ZNS template), its SMS text, its ZNS template data. */
export interface PhoneNotice {
  kind: string;
  sms: string;
  templateData: Record<string, string>;
}

/** By Zalo when the holder of the number chose it (and a template exists), else or on refusal by SMS; receipts recorded. */
export async function sendPhoneNotice(
  c: Pick<NoticeChannels, 'sms' | 'db' | 'zalo' | 'zaloTemplates'>,
  message: ClaimedMessage,
  phone: string,
  notice: PhoneNotice,
  now: () => Date,
): Promise<{ id: string }> {
  const db = c.db;
  if (db && c.zalo && (await wantsZalo(db, phone))) {
    const prior = await db.selectFrom('notice_receipt').select('status').where('outbox_id', '=', message.id).where('channel', '=', 'zalo').executeTakeFirst();
    if (prior?.status !== 'refused') {
      const zaloPhone = toZaloPhone(phone)!;
      const templateId = c.zaloTemplates?.[notice.kind] ?? (c.zalo.kind === 'file' ? notice.kind : undefined);
      const refuse = (detail: string) =>
        recordReceipt(db, { outboxId: message.id, channel: 'zalo', recipient: zaloPhone, providerId: null, status: 'refused', detail, at: now() });
      if (!templateId) await refuse(`no ZNS template for "${notice.kind}" (ZALO_TEMPLATE_${notice.kind.toUpperCase()})`);
      else {
        try {
          const sent = await c.zalo.send({
            phone: zaloPhone,
            templateId,
            templateData: notice.templateData,
            trackingId: `outbox-${message.id}`,
          });
          await recordReceipt(db, { outboxId: message.id, channel: 'zalo', recipient: zaloPhone, providerId: sent.id, status: 'accepted', at: now() });
          return { id: `zalo:${sent.id}` };
        } catch (err) {
          if (!(err instanceof ZaloRefusal) && message.attempts < ZALO_ATTEMPTS_BEFORE_SMS) throw err;
          await refuse((err as Error).message.slice(0, 500));
        }
      }
    }
  }
  const sent = await c.sms.send(phone, notice.sms, { key: `outbox-${message.id}.sms` });
  if (db) await recordReceipt(db, { outboxId: message.id, channel: 'sms', recipient: phone, providerId: sent.id, status: 'accepted', at: now() });
  return sent;
}
