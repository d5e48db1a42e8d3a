import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { PermanentDeliveryError } from './channels.ts';
import { fileMailSender, smtpMailSender } from './mail.ts';
import { fileSmsSender, httpSmsSender } from './sms.ts';
import { startSmsGateway, startSmtpSink } from './testkit.ts';
import { backoffMs, DEFAULT_BACKOFF } from '../../platform/outbox/index.ts';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-notify-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('backoff schedule', () => {
  const policy = { baseMs: 1000, maxMs: 60_000, jitter: 0.2 };
  it('doubles from the base after each failure and stops at the cap', () => {
    const noJitter = () => 0;
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map((n) => backoffMs(n, policy, noJitter))).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });
  it('jitter only shortens, by at most the jitter fraction', () => {
    expect(backoffMs(3, policy, () => 1)).toBe(3200);
    expect(backoffMs(3, policy, () => 0.5)).toBe(3600);
    for (let n = 1; n < 12; n++) {
      const d = backoffMs(n, policy);
      expect(d).toBeLessThanOrEqual(Math.min(60_000, 1000 * 2 ** (n - 1)));
      expect(d).toBeGreaterThanOrEqual(0.8 * Math.min(60_000, 1000 * 2 ** (n - 1)));
    }
  });
  it('defaults to 30 s doubling up to 6 hours', () => {
    expect(backoffMs(1, DEFAULT_BACKOFF, () => 0)).toBe(30_000);
    expect(backoffMs(20, DEFAULT_BACKOFF, () => 0)).toBe(6 * 3600_000);
  });
});

describe('SMS senders', () => {
  it('posts {to, text} with the token and idempotency key to the gateway', async () => {
    const gw = await startSmsGateway();
    try {
      const sms = httpSmsSender({ url: gw.url, token: 't0k' });
      expect(await sms.send('0912345678', 'Ho so da duoc tiep nhan', { key: 'outbox-1.sms' })).toEqual({ id: 'gw-1' });
      expect(gw.requests).toEqual([{ to: '0912345678', text: 'Ho so da duoc tiep nhan', key: 'outbox-1.sms', auth: 'Bearer t0k' }]);
    } finally {
      await gw.close();
    }
  });

  it('treats 4xx as permanent and 5xx as worth retrying', async () => {
    let status = 400;
    const gw = await startSmsGateway(() => status);
    try {
      const sms = httpSmsSender({ url: gw.url, token: null });
      await expect(sms.send('1', 'x')).rejects.toBeInstanceOf(PermanentDeliveryError);
      status = 503;
      const err = await sms.send('1', 'x').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      expect(err).not.toBeInstanceOf(PermanentDeliveryError);
    } finally {
      await gw.close();
    }
  });

  it('appends JSON lines to the local log', async () => {
    const file = path.join(dir, 'sms.log');
    const sms = fileSmsSender(file);
    await sms.send('0911', 'mot', { key: 'k1' });
    await sms.send('0922', 'hai');
    const lines = fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { to: string; text: string; id: string });
    expect(lines.map((l) => [l.to, l.text])).toEqual([
      ['0911', 'mot'],
      ['0922', 'hai'],
    ]);
    expect(lines[0]!.id).toBe('k1');
  });
});

describe('mail senders', () => {
  const message = {
    to: 'dao@example.vn',
    subject: 'Hồ sơ đã được tiếp nhận',
    text: 'Kính gửi ông/bà Nguyễn Thị Đào,\nHẹn ngày 25/02/2026.',
    messageId: '<outbox-9.email@motcua.example.vn>',
  };

  it('sends through a real SMTP server with the stable Message-ID', async () => {
    const sink = await startSmtpSink();
    const mail = smtpMailSender(sink.url, 'Motcua <no-reply@motcua.example.vn>');
    try {
      expect(await mail.send(message)).toEqual({ id: message.messageId });
      expect(sink.messages).toHaveLength(1);
      const m = sink.messages[0]!;
      expect(m.subject).toBe(message.subject);
      expect(m.text?.trim()).toBe(message.text);
      expect(m.messageId).toBe(message.messageId);
    } finally {
      mail.close();
      await sink.close();
    }
  });

  it('writes .eml files in development, once per message however often it is repeated', async () => {
    const out = path.join(dir, 'outbox-mail');
    const mail = fileMailSender(out, 'Motcua <no-reply@localhost>');
    await mail.send(message);
    await mail.send(message);
    const files = fs.readdirSync(out);
    expect(files).toEqual(['outbox-9.email@motcua.example.vn.eml']);
    const parsed = await simpleParser(fs.readFileSync(path.join(out, files[0]!)));
    expect(parsed.subject).toBe(message.subject);
    expect(parsed.text?.trim()).toBe(message.text);
    mail.close();
  });
});
