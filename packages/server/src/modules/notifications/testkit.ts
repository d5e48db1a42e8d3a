// Test helpers for the notifications module: a real SMTP listener and an SMS gateway on loopback.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  url: string;
  messages: ParsedMail[];
  /** How many DATA commands were answered (accepted or rejected). */
  attempts: number;
  close(): Promise<void>;
}

/** An SMTP server on 127.0.0.1 that keeps every message; the first `rejectFirst` get a 451. */
export async function startSmtpSink(options: { rejectFirst?: number } = {}): Promise<SmtpSink> {
  let toReject = options.rejectFirst ?? 0;
  const sink: SmtpSink = { url: '', messages: [], attempts: 0, close: async () => undefined };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        sink.attempts++;
        if (toReject > 0) {
          toReject--;
          callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
          return;
        }
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            sink.messages.push(mail);
            callback();
          },
          (err: Error) => callback(err),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  sink.url = `smtp://127.0.0.1:${port}`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}

export interface SmsGateway {
  url: string;
  requests: { to: string; text: string; key: string | undefined; auth: string | undefined }[];
  close(): Promise<void>;
}

/** A gateway that answers {id}; `status` lets a test make it fail. */
export async function startSmsGateway(status: () => number = () => 200): Promise<SmsGateway> {
  const gw: SmsGateway = { url: '', requests: [], close: async () => undefined };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const code = status();
      if (code !== 200) {
        res.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'nope' }));
        return;
      }
      const { to, text } = JSON.parse(body) as { to: string; text: string };
      gw.requests.push({ to, text, key: req.headers['idempotency-key'] as string | undefined, auth: req.headers.authorization });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `gw-${gw.requests.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  gw.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  gw.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return gw;
}

/** Polls until `check` holds (bounded); no timing assertions, only an upper bound on waiting. */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

import type { DossierNoticePayload } from './tables.ts';

/** A dossier notice as the dossiers module would enqueue it. */
export function samplePayload(overrides: Partial<DossierNoticePayload> = {}): DossierNoticePayload {
  return {
    dossierCode: '000.00.21.H26-260212-0007',
    unitCode: '00004',
    procedureCode: '1.001193',
    procedureName: 'Đăng ký khai sinh',
    action: 'receive',
    state: 'received',
    previousState: 'submitted',
    at: '2026-02-12T02:15:00.000Z',
    dueAt: '2026-02-24T17:00:00.000Z',
    recipient: { fullName: 'Nguyễn Thị Đào', phone: '0912345678', email: 'dao@example.vn', lang: 'vi' },
    ...overrides,
  };
}
