import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderDossierNotice } from './render.ts';
import { fitSms, isGsm7, SMS_MAX, toSmsText } from './sms-text.ts';
import { noticeKind, NOTICE_TEXTS, vietnamDateTime, type NoticeKind } from './templates.ts';
import { samplePayload } from './testkit.ts';

const url = { publicUrl: 'https://motcua.example.vn' };

describe('toSmsText', () => {
  it('strips diacritics and đ but keeps case and punctuation', () => {
    expect(toSmsText('Đã tiếp nhận hồ sơ của Ông Đặng Văn Ất: hẹn ngày 25/02/2026.')).toBe('Da tiep nhan ho so cua Ong Dang Van At: hen ngay 25/02/2026.');
    expect(toSmsText('Hoà – Thuỷ “ổn”…')).toBe('Hoa - Thuy "on"...');
  });

  it('always yields GSM-7 text, whatever was typed', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => isGsm7(toSmsText(s))));
  });

  it('shortens only the variable part to stay within one segment', () => {
    const s = fitSms('Ho so X can bo sung: ', 'Thiếu bản sao giấy chứng nhận kết hôn của cha mẹ. '.repeat(10), ' Xin cam on.');
    expect(s.length).toBe(SMS_MAX);
    expect(s.startsWith('Ho so X can bo sung: Thieu ban sao')).toBe(true);
    expect(s.endsWith('... Xin cam on.')).toBe(true);
    expect(fitSms('Ngắn: ', 'lý do')).toBe('Ngan: ly do');
  });
});

describe('dossier notice templates', () => {
  it('maps actions to notices; internal steps send nothing', () => {
    expect(noticeKind({ action: 'submitted', state: 'submitted' })).toBe('submitted');
    expect(noticeKind({ action: 'submitted', state: 'received' })).toBe('received');
    expect(noticeKind({ action: 'complete_on_spot', state: 'result_ready' })).toBe('result_ready');
    expect(noticeKind({ action: 'assign', state: 'in_progress' })).toBeNull();
    expect(renderDossierNotice(samplePayload({ action: 'propose', state: 'pending_approval' }), url)).toBeNull();
  });

  it('dates appointments in Vietnam time', () => {
    // 17:00 UTC on the 24th is midnight on the 25th in Hà Nội.
    expect(vietnamDateTime('2026-02-24T17:00:00.000Z')).toEqual({ date: '25/02/2026', time: null });
    expect(vietnamDateTime('2026-02-25T07:00:00.000Z')).toEqual({ date: '25/02/2026', time: '14:00' });
  });

  it('writes the receipt in Vietnamese with the code and appointment, English below', () => {
    const n = renderDossierNotice(samplePayload(), url)!;
    expect(n.subject).toBe('Hồ sơ 000.00.21.H26-260212-0007 đã được tiếp nhận');
    expect(n.text).toContain('Kính gửi ông/bà Nguyễn Thị Đào,');
    expect(n.text).toContain('Ngày hẹn trả kết quả: ngày 25/02/2026.');
    expect(n.text.indexOf('Dear Nguyễn Thị Đào')).toBeGreaterThan(n.text.indexOf('Kính gửi'));
    expect(n.text).toContain('Your result will be ready on 25/02/2026.');
    expect(n.sms).toBe('Ho so 000.00.21.H26-260212-0007 da duoc tiep nhan. Hen tra ket qua ngay 25/02/2026.');
  });

  it('puts English first for an English reader', () => {
    const n = renderDossierNotice(samplePayload({ recipient: { fullName: 'Jane Doe', phone: '1', email: 'j@x.vn', lang: 'en' } }), url)!;
    expect(n.subject).toBe('Application 000.00.21.H26-260212-0007 received');
    expect(n.text.indexOf('Dear Jane Doe')).toBeLessThan(n.text.indexOf('Kính gửi'));
    expect(n.sms).toMatch(/^Application .* received\. Result ready on 25\/02\/2026\.$/);
  });

  it('carries reasons and new appointments where the notice needs them', () => {
    const supp = renderDossierNotice(
      samplePayload({ action: 'request_supplement', state: 'supplement_requested', reason: 'Thiếu bản sao giấy chứng sinh' }),
      url,
    )!;
    expect(supp.text).toContain('Lý do: Thiếu bản sao giấy chứng sinh.');
    expect(supp.sms).toContain('can bo sung: Thieu ban sao giay chung sinh');
    const apology = renderDossierNotice(
      samplePayload({ action: 'record_apology', state: 'in_progress', reason: 'Mất điện', dueAt: '2026-03-02T08:30:00.000Z' }),
      url,
    )!;
    expect(apology.subject).toContain('trễ hẹn');
    expect(apology.text).toContain('Ngày hẹn mới: 15:30 ngày 02/03/2026.');
    const ready = renderDossierNotice(samplePayload({ action: 'mark_result_ready', state: 'result_ready', deliveryMethod: 'post' }), url)!;
    expect(ready.text).toContain('qua bưu điện');
    const moved = renderDossierNotice(samplePayload({ action: 'transfer', state: 'submitted', unitName: 'Phường Ba Đình', reason: 'Sai địa bàn' }), url)!;
    expect(moved.sms).toBe('Ho so 000.00.21.H26-260212-0007 da chuyen den Phuong Ba Dinh. Ong/ba khong can nop lai.');
  });

  it('keeps every SMS within one GSM-7 segment, even with a very long reason', () => {
    const longReason =
      'Giấy tờ chứng minh nơi cư trú không khớp với thông tin trong cơ sở dữ liệu quốc gia về dân cư; đề nghị bổ sung xác nhận của công an xã. '.repeat(3);
    for (const kind of Object.keys(NOTICE_TEXTS) as NoticeKind[]) {
      for (const lang of ['vi', 'en'] as const) {
        const action = {
          submitted: 'submitted',
          received: 'receive',
          supplement_requested: 'request_supplement',
          supplement_received: 'submit_supplement',
          intake_refused: 'refuse_intake',
          transferred: 'transfer',
          refused: 'refuse',
          result_ready: 'mark_result_ready',
          returned: 'return_result',
          apology: 'record_apology',
          withdrawn: 'withdraw',
          cancelled: 'cancel',
        }[kind];
        const p = samplePayload({
          action,
          state: 'x',
          reason: longReason,
          unitName: 'Phường Hoàn Kiếm, Thành phố Hà Nội',
          recipient: { fullName: 'A', phone: '1', email: null, lang },
        });
        const n = renderDossierNotice(p, url)!;
        expect(n.kind).toBe(kind);
        expect(n.sms.length, `${kind}/${lang}: ${n.sms}`).toBeLessThanOrEqual(SMS_MAX);
        expect(isGsm7(n.sms), n.sms).toBe(true);
        expect(n.sms).toContain(p.dossierCode);
      }
    }
  });
});
