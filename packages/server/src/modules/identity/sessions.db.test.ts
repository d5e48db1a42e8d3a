import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../testing/harness.ts';
import { loginAs } from '../../testing/auth.ts';
import type { fixedClock } from '../../platform/clock.ts';
import { sha256 } from './sessions.ts';

let t: TestContext;
let clock: ReturnType<typeof fixedClock>;
beforeAll(async () => {
  t = await startTestApp({ clock: '2026-11-23T08:00:00+07:00' });
  clock = t.clock as typeof clock;
});
afterAll(async () => {
  await t?.close();
});

const me = (headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: '/api/me', headers });
const MINUTE = 60_000;

describe('sessions', () => {
  it('answers 401 problem+json to anonymous callers', async () => {
    const r = await me();
    expect(r.statusCode).toBe(401);
    expect(r.headers['content-type']).toContain('application/problem+json');
  });

  it('stores only the SHA-256 of the session id', async () => {
    const s = await loginAs(t, 'citizen:089095001234');
    const rows = await t.ctx.db.selectFrom('auth_session').select(['id_hash', 'csrf_hash']).execute();
    expect(rows.some((r) => r.id_hash === sha256(s.sessionId))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(s.sessionId);
    expect(JSON.stringify(rows)).not.toContain(s.csrfToken);
    expect((await me(s.headers)).json()).toMatchObject({ kind: 'citizen', idNumber: '089095001234', fullName: 'Nguyễn Văn An' });
  });

  it('treats a tampered or unknown session cookie as anonymous', async () => {
    const s = await loginAs(t, 'citizen:089095001234');
    const flipped = s.sessionId.slice(0, -1) + (s.sessionId.endsWith('A') ? 'B' : 'A');
    expect((await me({ cookie: `motcua_session=${flipped}` })).statusCode).toBe(401);
    expect((await me({ cookie: 'motcua_session=' })).statusCode).toBe(401);
    expect((await me({ cookie: `motcua_session=${s.sessionId}` })).statusCode).toBe(200);
  });

  it('expires after 30 idle minutes, and slides while in use', async () => {
    const s = await loginAs(t, 'citizen:089190004567');
    clock.advance(25 * MINUTE);
    expect((await me(s.headers)).statusCode).toBe(200);
    clock.advance(25 * MINUTE); // 50 minutes after login, 25 after the last request
    expect((await me(s.headers)).statusCode).toBe(200);
    clock.advance(30 * MINUTE);
    expect((await me(s.headers)).statusCode).toBe(401);
    // The expired row is gone, not just ignored.
    expect(await t.ctx.db.selectFrom('auth_session').select('id_hash').where('id_hash', '=', sha256(s.sessionId)).executeTakeFirst()).toBeUndefined();
  });

  it('ends 12 hours after login however active the person is', async () => {
    const s = await loginAs(t, 'official:phulam.tiepnhan');
    for (let elapsed = 0; elapsed < 12 * 60 - 20; elapsed += 20) {
      clock.advance(20 * MINUTE);
      expect((await me(s.headers)).statusCode, `after ${elapsed + 20} min`).toBe(200);
    }
    clock.advance(20 * MINUTE);
    expect((await me(s.headers)).statusCode).toBe(401);
  });

  it('clears abandoned sessions when someone logs in', async () => {
    const abandoned = await loginAs(t, 'citizen:091178006789');
    clock.advance(31 * MINUTE);
    await loginAs(t, 'citizen:089052003311');
    expect(await t.ctx.db.selectFrom('auth_session').select('id_hash').where('id_hash', '=', sha256(abandoned.sessionId)).executeTakeFirst()).toBeUndefined();
  });

  it('sets httpOnly SameSite=Lax session cookie and a JS-readable CSRF cookie; logout deletes the session', async () => {
    const s = await loginAs(t, 'citizen:091201002345');
    const out = await t.app.inject({ method: 'POST', url: '/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.map((c) => c.name);
    expect(cleared).toEqual(expect.arrayContaining(['motcua_session', 'motcua_csrf']));
    expect((await me(s.headers)).statusCode).toBe(401);
  });
});

describe('CSRF protection on cookie-authenticated changes', () => {
  const newOfficial = (n: number) => ({ username: `phulam.csrf${n}`, fullName: 'Lê Thị Thử', roles: ['receptionist'], unitCode: '30421' });

  it('refuses a change without the token (403) and accepts it with the header', async () => {
    const admin = await loginAs(t, 'official:phulam.quantri');
    const { cookie } = admin.headers;
    const without = await t.app.inject({ method: 'POST', url: '/api/office/officials', headers: { cookie: cookie! }, payload: newOfficial(1) });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('csrf_failed');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/office/officials',
      headers: { cookie: cookie!, 'x-csrf-token': 'x'.repeat(43) },
      payload: newOfficial(1),
    });
    expect(wrong.statusCode).toBe(403);
    // Both cookie and header replaced by an attacker-chosen pair: not this session's token.
    const planted = await t.app.inject({
      method: 'POST',
      url: '/api/office/officials',
      headers: { cookie: `motcua_session=${admin.sessionId}; motcua_csrf=chosen`, 'x-csrf-token': 'chosen' },
      payload: newOfficial(1),
    });
    expect(planted.statusCode).toBe(403);
    expect((await t.ctx.db.selectFrom('official').select('id').where('username', '=', 'phulam.csrf1').execute()).length).toBe(0);

    const ok = await t.app.inject({ method: 'POST', url: '/api/office/officials', headers: admin.headers, payload: newOfficial(1) });
    expect(ok.statusCode).toBe(201);
  });

  it('needs no token for reads', async () => {
    const admin = await loginAs(t, 'official:phulam.quantri');
    const r = await t.app.inject({ method: 'GET', url: '/api/office/officials', headers: { cookie: admin.headers.cookie! } });
    expect(r.statusCode).toBe(200);
  });
});
