export { PermanentDeliveryError } from '../../platform/outbox/index.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Stable per outbox message, so a duplicate after a crash is recognisable downstream. */
  messageId: string;
}

export interface MailSender {
  /** 'smtp' or 'files', for logs. */
  readonly kind: string;
  send(message: MailMessage): Promise<{ id: string }>;
  close(): void;
}

export interface SmsSender {
  readonly kind: string;
  /** `key` is stable per outbox message; gateways that honour Idempotency-Key drop repeats. */
  send(phone: string, text: string, options?: { key?: string }): Promise<{ id: string }>;
}
