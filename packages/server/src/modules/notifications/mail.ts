import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { PermanentDeliveryError, type MailMessage, type MailSender } from './channels.ts';

const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/**
 * SMTP_URL: smtp://user:pass@host:587 (STARTTLS when offered) or smtps://…:465 (implicit TLS).
 * Timeouts keep one delivery far shorter than the worker's lease.
 */
export function smtpMailSender(smtpUrl: string, from: string): MailSender {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    ...TIMEOUTS,
  });
  return {
    kind: 'smtp',
    async send(m: MailMessage) {
      try {
        const info = await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text, messageId: m.messageId });
        return { id: info.messageId };
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        // 5xx is the server's final answer for this message (no such mailbox, policy); 4xx is "try later".
        if (code !== undefined && code >= 500) throw new PermanentDeliveryError(`SMTP ${code}: ${(err as Error).message}`);
        throw err;
      }
    },
    close: () => transport.close(),
  };
}

/**
 * Development stand-in: each message becomes `<Message-ID>.eml` in `dir` (open it in any mail
 * client). Written under a temporary name and renamed, so a repeat overwrites, never duplicates.
 */
export function fileMailSender(dir: string, from: string): MailSender {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'files',
    async send(m: MailMessage) {
      const info = await builder.sendMail({ from, to: m.to, subject: m.subject, text: m.text, messageId: m.messageId });
      await fs.mkdir(dir, { recursive: true });
      const file = path.join(dir, `${m.messageId.replace(/[^\w.@-]+/g, '')}.eml`);
      await fs.writeFile(`${file}.tmp`, info.message as Buffer);
      await fs.rename(`${file}.tmp`, file);
      return { id: info.messageId };
    },
    close: () => builder.close(),
  };
}
