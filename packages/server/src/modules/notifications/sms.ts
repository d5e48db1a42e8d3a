import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PermanentDeliveryError, type SmsSender } from './channels.ts';

/** Development stand-in: one JSON line per SMS in `file` (`tail -f data/sms.log`). */
export function fileSmsSender(file: string, now: () => Date = () => new Date()): SmsSender {
  return {
    kind: 'file',
    async send(phone, text, options) {
      const id = options?.key ?? randomUUID();
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.appendFile(file, JSON.stringify({ at: now().toISOString(), id, to: phone, text }) + '\n');
      return { id };
    },
  };
}

export interface HttpSmsOptions {
  url: string;
  token: string | null;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/**
 * A real gateway over HTTP: POST {to, text} as JSON with a bearer token and an Idempotency-Key.
 * The gateway's id is read from `{ id }` (or `messageId`) in a JSON answer. 4xx other than
 * 408/429 will not improve by retrying; everything else (5xx, network, timeout) is retried.
 */
export function httpSmsSender(options: HttpSmsOptions): SmsSender {
  const doFetch = options.fetch ?? fetch;
  return {
    kind: 'http',
    async send(phone, text, sendOptions) {
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (sendOptions?.key) headers['idempotency-key'] = sendOptions.key;
      const response = await doFetch(options.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ to: phone, text }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
      const body = await response.text();
      if (!response.ok) {
        const message = `SMS gateway ${response.status}: ${body.slice(0, 200)}`;
        if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
          throw new PermanentDeliveryError(message);
        }
        throw new Error(message);
      }
      let id: unknown;
      try {
        const json = JSON.parse(body) as { id?: unknown; messageId?: unknown };
        id = json.id ?? json.messageId;
      } catch {
        id = undefined;
      }
      return { id: id === undefined || id === null ? (sendOptions?.key ?? randomUUID()) : String(id) };
    },
  };
}
