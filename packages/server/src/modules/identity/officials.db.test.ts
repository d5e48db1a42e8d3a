import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../testing/harness.ts';
import { loginAs } from '../../testing/auth.ts';

let t: TestContext;
let phuLamAdmin: Record<string, string>;
let hoaDienAdmin: Record<string, string>;
beforeAll(async () => {
  t = await startTestApp();
  phuLamAdmin = (await loginAs(t, 'official:phulam.quantri')).headers;
  hoaDienAdmin = (await loginAs(t, 'official:hoadien.quantri')).headers;
});
afterAll(async () => {
  await t?.close();
});

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, headers: Record<string, string>, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

async function officialId(username: string): Promise<string> {
  return (await t.ctx.db.selectFrom('official').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

describe('commune administrators manage their own officials', () => {
  it('lists the officials of their commune, defaulting to it', async () => {
    const r = await call('GET', '/api/office/officials', phuLamAdmin);
    expect(r.statusCode).toBe(200);
    const names = r.json().items as { username: string; unitCodes: string[] }[];
    expect(names.map((o) => o.username)).toEqual(['phulam.chuyenvien', 'phulam.lanhdao', 'phulam.luudong', 'phulam.quantri', 'phulam.tiepnhan']);
    expect(names.every((o) => o.unitCodes.includes('30421'))).toBe(true);
  });

  it('cannot list, create, update or deactivate officials of another commune (403)', async () => {
    expect((await call('GET', '/api/office/officials?unit=30790', phuLamAdmin)).statusCode).toBe(403);
    const create = await call('POST', '/api/office/officials', phuLamAdmin, {
      username: 'hoadien.moi',
      fullName: 'Trần Văn Mới',
      roles: ['receptionist'],
      unitCode: '30790',
    });
    expect(create.statusCode).toBe(403);
    const other = await officialId('hoadien.tiepnhan');
    expect((await call('PATCH', `/api/office/officials/${other}`, phuLamAdmin, { roles: ['approver'] })).statusCode).toBe(403);
    expect((await call('DELETE', `/api/office/officials/${other}`, phuLamAdmin)).statusCode).toBe(403);
    const row = await t.ctx.db.selectFrom('official').selectAll().where('id', '=', other).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ roles: ['receptionist'], active: true });
    expect(await t.ctx.db.selectFrom('official').select('id').where('username', '=', 'hoadien.moi').executeTakeFirst()).toBeUndefined();
  });

  it('creates an official, changes roles, deactivates — and the deactivated session stops at once', async () => {
    const created = await call('POST', '/api/office/officials', phuLamAdmin, {
      username: 'phulam.moi',
      fullName: 'Nguyễn Thị Mới',
      roles: ['receptionist'],
      unitCode: '30421',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: 'phulam.moi', roles: ['receptionist'], unitCodes: ['30421'], active: true, subject: null });
    const id = created.json().id as string;

    const staff = await loginAs(t, 'official:phulam.moi');
    expect((await call('GET', '/api/me', staff.headers)).json().roles).toEqual(['receptionist']);

    const updated = await call('PATCH', `/api/office/officials/${id}`, phuLamAdmin, { roles: ['receptionist', 'specialist'] });
    expect(updated.statusCode).toBe(200);
    // Roles are read per request: the open session sees the change immediately.
    expect((await call('GET', '/api/me', staff.headers)).json().roles).toEqual(['receptionist', 'specialist']);

    expect((await call('DELETE', `/api/office/officials/${id}`, phuLamAdmin)).json().active).toBe(false);
    expect((await call('GET', '/api/me', staff.headers)).statusCode).toBe(401);
    await expect(loginAs(t, 'official:phulam.moi').then((s) => call('GET', '/api/me', s.headers))).rejects.toThrow(/not an active official/);
  });

  it('cannot grant province or system roles, take a username, or lock themselves out', async () => {
    expect(
      (
        await call('POST', '/api/office/officials', phuLamAdmin, {
          username: 'phulam.tinh',
          fullName: 'Lê Văn Tỉnh',
          roles: ['province_viewer'],
          unitCode: '30421',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await call('POST', '/api/office/officials', phuLamAdmin, {
          username: 'phulam.tiepnhan',
          fullName: 'Trùng Tên',
          roles: ['receptionist'],
          unitCode: '30421',
        })
      ).statusCode,
    ).toBe(409);
    const self = await officialId('phulam.quantri');
    expect((await call('PATCH', `/api/office/officials/${self}`, phuLamAdmin, { active: false })).statusCode).toBe(409);
  });

  it('is closed to other roles and to citizens', async () => {
    const receptionist = await loginAs(t, 'official:hoadien.tiepnhan');
    expect((await call('GET', '/api/office/officials', receptionist.headers)).statusCode).toBe(403);
    const citizen = await loginAs(t, 'citizen:089095001234');
    expect((await call('GET', '/api/office/officials', citizen.headers)).statusCode).toBe(403);
    expect((await call('GET', '/api/office/officials', {})).statusCode).toBe(401);
    // Hòa Điền's own administrator can edit Hòa Điền's staff.
    const other = await officialId('hoadien.tiepnhan');
    expect((await call('PATCH', `/api/office/officials/${other}`, hoaDienAdmin, { fullName: 'Dương Thị Ngọc Hân' })).statusCode).toBe(200);
  });

  it('a system administrator manages any unit', async () => {
    const sys = await loginAs(t, 'official:hethong.quantri');
    expect((await call('GET', '/api/office/officials?unit=30790', sys.headers)).statusCode).toBe(200);
    const r = await call('POST', '/api/office/officials', sys.headers, {
      username: 'angiang.theodoi2',
      fullName: 'Phan Thị Tỉnh',
      roles: ['province_viewer'],
      unitCode: '91',
    });
    expect(r.statusCode).toBe(201);
  });
});

describe('colleagues directory', () => {
  it('lets a receptionist list the specialists of their own unit, names and roles only', async () => {
    const receptionist = (await loginAs(t, 'official:phulam.tiepnhan')).headers;
    const r = await call('GET', '/api/office/colleagues?unit=30421&role=specialist', receptionist);
    expect(r.statusCode).toBe(200);
    expect(r.json().items).toEqual([{ id: await officialId('phulam.chuyenvien'), fullName: 'Đặng Minh Khoa', roles: ['specialist'] }]);
    expect((await call('GET', '/api/office/colleagues?unit=30790', receptionist)).statusCode).toBe(403);
    const citizen = (await loginAs(t, 'citizen:089095001234')).headers;
    expect((await call('GET', '/api/office/colleagues?unit=30421', citizen)).statusCode).toBe(403);
  });
});
