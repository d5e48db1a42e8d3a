import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestContext } from '../../testing/harness.ts';
import { makePng } from '../uploads/testkit.ts';
import { AN, NGOC, as, client, maritalStatusBody, startDossierApp } from './testkit.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startDossierApp('2026-03-02T09:00:00+07:00');
});
afterAll(async () => {
  await t?.close();
});

const upload = async (who: string) => {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/uploads?filename=cccd-mat-truoc.png',
    headers: { 'content-type': 'image/png', ...(await as(t, who)) },
    payload: makePng(),
  });
  expect(r.statusCode).toBe(201);
  return r.json() as { id: string; sha256: string; size: number };
};

describe('attachments', () => {
  it("attaches the applicant's own uploads, refuses someone else's, and audits an official opening one", async () => {
    const c = client(t);
    const mine = await upload(`citizen:${AN}`);
    const hers = await upload(`citizen:${NGOC}`);
    const refused = await c.submit(`citizen:${AN}`, maritalStatusBody(AN, { attachments: [hers.id] }));
    expect(refused.statusCode).toBe(404);
    const r = await c.submit(`citizen:${AN}`, maritalStatusBody(AN, { attachments: [{ uploadId: mine.id, label: 'CCCD mặt trước' }] }));
    expect(r.statusCode).toBe(201);
    const d = r.json();
    expect(d.attachments).toEqual([
      { id: mine.id, filename: 'cccd-mat-truoc.png', mediaType: 'image/png', size: mine.size, sha256: mine.sha256, label: 'CCCD mặt trước' },
    ]);
    const view = await t.app.inject({ method: 'GET', url: `/api/uploads/${mine.id}?dossier=${d.code}`, headers: await as(t, 'official:phulam.tiepnhan') });
    expect(view.statusCode).toBe(200);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'detail']).where('dossier_code', '=', d.code).execute();
    expect(audit).toContainEqual({
      action: 'dossier.attachment.read',
      detail: { uploadId: mine.id, kinds: ['documents'], as: { roles: ['receptionist'], unitCodes: ['30421'], via: 'session' } },
    });
  });
});
