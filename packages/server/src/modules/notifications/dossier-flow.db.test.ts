// The contract with the dossiers module: notices it enqueues on real submissions become the right SMS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../testing/harness.ts';
import { AN, client, maritalStatusBody, setClock, startDossierApp } from '../dossiers/testkit.ts';
import type { SmsSender } from './channels.ts';
import { dossierNoticeHandler } from './dossier-notices.ts';
import { fileMailSender } from './mail.ts';
import { DOSSIER_NOTICE } from './outbox.ts';
import { OutboxWorker } from '../../platform/outbox/index.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startDossierApp('2026-03-02T09:00:00+07:00');
});
afterAll(async () => {
  await t?.close();
});

describe('notices from the dossier workflow', () => {
  it('tells an online applicant the dossier awaits checking, and a counter applicant the appointment', async () => {
    const c = client(t);
    setClock(t, '2026-03-02T09:00:00+07:00'); // a Monday; the server's clock, not the machine's
    const online = await c.submit(`citizen:${AN}`, maritalStatusBody(AN));
    const atDesk = await c.submit('official:phulam.tiepnhan', { ...maritalStatusBody(AN), channel: 'counter', consent: { method: 'signature' } });
    expect([online.statusCode, atDesk.statusCode]).toEqual([201, 201]);

    const sent: { phone: string; text: string }[] = [];
    const sms: SmsSender = {
      kind: 'memory',
      send: async (phone, text) => {
        sent.push({ phone, text });
        return { id: String(sent.length) };
      },
    };
    const mail = fileMailSender(`${t.config.dataDir}/outbox-mail`, 'x@y.vn');
    const w = new OutboxWorker({
      db: t.ctx.db,
      clock: t.clock,
      handlers: { [DOSSIER_NOTICE]: dossierNoticeHandler({ mail, sms, publicUrl: t.config.publicUrl }) },
    });
    while ((await w.runOnce()) > 0);
    mail.close();

    const textFor = (code: string) => sent.filter((s) => s.text.includes(code)).map((s) => [s.phone, s.text]);
    expect(textFor(online.json().code)).toEqual([['0912345678', `Ho so ${online.json().code} da duoc nop, dang cho can bo kiem tra.`]]);
    // Marital status: 3 working days from Monday 2 March 2026.
    const [[, receipt]] = textFor(atDesk.json().code) as [[string, string]];
    expect(receipt).toMatch(/^Ho so \S+ da duoc tiep nhan\. Hen tra ket qua (\d\d:\d\d )?ngay 05\/03\/2026\.$/);
  });
});
