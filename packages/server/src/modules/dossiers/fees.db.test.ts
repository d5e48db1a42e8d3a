import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../testing/harness.ts';
import { AN, as, certifyCopyBody, maritalStatusBody, startDossierApp } from './testkit.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startDossierApp('2026-03-02T09:00:00+07:00');
});
afterAll(async () => {
  await t?.close();
});

const receptionist = 'official:phulam.tiepnhan';
const submit = async (who: string, payload: object) => t.app.inject({ method: 'POST', url: '/api/dossiers', headers: await as(t, who), payload });
const adjust = async (who: string, code: string, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/dossiers/${code}/fee`, headers: await as(t, who), payload });
const feeAudits = async (code: string) =>
  t.ctx.db.selectFrom('audit_log').select(['action', 'detail']).where('dossier_code', '=', code).where('action', '=', 'dossier.fee_adjust').execute();
const adjustments = async (code: string) => (await t.ctx.db.selectFrom('dossier_fee_adjustment').selectAll().where('dossier_code', '=', code).execute()).length;

describe('the fee at filing', () => {
  it('computes a certification fee from the pages and copies of each original (Circular 226/2016 art. 4)', async () => {
    const form = {
      documents: [
        { documentName: 'Học bạ THPT', pages: 12, copies: 2 },
        { documentName: 'Bằng tốt nghiệp', pages: 1, copies: 3 },
      ],
    };
    const r = await submit(receptionist, certifyCopyBody(AN, { form }));
    expect(r.statusCode).toBe(201);
    const d = r.json();
    expect(d).toMatchObject({ feeVnd: 2 * 14000 + 3 * 2000, feeDueAt: 'intake', feeAdjustments: [] });
    expect(d.fee.lines.map((l: { amountVnd: number }) => l.amountVnd)).toEqual([28000, 6000]);
    expect(d.fee.basis).toEqual(['Thông tư 226/2016/TT-BTC, Điều 4']);
  });

  it('exempts a claimed poor household and names the evidence; an unclaimed one stays for the commune to tell', async () => {
    const claimed = await submit(`citizen:${AN}`, maritalStatusBody(AN, { form: { ...maritalStatusBody(AN).form, feeExemption: 'poor_household' } }));
    expect(claimed.statusCode).toBe(201);
    expect(claimed.json()).toMatchObject({ feeVnd: 0, fee: { exemption: { kind: 'poor_household', grantedBy: 'receiving_official' } } });
    const plain = await submit(`citizen:${AN}`, maritalStatusBody(AN));
    expect(plain.json()).toMatchObject({ feeVnd: null, fee: { exemption: null, amountVnd: null } });
  });
});

describe('an official adjusts the fee with a reason', () => {
  it('records the new amount, shows it on the dossier and audits both amounts', async () => {
    const d = (await submit(receptionist, certifyCopyBody(AN))).json();
    expect(d.feeVnd).toBe(4000);
    const r = await adjust(receptionist, d.code, { feeVnd: 6000, reason: 'Bản chính có 2 trang, không phải 1', version: d.version });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ feeVnd: 6000, feeAdjustments: [{ fromVnd: 4000, toVnd: 6000, byName: 'Huỳnh Thị Mỹ Linh' }] });
    expect((await feeAudits(d.code)).map((a) => a.detail)).toEqual([
      { fromVnd: 4000, toVnd: 6000, computedVnd: 4000, reason: 'Bản chính có 2 trang, không phải 1' },
    ]);
    // The applicant sees the amount due now.
    const mine = await t.app.inject({ method: 'GET', url: `/api/dossiers/${d.code}`, headers: await as(t, `citizen:${AN}`) });
    expect(mine.json().feeVnd).toBe(6000);
  });

  it('refuses bad input, other units, other roles, citizens and stale versions, changing nothing', async () => {
    const d = (await submit(receptionist, certifyCopyBody(AN))).json();
    const cases: [string, object, number][] = [
      [receptionist, { feeVnd: -1, reason: 'Số âm không hợp lệ' }, 400],
      [receptionist, { feeVnd: 1.5, reason: 'Không phải số nguyên' }, 400],
      [receptionist, { feeVnd: 1000 }, 400],
      [receptionist, { feeVnd: 1000, reason: '  ab  ' }, 400],
      [receptionist, { feeVnd: 1000, reason: 'Trường lạ', extra: true }, 400],
      [receptionist, { feeVnd: 1000, reason: 'Phiên bản cũ', version: d.version + 5 }, 409],
      ['official:hoadien.tiepnhan', { feeVnd: 1000, reason: 'Không phải đơn vị mình' }, 404],
      ['official:phulam.chuyenvien', { feeVnd: 1000, reason: 'Chuyên viên không thu phí' }, 403],
      [`citizen:${AN}`, { feeVnd: 0, reason: 'Tự miễn lệ phí cho mình' }, 403],
    ];
    for (const [who, body, status] of cases) {
      const r = await adjust(who, d.code, body);
      expect(r.statusCode, `${who} ${JSON.stringify(body)}`).toBe(status);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(r.json().detailVi).toBeTruthy();
    }
    expect(await adjustments(d.code)).toBe(0);
    expect(await feeAudits(d.code)).toEqual([]);
    expect((await adjust(receptionist, 'NOPE-260302-0001', { feeVnd: 1000, reason: 'Không có hồ sơ' })).statusCode).toBe(404);
  });

  it('keeps the fee of a closed dossier (422, nothing recorded)', async () => {
    const d = (await submit(receptionist, certifyCopyBody(AN))).json();
    const cancelled = await t.app.inject({
      method: 'POST',
      url: `/api/dossiers/${d.code}/actions`,
      headers: await as(t, receptionist),
      payload: { action: 'cancel', reason: 'Người yêu cầu đổi ý', version: d.version },
    });
    expect(cancelled.statusCode).toBe(200);
    const r = await adjust(receptionist, d.code, { feeVnd: 0, reason: 'Sau khi đã hủy hồ sơ' });
    expect(r.statusCode).toBe(422);
    expect(r.json().code).toBe('fee_locked');
    expect(await adjustments(d.code)).toBe(0);
  });
});
