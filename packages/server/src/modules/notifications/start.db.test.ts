import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { inTransaction, type DatabaseHandle } from '../../db/database.ts';
import { contextFor } from '../../services.ts';
import { systemClock } from '../../platform/clock.ts';
import { openMigratedTestDatabase, testConfig } from '../../testing/harness.ts';
import { enqueueOutbox } from '../../platform/outbox/index.ts';
import { startNotifications, DOSSIER_NOTICE } from './index.ts';
import { samplePayload, waitFor } from './testkit.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openMigratedTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

describe('startNotifications without SMTP_URL and SMS_URL', () => {
  it('writes .eml files and sms.log lines under DATA_DIR and says so', async () => {
    const config = testConfig();
    const ctx = contextFor(config, handle, systemClock);
    const warnings: string[] = [];
    const log = { info() {}, warn: (m: string) => warnings.push(m), error() {} };
    const n = await startNotifications(ctx, { ...(handle.pglite ? { pglite: handle.pglite } : {}), log });
    try {
      expect(warnings.join('\n')).toContain(path.join(config.dataDir, 'outbox-mail'));
      expect(warnings.join('\n')).toContain(path.join(config.dataDir, 'sms.log'));
      await inTransaction(handle.db, (trx) =>
        enqueueOutbox(trx, DOSSIER_NOTICE, samplePayload({ action: 'record_apology', state: 'in_progress', reason: 'Mất điện' })),
      );
      const smsLog = path.join(config.dataDir, 'sms.log');
      await waitFor(() => fs.existsSync(smsLog), 'sms.log');
      const mailDir = path.join(config.dataDir, 'outbox-mail');
      const [file] = fs.readdirSync(mailDir);
      const mail = await simpleParser(fs.readFileSync(path.join(mailDir, file!)));
      expect(mail.subject).toBe('Xin lỗi ông/bà: hồ sơ 000.00.21.H26-260212-0007 bị trễ hẹn');
      expect(mail.text).toContain('Ngày hẹn mới: ngày 25/02/2026.');
      const line = JSON.parse(fs.readFileSync(smsLog, 'utf8').trim()) as { to: string; text: string };
      expect(line).toMatchObject({ to: '0912345678', text: 'Xin loi ong/ba, ho so 000.00.21.H26-260212-0007 bi tre hen. Hen moi ngay 25/02/2026.' });
    } finally {
      await n.stop();
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    }
  });
});
