import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { AppContext } from '../../platform/context.ts';
import type { MailSender, SmsSender } from './channels.ts';
import { dossierNoticeHandler } from './dossier-notices.ts';
import { fileMailSender, smtpMailSender } from './mail.ts';
import { DOSSIER_NOTICE } from './outbox.ts';
import { PLAIN_MAIL, plainMailHandler } from './plain-mail.ts';
import { fileSmsSender, httpSmsSender } from './sms.ts';
import { listenForOutbox } from './wake.ts';
import { OutboxWorker, type TopicHandler, type WorkerLog } from './worker.ts';

export type { DossierNoticePayload } from './tables.ts';
export { enqueueOutbox, requeueParked, DOSSIER_NOTICE, OUTBOX_CHANNEL } from './outbox.ts';
export { OutboxWorker, backoffMs, DEFAULT_BACKOFF } from './worker.ts';
export type { BackoffPolicy, ClaimedMessage, Delivery, DeliveryOutcome, OutboxWorkerOptions, TopicHandler, WorkerLog } from './worker.ts';
export { PermanentDeliveryError } from './channels.ts';
export type { MailMessage, MailSender, SmsSender } from './channels.ts';
export { smtpMailSender, fileMailSender } from './mail.ts';
export { fileSmsSender, httpSmsSender } from './sms.ts';
export { dossierNoticeHandler, outboxMessageId } from './dossier-notices.ts';
export { renderDossierNotice } from './render.ts';
export { enqueueMail, PLAIN_MAIL, type PlainMailPayload } from './plain-mail.ts';
export { noticesSentFor, type SentNotice } from './sent.ts';
export { toSmsText, fitSms, isGsm7, SMS_MAX } from './sms-text.ts';

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

export interface Notifications {
  worker: OutboxWorker;
  stop(): Promise<void>;
}

/** Starts the outbox worker (and its LISTEN shortcut) for this process; main.ts calls it. */
export async function startNotifications(
  ctx: AppContext,
  options: { pglite?: PGlite; log: WorkerLog; handlers?: Record<string, TopicHandler> },
): Promise<Notifications> {
  const { mail, sms } = channelsFromConfig(ctx, options.log);
  // Other modules' outbox topics (e.g. results.issue) run in the same worker: one claimer per table.
  const handlers: Record<string, TopicHandler> = {
    ...options.handlers,
    [DOSSIER_NOTICE]: dossierNoticeHandler({ mail, sms, publicUrl: ctx.config.publicUrl }),
    [PLAIN_MAIL]: plainMailHandler({ mail, publicUrl: ctx.config.publicUrl }),
  };
  const worker = new OutboxWorker({ db: ctx.db, clock: ctx.clock, handlers, pollMs: ctx.config.notifications.pollMs, log: options.log });
  const unlisten = await listenForOutbox(
    { db: ctx.db, databaseUrl: ctx.config.databaseUrl, ...(options.pglite ? { pglite: options.pglite } : {}) },
    () => worker.wake(),
    options.log,
  );
  worker.start();
  options.log.info(`outbox worker ${worker.id} started (mail: ${mail.kind}, sms: ${sms.kind})`);
  return {
    worker,
    async stop() {
      await unlisten();
      await worker.stop();
      mail.close();
    },
  };
}
