import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../testing/harness.ts';
import { bearerFor, loginAs } from '../../testing/auth.ts';
import { sha256 } from './sessions.ts';

let t: TestContext;
let admin: Record<string, string>;
beforeAll(async () => {
  t = await startTestApp();
  admin = (await loginAs(t, 'official:phulam.quantri')).headers;
});
afterAll(async () => {
  await t?.close();
});

describe('API tokens', () => {
  it('are created by an administrator, shown once, stored hashed, listed without the secret', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/office/tokens',
      headers: admin,
      payload: { role: 'receptionist', unitCode: '30421', label: 'Kiosk tại trụ sở xã' },
    });
    expect(r.statusCode).toBe(201);
    const { token, id } = r.json() as { token: string; id: string };
    expect(token).toMatch(/^mct_[A-Za-z0-9_-]{43}$/);
    const row = await t.ctx.db.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const list = await t.app.inject({ method: 'GET', url: '/api/office/tokens', headers: admin });
    expect(list.json().items.find((i: { id: string }) => i.id === id)).toMatchObject({
      label: 'Kiosk tại trụ sở xã',
      role: 'receptionist',
      unitCode: '30421',
      revokedAt: null,
    });
    expect(list.body).not.toContain(token);
    expect(list.body).not.toContain(row.token_hash);

    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json()).toMatchObject({ kind: 'official', roles: ['receptionist'], unitCodes: ['30421'], via: 'token' });
  });

  it('stop working immediately when revoked', async () => {
    const { headers, id } = await bearerFor(t, 'commune_admin', '30421');
    expect((await t.app.inject({ method: 'GET', url: '/api/office/officials', headers })).statusCode).toBe(200);
    const revoke = await t.app.inject({ method: 'DELETE', url: `/api/office/tokens/${id}`, headers: admin });
    expect(revoke.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/office/officials', headers });
    expect(after.statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers })).statusCode).toBe(401);
  });

  it('need no CSRF token (not sent automatically by browsers)', async () => {
    const { headers } = await bearerFor(t, 'commune_admin', '30421');
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/office/officials',
      headers,
      payload: { username: 'phulam.token', fullName: 'Tạo Bằng Token', roles: ['outreach'], unitCode: '30421' },
    });
    expect(r.statusCode).toBe(201);
  });

  it('are scoped: a commune administrator cannot mint, list or revoke another commune’s tokens', async () => {
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/office/tokens', headers: admin, payload: { role: 'receptionist', unitCode: '30790' } })).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/office/tokens', headers: admin, payload: { role: 'system_admin', unitCode: '30421' } })).statusCode,
    ).toBe(403);
    const other = await bearerFor(t, 'receptionist', '30790');
    const list = await t.app.inject({ method: 'GET', url: '/api/office/tokens', headers: admin });
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(other.id);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/office/tokens/${other.id}`, headers: admin })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: other.headers })).statusCode).toBe(200);
  });

  it('reject unknown and malformed bearer tokens as anonymous', async () => {
    for (const authorization of ['Bearer mct_nothing', 'Bearer ', 'Bearer x.y.z']) {
      expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization } })).statusCode).toBe(401);
    }
  });
});
