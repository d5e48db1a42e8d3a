import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { AppContext } from '../../platform/context.ts';
import type { MailSender, SmsSender } from './channels.ts';
import { dossierNoticeHandler } from './dossier-notices.ts';
import { fileMailSender, smtpMailSender } from './mail.ts';
import { DOSSIER_NOTICE } from './outbox.ts';
import { PLAIN_MAIL, plainMailHandler } from './plain-mail.ts';
import { PHONE_MESSAGE, phoneMessageHandler } from './phone-message.ts';
import { fileSmsSender, httpSmsSender } from './sms.ts';
import { dbZaloTokenStore } from './receipts.ts';
import { fileZaloSender, httpZaloSender, type ZaloSender } from './zalo.ts';
import { type RunningOutbox, startOutbox, type TopicHandler, type WorkerLog } from '../../platform/outbox/index.ts';

export { DOSSIER_NOTICE } from './outbox.ts';
export type { DossierNoticePayload } from './tables.ts';
export type { MailMessage, MailSender, SmsSender } from './channels.ts';
export { smtpMailSender, fileMailSender } from './mail.ts';
export { fileSmsSender, httpSmsSender } from './sms.ts';
export { dossierNoticeHandler, outboxMessageId } from './dossier-notices.ts';
export { renderDossierNotice } from './render.ts';
export { enqueueMail, PLAIN_MAIL, type PlainMailPayload } from './plain-mail.ts';
export { enqueuePhoneMessage, PHONE_MESSAGE, type PhoneMessagePayload } from './phone-message.ts';
export { noticesSentFor, type SentNotice } from './sent.ts';
export { toSmsText, fitSms, isGsm7, SMS_MAX } from './sms-text.ts';
export { fileZaloSender, httpZaloSender, toZaloPhone, ZaloRefusal, type ZaloSender, type ZaloMessage } from './zalo.ts';
export { noticeReceiptsFor, type NoticeReceipt } from './receipts.ts';
export { preferenceOf, setPreference, ZALO_CONSENT_TEXT, type NotificationPreference, type PhoneChannel } from './preferences.ts';
export { notificationsRoutes } from './routes.ts';

/** The ZNS sender from configuration: the real API when credentials are set, a local file otherwise. */
export function zaloFromConfig(ctx: AppContext, log: WorkerLog): ZaloSender {
  const z = ctx.config.notifications.zalo;
  if (z.appId && z.secretKey && z.refreshToken) {
    return httpZaloSender({
      url: z.znsUrl,
      oauthUrl: z.oauthUrl,
      appId: z.appId,
      secretKey: z.secretKey,
      refreshToken: z.refreshToken,
      tokens: dbZaloTokenStore(ctx.db, z.appId),
      now: () => ctx.clock.now(),
    });
  }
  const file = path.join(ctx.config.dataDir, 'zalo.log');
  log.warn(`ZALO_APP_ID/ZALO_SECRET_KEY/ZALO_REFRESH_TOKEN are not set: Zalo messages are appended to ${file}, not sent`);
  return fileZaloSender(file, () => ctx.clock.now());
}

/** Mail and SMS senders from configuration: real ones when configured, local files otherwise. */
export function channelsFromConfig(ctx: AppContext, log: WorkerLog): { mail: MailSender; sms: SmsSender } {
  const n = ctx.config.notifications;
  let mail: MailSender;
  if (n.smtpUrl) mail = smtpMailSender(n.smtpUrl, n.mailFrom);
  else {
    const dir = path.join(ctx.config.dataDir, 'outbox-mail');
    mail = fileMailSender(dir, n.mailFrom);
    log.warn(`SMTP_URL is not set: e-mails are written as .eml files to ${dir}, not sent`);
  }
  let sms: SmsSender;
  if (n.smsUrl) sms = httpSmsSender({ url: n.smsUrl, token: n.smsToken });
  else {
    const file = path.join(ctx.config.dataDir, 'sms.log');
    sms = fileSmsSender(file, () => ctx.clock.now());
    log.warn(`SMS_URL is not set: SMS are appended to ${file}, not sent`);
  }
  return { mail, sms };
}

/** This module's outbox handlers (dossier notices, ready-written mail) and a way to close their senders. */
export function notificationHandlers(ctx: AppContext, log: WorkerLog): { handlers: Record<string, TopicHandler>; describe: string; close(): void } {
  const { mail, sms } = channelsFromConfig(ctx, log);
  const zalo = zaloFromConfig(ctx, log);
  const now = () => ctx.clock.now();
  return {
    handlers: {
      [DOSSIER_NOTICE]: dossierNoticeHandler({
        mail,
        sms,
        zalo,
        zaloTemplates: ctx.config.notifications.zalo.templates,
        db: ctx.db,
        now,
        publicUrl: ctx.config.publicUrl,
      }),
      [PLAIN_MAIL]: plainMailHandler({ mail, publicUrl: ctx.config.publicUrl }),
      [PHONE_MESSAGE]: phoneMessageHandler({ sms, zalo, zaloTemplates: ctx.config.notifications.zalo.templates, db: ctx.db, now }),
    },
    describe: `mail: ${mail.kind}, sms: ${sms.kind}, zalo: ${zalo.kind}`,
    close: () => mail.close(),
  };
}

/**
 * The platform's outbox worker running this module's handlers (and others' when given): what a
 * worker process runs (src/workers.ts), and tests of the notices end to end.
 */
export async function startNotifications(
  ctx: AppContext,
  options: { pglite?: PGlite; log: WorkerLog; handlers?: Record<string, TopicHandler> },
): Promise<RunningOutbox> {
  const own = notificationHandlers(ctx, options.log);
  // One claimer per table: other modules' topics (results.issue) run in the same worker.
  const outbox = await startOutbox(ctx, {
    handlers: { ...options.handlers, ...own.handlers },
    log: options.log,
    ...(options.pglite ? { pglite: options.pglite } : {}),
  });
  options.log.info(`outbox worker ${outbox.worker.id} started (${own.describe})`);
  return {
    worker: outbox.worker,
    async stop() {
      await outbox.stop();
      own.close();
    },
  };
}
