import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../testing/harness.ts';
import { as, startDossierApp } from '../dossiers/testkit.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startDossierApp('2026-03-03T08:00:00+07:00');
});
afterAll(async () => {
  await t?.close();
});

const DESK = 'official:phulam.tiepnhan';
const OTHER = 'official:hoadien.tiepnhan';

function multipart(fields: Record<string, string>, file: { name: string; body: Buffer | string; type?: string }) {
  const boundary = '----motcua14';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'text/csv'}\r\n\r\n`),
  );
  parts.push(Buffer.isBuffer(file.body) ? file.body : Buffer.from(file.body));
  parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(who: string, kind: string, name: string, body: Buffer | string, unit = '30421') {
  const m = multipart({ unit, kind }, { name, body });
  return t.app.inject({
    method: 'POST',
    url: '/api/office/discrepancies/imports',
    headers: { ...(await as(t, who)), 'content-type': m.contentType },
    payload: m.payload,
  });
}

const CIVIL = [
  'Loại việc;Số đăng ký;Ngày đăng ký;Số định danh;Họ tên;Ngày sinh;Giới tính;Dân tộc;Quốc tịch;Nơi sinh;Họ tên cha;Họ tên mẹ;Nơi cư trú;Ngày chết;Ghi chú',
  'khai_sinh;KS-1;10/03/1990;089090000001;Nguyễn Thị Hoà;7/3/1990;Nữ;Kinh;Việt Nam;Xã Long Hoà, huyện Phú Tân, tỉnh An Giang;Nguyễn Văn Tài;Lê Thị Lan;Ấp Phú Lâm 2, xã Phú Lâm;;sổ 1990',
  'khai_sinh;KS-2;01/01/1985;;Trần Văn Bình;12/05/1985;Nam;Kinh;Việt Nam;Xã Phú Lâm, tỉnh An Giang;Trần Văn Hải;Võ Thị Mai;Ấp Phú Lâm 2, xã Phú Lâm;;',
  'khai_sinh;KS-3;01/01/1985;;Phạm Thị Xuân;31/02/1985;Nữ;Kinh;Việt Nam;;;;Ấp Phú Lâm 2;;',
  'khai_tu;KT-1;02/02/2025;089050000003;Lê Văn Sáu;1950;Nam;Kinh;Việt Nam;;;;Ấp Phú Lâm 3;01/02/2025;',
  'nhan_con;X-1;;;Ai Đó;2000;Nam;;;;;;;;',
].join('\n');
const POPULATION = [
  'so_dinh_danh,ho_ten,ngay_sinh,gioi_tinh,dan_toc,quoc_tich,noi_sinh,ho_ten_cha,ho_ten_me,noi_thuong_tru,thon,trang_thai',
  '089090000001,Nguyễn Thị Hóa,1990-03-07,female,Kinh,Việt Nam,"Xã Phú Lâm, tỉnh An Giang",Nguyễn Văn Tài,Lê Thị Lan,"Ấp Phú Lâm 2, xã Phú Lâm",Ấp Phú Lâm 2,con_song',
  '089085000002,Trần Văn Bình,1985-05-12,male,Kinh,Việt Nam,"Xã Phú Lâm, tỉnh An Giang",Trần Văn Hải,Võ Thị Mai,"Ấp Phú Lâm 2",30421-02,con_song',
  '089050000003,Lê Văn Sáu,1950,male,Kinh,Việt Nam,,,,"Ấp Phú Lâm 3",Ấp Phú Lâm 3,con_song',
  '12345,Sai Số,1990,male,Kinh,Việt Nam,,,,,Ấp Phú Lâm 2,con_song',
].join('\n');

describe('civil-status records against population data', () => {
  it('imports both extracts, reports bad rows by number and reason, and a re-run does not duplicate', async () => {
    const c = await upload(DESK, 'civil_status', 'ho-tich.csv', CIVIL);
    expect(c.statusCode).toBe(201);
    expect(c.json()).toMatchObject({ state: 'done', rowsRead: 5, rowsStored: 3, rowsBad: 2 });
    expect(c.json().problems).toEqual([
      { row: 4, reason: 'ngày "31/02/1985" không có thật' },
      { row: 6, reason: 'loai_viec "nhan_con" phải là khai_sinh, ket_hon hoặc khai_tu' },
    ]);
    const p = await upload(DESK, 'population', 'dan-cu.csv', POPULATION);
    expect(p.json()).toMatchObject({ state: 'done', rowsStored: 3, rowsBad: 1, problems: [{ row: 5 }] });
    const first = (await t.app.inject({ method: 'GET', url: '/api/office/discrepancies?unit=30421', headers: await as(t, DESK) })).json();
    expect(first.items.map((d: { type: string }) => d.type).sort()).toEqual(['death_not_reflected', 'name']);
    const name = first.items.find((d: { type: string }) => d.type === 'name');
    expect(name).toMatchObject({ hamletCode: '30421-02', fields: { name: ['Nguyễn Thị Hoà', 'Nguyễn Thị Hóa'] }, likelyRight: 'civil_status', status: 'open' });
    expect(name.civil).toMatchObject({ registrationNo: 'KS-1', birthDate: '07/03/1990' });

    // The same file again: same rows, same discrepancies, same ids.
    expect((await upload(DESK, 'population', 'dan-cu.csv', POPULATION)).json()).toMatchObject({ state: 'done', rowsStored: 3 });
    const again = (await t.app.inject({ method: 'GET', url: '/api/office/discrepancies?unit=30421', headers: await as(t, DESK) })).json();
    expect(again.items.map((d: { id: string }) => d.id).sort()).toEqual(first.items.map((d: { id: string }) => d.id).sort());
    const rows = await t.ctx.db
      .selectFrom('extract_record')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('unit_code', '=', '30421')
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(6);
  });

  it('reads an Excel workbook and refuses a file without the required columns', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('dan_cu');
    ws.addRow(['Số định danh', 'Họ tên', 'Ngày sinh', 'Giới tính', 'Thôn']);
    ws.addRow(['089099000009', 'Đặng Văn Tư', new Date(Date.UTC(1999, 8, 9)), 'Nam', 'Ấp Phú Lâm 1']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await upload(DESK, 'population', 'dan-cu.xlsx', xlsx, '30421');
    expect(r.json()).toMatchObject({ state: 'done', rowsStored: 1, rowsBad: 0 });
    const bad = await upload(DESK, 'population', 'x.csv', 'ho_ten,ngay_sinh\nA,1990\n');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().detailVi).toContain('so_dinh_danh');
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/office/discrepancies?unit=30421&type=missing_in_civil_status', headers: await as(t, DESK) })
    ).json();
    expect(list.items.map((d: { population: { fullName: string } }) => d.population.fullName)).toEqual(['Đặng Văn Tư']);
  });

  it('shows the list only to the commune’s own officials, and writes every view to the audit log', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/office/discrepancies?unit=30421', headers: await as(t, OTHER) })).statusCode).toBe(403);
    expect((await upload(OTHER, 'population', 'dan-cu.csv', POPULATION)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/office/discrepancies?unit=30421' })).statusCode).toBe(401);
    const before = await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'discrepancies.read').execute();
    const r = await t.app.inject({ method: 'GET', url: '/api/office/discrepancies?unit=30421&hamlet=30421-02', headers: await as(t, DESK) });
    expect(r.statusCode).toBe(200);
    const after = await t.ctx.db.selectFrom('audit_log').select(['detail', 'actor']).where('action', '=', 'discrepancies.read').execute();
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)!.detail).toMatchObject({ unitCode: '30421', hamlet: '30421-02', shown: r.json().items.length });
    expect(r.json().progress.find((p: { hamletCode: string }) => p.hamletCode === '30421-02')).toMatchObject({ total: 1, open: 1 });
  });

  it('turns a name discrepancy into a prefilled correction dossier in one step, once', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/office/discrepancies?unit=30421&type=name', headers: await as(t, DESK) })).json();
    const id = list.items[0].id;
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/office/discrepancies/${id}/dossier`,
      headers: await as(t, DESK),
      payload: { phone: '0912000111' },
    });
    expect(r.statusCode).toBe(201);
    const { dossierCode, discrepancy } = r.json();
    expect(discrepancy).toMatchObject({ status: 'dossier_filed', dossierCode });
    const dossier = (await t.app.inject({ method: 'GET', url: `/api/dossiers/${dossierCode}`, headers: await as(t, DESK) })).json();
    expect(dossier.procedureCode).toBe('1.004859');
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/office/discrepancies/${id}/dossier`,
      headers: await as(t, DESK),
      payload: { phone: '0912000111' },
    });
    expect(again.json().dossierCode).toBe(dossierCode);
    const death = (
      await t.app.inject({ method: 'GET', url: '/api/office/discrepancies?unit=30421&type=death_not_reflected', headers: await as(t, DESK) })
    ).json();
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/office/discrepancies/${death.items[0].id}/dossier`,
      headers: await as(t, DESK),
      payload: { phone: '0912000111' },
    });
    expect(refused.statusCode).toBe(409);
  });

  it('puts a discrepancy on an outreach session’s residents to visit, which the kit carries', async () => {
    const death = (
      await t.app.inject({ method: 'GET', url: '/api/office/discrepancies?unit=30421&type=death_not_reflected', headers: await as(t, DESK) })
    ).json();
    const d = death.items[0];
    expect(d.hamletCode).toBe('30421-03');
    const session = await t.ctx.db.selectFrom('outreach_session').select(['id', 'hamlet_codes']).where('unit_code', '=', '30421').executeTakeFirstOrThrow();
    const OUT = 'official:phulam.luudong';
    const wrongHamlet = await t.app.inject({
      method: 'POST',
      url: `/api/office/discrepancies/${d.id}/visit`,
      headers: await as(t, OUT),
      payload: { sessionId: session.id },
    });
    expect(wrongHamlet.statusCode).toBe(422);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/office/outreach/sessions/${session.id}`,
      headers: await as(t, OUT),
      payload: { hamletCodes: ['30421-03'] },
    });
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/office/discrepancies/${d.id}/visit`,
      headers: await as(t, OUT),
      payload: { sessionId: session.id },
    });
    expect(r.statusCode).toBe(201);
    const kit = (
      await t.app.inject({ method: 'GET', url: `/api/office/outreach/sessions/${session.id}/kit?deviceId=test-device-14`, headers: await as(t, OUT) })
    ).json();
    expect(kit.residentsNeedingHelp.map((x: { fullName: string; note: string }) => [x.fullName, x.note.startsWith('Sai lệch hộ tịch')])).toContainEqual([
      'Lê Văn Sáu',
      true,
    ]);
    const status = await t.app.inject({
      method: 'PATCH',
      url: `/api/office/discrepancies/${d.id}`,
      headers: await as(t, OUT),
      payload: { status: 'contacted' },
    });
    expect(status.json().status).toBe('contacted');
  });
});
