// What the access drill sends to each route of the app, and what each request would give away.
// Every route in the route table must have an entry here, or the drill fails: a new route is a new
// question of who may see what. Expectations are in terms of the who-sees-what table's kinds.
import { randomUUID } from 'node:crypto';
import type { DataKind } from '@motcua/core/privacy';
import type { Seeded, Target } from './access-matrix-seed.ts';

export interface Probe {
  method: string;
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  /** Whose data the answer concerns (the seeded targets it is about). */
  targets: Target[];
  /**
   * Kinds the route serves when the table allows them (all of them, for at least one target):
   * a refusal then is a wrongful refusal. Absent: a change or an action, checked for leaks only.
   */
  reads?: DataKind[];
  /** Marker kinds an allowed answer must contain (else the data was withheld). */
  expect?: DataKind[];
  /**
   * place: data of the targets' units and citizens; self: the caller's own (citizen routes);
   * home: the caller's own units, whatever they are (e.g. the API tokens list); unit: a unit's
   * lists, for readers of the unit (a citizen's own reach does not count there).
   */
  mode?: 'place' | 'self' | 'home' | 'unit';
}

export interface Route {
  method: string;
  url: string;
}

const json = { 'content-type': 'application/json' };

export function probesFor(route: Route, s: Seeded): Probe[] | null {
  const { A, B, X, P, Q } = s.targets;
  const both = [A, B] as const;
  const c = (t: Target) => s.cases[t.key as 'A' | 'B'];
  const get = (url: string, targets: Target[], more: Omit<Probe, 'method' | 'url' | 'targets'> = {}): Probe => ({ method: 'GET', url, targets, ...more });
  const write = (method: string, url: string, payload: unknown, targets: Target[] = []): Probe => ({
    method,
    url,
    payload,
    targets,
    headers: payload === undefined ? {} : json,
  });
  const none: Target[] = [];
  const rnd = () => randomUUID();
  const key = `${route.method === 'HEAD' ? 'GET' : route.method} ${route.url}`;
  const probes = ((): Probe[] | null => {
    switch (key) {
      // Public pages and data: no personal data in any answer.
      case 'GET /health':
      case 'GET /openapi.json':
      case 'GET /api/units':
      case 'GET /api/procedures':
      case 'GET /api/procedure-groups':
      case 'GET /verify':
        return [get(route.url, none)];
      case 'GET /api/units/resolve':
        return [get('/api/units/resolve?address=Phú Lâm, An Giang', none)];
      case 'GET /api/units/:code':
      case 'GET /api/units/:code/hamlets':
        return [A, B].map((t) => get(route.url.replace(':code', t.unit), none));
      case 'GET /api/procedures/:code':
        return [get('/api/procedures/1.004873', none)];
      // Decision 766 transparency figures (issue 15): scores and counts only.
      case 'GET /api/public/insights/:code':
        return [A, B, P].map((t) => get(`/api/public/insights/${t.unit}`, none));
      case 'GET /api/outreach/schedule':
        return both.map((t) => get(`/api/outreach/schedule?unit=${t.unit}`, none));
      case 'GET /lich-luu-dong/:unitCode':
        return both.map((t) => get(`/lich-luu-dong/${t.unit}`, none));
      // Published audit anchors: hashes and signatures, no personal data (issue #10).
      case 'GET /xa':
      case 'GET /xa/_/page.css':
      case 'GET /verify/verify.js':
        return [get(route.url, none)];
      case 'GET /xa/:code':
        return both.map((t) => get(`/xa/${t.unit}`, none));
      case 'GET /api/audit-anchors/:chain':
        return both.map((t) => get(`/api/audit-anchors/${t.unit}`, none));
      case 'POST /api/audit-anchors/:chain':
        return both.map((t) => write('POST', `/api/audit-anchors/${t.unit}`, undefined));
      case 'GET /verify/:code':
        return both.flatMap((t) =>
          c(t).documents.map((d) => get(new URL(d.verifyUrl).pathname + new URL(d.verifyUrl).search, [t], { headers: { accept: 'application/json' } })),
        );
      case 'GET /api/lookup':
        return both.map((t) => get(`/api/lookup?code=${c(t).code}&phone=${c(t).phone}`, [t]));
      case 'GET /dev-idp/*':
      case 'GET /dev-idp/interaction/:uid':
      case 'GET /dev-idp/interaction/:uid/abort':
        return [get(route.url.replace('*', 'drill').replace(':uid', 'drill'), none)];
      case 'POST /dev-idp/*':
      case 'PUT /dev-idp/*':
      case 'DELETE /dev-idp/*':
      case 'OPTIONS /dev-idp/*':
        return [write(route.method, '/dev-idp/drill', {})];
      case 'POST /dev-idp/interaction/:uid/login':
        return [write('POST', '/dev-idp/interaction/drill/login', {})];
      case 'GET /auth/login':
        return [get('/auth/login?returnTo=/ho-so-cua-toi', none)];
      case 'GET /auth/callback':
        return [get('/auth/callback?code=x&state=y', none)];
      case 'POST /auth/logout':
        return [write('POST', '/auth/logout', undefined)];

      // The caller's own account and data.
      case 'GET /api/me':
        return [get('/api/me', none, { reads: ['account'], mode: 'home' })];
      case 'GET /api/me/dossiers':
        return [get('/api/me/dossiers', [...both], { reads: ['identity', 'contact', 'application'], expect: ['identity', 'contact'], mode: 'self' })];
      case 'GET /api/me/documents':
        return [get('/api/me/documents', [...both], { reads: ['documents'], mode: 'self' })];
      case 'GET /api/me/access-log':
        return [get('/api/me/access-log', [...both], { reads: ['access_log'], mode: 'self' })];
      case 'GET /api/me/export':
        return [
          get('/api/me/export', [...both], {
            reads: ['identity', 'contact', 'application', 'documents', 'results', 'access_log', 'account'],
            expect: ['identity', 'contact'],
            mode: 'self',
          }),
        ];

      // A dossier and what hangs off it.
      case 'GET /api/dossiers/:code':
        return both.map((t) => get(`/api/dossiers/${c(t).code}`, [t], { reads: ['identity', 'contact', 'application'], expect: ['identity', 'contact'] }));
      // Where the dossier stands (version, state, documents issued): no personal data in the answer,
      // but only those who may open the dossier learn that it exists (the same 404 as the detail).
      case 'GET /api/dossiers/:code/progress':
        return both.map((t) => get(`/api/dossiers/${c(t).code}/progress`, [t], { reads: ['identity', 'contact', 'application'] }));
      case 'GET /api/dossiers/:code/documents':
        return both.map((t) => get(`/api/dossiers/${c(t).code}/documents`, [t], { reads: ['results'] }));
      case 'GET /api/dossiers/:code/documents/:file':
        return both.flatMap((t) => c(t).documents.map((d) => get(d.url, [t], { reads: ['results'], expect: ['results'] })));
      case 'GET /api/dossiers/:code/shipments':
        return both.map((t) =>
          get(`/api/dossiers/${c(t).code}/shipments`, [t], {
            reads: ['results', 'contact'],
            ...(c(t).shipmentId ? { expect: ['identity'] as DataKind[] } : {}),
          }),
        );
      case 'GET /api/uploads/:id':
        return both.flatMap((t) => [
          get(`/api/uploads/${c(t).uploadId}`, [t], { reads: ['documents'], expect: ['documents'] }),
          get(`/api/uploads/${c(t).uploadId}?dossier=${c(t).code}`, [t], { reads: ['documents'], expect: ['documents'] }),
        ]);
      // Fee payments (issue #13): the list is the dossier's results data; changes sent so nothing changes.
      case 'GET /api/dossiers/:code/payments':
        return both.map((t) => get(`/api/dossiers/${c(t).code}/payments`, [t], { reads: ['results'] }));
      case 'POST /api/dossiers/:code/payments':
        return both.map((t) => write('POST', `/api/dossiers/${c(t).code}/payments`, { method: 'drill' }, [t]));
      case 'POST /api/dossiers/:code/payments/:id/refund':
        return both.map((t) => write('POST', `/api/dossiers/${c(t).code}/payments/${rnd()}/refund`, { reason: 'drill' }, [t]));
      case 'GET /api/dossiers/:code/payments/:id/receipt.pdf':
        return both.map((t) => get(`/api/dossiers/${c(t).code}/payments/${rnd()}/receipt.pdf`, [t]));
      // The gateway's callbacks and the built-in sandbox gateway: signed or refused, no personal data.
      case 'GET /api/payments/vnpay/ipn':
      case 'GET /api/payments/vnpay/return':
      case 'GET /sandbox/vnpay/paymentv2/vpcpay.html':
      case 'GET /sandbox/vnpay/held':
      case 'GET /sandbox/vnpay/statement':
        return [get(`${route.url}?vnp_TxnRef=drill`, none)];
      case 'GET /sandbox/vnpay/pay':
        return [get('/sandbox/vnpay/pay?ref=drill&outcome=success&ipn=never', none)];
      case 'GET /sandbox/vnpay/held/:ref/send':
        return [get('/sandbox/vnpay/held/drill/send', none)];
      case 'POST /sandbox/vnpay/merchant_webapi/api/transaction':
        return [write('POST', '/sandbox/vnpay/merchant_webapi/api/transaction', { vnp_Command: 'querydr' })];
      case 'GET /verify/receipt/:token':
        return [get(`/verify/receipt/${'0'.repeat(20)}`, none)];
      // Bank transfers and reconciliation (issue #13): a unit's money lines, for its fee collectors; checked for leaks.
      case 'GET /api/payments/bank-transfers':
        return both.map((t) => get(`/api/payments/bank-transfers?unitCode=${t.unit}`, [t]));
      case 'POST /api/payments/bank-statements':
        return both.map((t) => write('POST', '/api/payments/bank-statements', { unitCode: t.unit, fileName: 'drill.csv', contentBase64: '' }, [t]));
      case 'POST /api/payments/bank-transfers/:id/settle':
        return [write('POST', `/api/payments/bank-transfers/${rnd()}/settle`, { resolution: 'drill', note: 'x' })];
      case 'POST /api/payments/bank/webhook':
        return [write('POST', '/api/payments/bank/webhook', { unitCode: 'drill' })];
      case 'GET /api/payments/reconciliation':
      case 'GET /api/payments/reconciliation.xlsx':
        return both.map((t) => get(`${route.url}?unitCode=${t.unit}&day=2026-01-01`, [t]));
      case 'POST /api/payments/reconciliation':
        return both.map((t) => write('POST', '/api/payments/reconciliation', { unitCode: t.unit, day: 'drill' }, [t]));
      case 'POST /api/payments/reconciliation/lines/:id/settle':
        return [write('POST', `/api/payments/reconciliation/lines/${rnd()}/settle`, { resolution: 'drill', note: 'x' })];
      case 'POST /api/dossiers/:code/actions':
        // A stale version: refused without a change, by 404 or 409; the answer is scanned.
        return both.map((t) => write('POST', `/api/dossiers/${c(t).code}/actions`, { action: 'withdraw', version: 9999 }, [t]));
      case 'POST /api/dossiers/:code/fee':
        // A stale version: refused without a change (404, 403 or 409); the answer is scanned.
        return both.map((t) => write('POST', `/api/dossiers/${c(t).code}/fee`, { feeVnd: 1000, reason: 'drill probe', version: 9999 }, [t]));
      case 'POST /api/office/dossiers/:code/delivery':
        return both.map((t) => write('POST', `/api/office/dossiers/${c(t).code}/delivery`, { method: 'drill' }, [t]));
      case 'POST /api/office/shipments/:id/events':
        return [write('POST', `/api/office/shipments/${s.cases.A.shipmentId}/events`, { status: 'accepted' }, [A])];

      // Office lists: names of applicants, counts, colleagues.
      case 'GET /api/office/dossiers':
        return [
          get('/api/office/dossiers', [...both], { reads: ['identity'], expect: ['identity'], mode: 'unit' }),
          ...both.map((t) => get(`/api/office/dossiers?unit=${t.unit}`, [t], { reads: ['identity'], expect: ['identity'], mode: 'unit' })),
          ...both.map((t) => get(`/api/office/dossiers?q=${t.citizen}`, [t], { reads: ['identity'], expect: ['identity'], mode: 'unit' })),
        ];
      // Ratings (issue #16): a rating by session or link, kiosk links, anonymous figures.
      case 'POST /api/dossiers/:code/rating':
        return both.map((t) => write('POST', `/api/dossiers/${c(t).code}/rating`, { scores: { overall: 3 } }, [t]));
      case 'GET /api/ratings/links/:token':
        return [get(`/api/ratings/links/${'d'.repeat(32)}`, none)];
      case 'POST /api/dossiers/:code/rating-kiosk':
        return both.map((t) => write('POST', `/api/dossiers/${c(t).code}/rating-kiosk`, undefined, [t]));
      case 'GET /api/me/ratings':
        return [get('/api/me/ratings', [...both])];
      case 'GET /api/ratings/figures':
        return [A, B, X, P, Q].map((t) => get(`/api/ratings/figures?unit=${t.unit}`, [t], { reads: ['figures'], mode: 'unit' }));
      case 'GET /api/office/my-ratings':
        return [get('/api/office/my-ratings', none)];
      case 'GET /api/ratings/low':
        return both.map((t) => get(`/api/ratings/low?unit=${t.unit}`, [t]));
      // Feedback and complaints (issue #16).
      case 'POST /api/feedback':
        // Refused by validation (text too short), so the drill files nothing that a later probe would read as
        // another unit's data: a citizen may send feedback to any commune (feedback.db.test covers filing).
        return both.map((t) =>
          write('POST', '/api/feedback', { unitCode: t.unit, topic: 'other', text: 'x', phone: '0900000000', publishConsent: false }, [t]),
        );
      case 'POST /api/feedback/phone-code':
        // Refused by validation (not a mobile number), so no code is sent.
        return [write('POST', '/api/feedback/phone-code', { phone: '123' })];
      case 'GET /api/feedback/lookup':
        return [get('/api/feedback/lookup?code=PA-00000-000000-AAAA&phone=0900000000', none)];
      case 'POST /api/feedback/:code/rating':
        return [write('POST', '/api/feedback/PA-00000-000000-AAAA/rating', { phone: '0900000000', level: 3 })];
      case 'GET /api/feedback/published':
        return both.map((t) => get(`/api/feedback/published?unit=${t.unit}`, none));
      // Country-wide reference data (issue 12), no personal data. Writes are sent refused (a holiday
      // as a day off, an unknown announcement, a malformed identifier) so the drill changes nothing.
      case 'GET /api/calendar/year':
        return [get('/api/calendar/year?year=2027', none)];
      case 'POST /api/calendar/announcements':
        return [
          write('POST', '/api/calendar/announcements', { day: '2027-09-02', kind: 'day_off', source: { number: '1/QĐ', date: '2027-01-01', issuer: 'Drill' } }),
        ];
      case 'POST /api/calendar/announcements/:id/withdraw':
        return [write('POST', '/api/calendar/announcements/999999/withdraw', { reason: 'drill probe' })];
      case 'GET /api/units/:code/agency-code':
        return both.map((t) => get(`/api/units/${t.unit}/agency-code`, none));
      case 'PUT /api/units/:code/agency-code':
        return both.map((t) => write('PUT', `/api/units/${t.unit}/agency-code`, { agencyCode: 'drill' }));
      case 'GET /api/office/feedback':
        return both.map((t) => get(`/api/office/feedback?unit=${t.unit}`, [t]));
      case 'POST /api/office/feedback/:code/answer':
        return [write('POST', '/api/office/feedback/PA-00000-000000-AAAA/answer', { answer: 'Trả lời thử của bài kiểm tra.' })];
      case 'GET /api/office/summary':
        return [A, B, X].map((t) => get(`/api/office/summary?unit=${t.unit}`, [t], { reads: ['figures'], mode: 'unit' }));
      case 'GET /api/insights/:code':
        return [A, B, X, P, Q].map((t) => get(`/api/insights/${t.unit}`, [t], { reads: ['figures'], mode: 'unit' }));
      case 'GET /api/insights/:code/excel':
        return [A, P].map((t) => get(`/api/insights/${t.unit}/excel`, [t], { reads: ['figures'], mode: 'unit' }));
      case 'GET /api/office/colleagues':
        return [A, B, X].map((t) => get(`/api/office/colleagues?unit=${t.unit}`, [t], { reads: ['staff'], mode: 'unit' }));
      case 'GET /api/office/officials':
        return [A, B].map((t) => get(`/api/office/officials?unit=${t.unit}`, [t], { reads: ['accounts'], mode: 'unit' }));
      case 'GET /api/office/tokens':
        return [get('/api/office/tokens', none, { reads: ['accounts'], mode: 'home' })];

      // Outreach: plans (the team), figures, residents needing help, the field kit.
      case 'GET /api/office/outreach/rounds':
        return both.map((t) => get(`/api/office/outreach/rounds?unit=${t.unit}`, [t], { reads: ['staff'], mode: 'unit' }));
      case 'GET /api/office/outreach/rounds/:id':
        return both.map((t) => get(`/api/office/outreach/rounds/${c(t).roundId}`, [t], { reads: ['staff'], mode: 'unit' }));
      case 'GET /api/office/outreach/sessions/:id':
        return both.map((t) => get(`/api/office/outreach/sessions/${c(t).sessionId}`, [t], { reads: ['staff'], mode: 'unit' }));
      case 'GET /api/office/outreach/suggestions':
        return both.map((t) => get(`/api/office/outreach/suggestions?unit=${t.unit}`, [t], { reads: ['figures'], mode: 'unit' }));
      case 'GET /api/office/outreach/sessions/:id/report':
        return both.map((t) => get(`/api/office/outreach/sessions/${c(t).sessionId}/report`, [t], { reads: ['figures'], mode: 'unit' }));
      case 'GET /api/office/outreach/rounds/:id/report':
      case 'GET /api/office/outreach/rounds/:id/report.html':
      case 'GET /api/office/outreach/rounds/:id/report.xlsx':
        return both.map((t) => get(route.url.replace(':id', c(t).roundId), [t], { reads: ['figures'], mode: 'unit' }));
      case 'GET /api/office/outreach/assistance':
        return both.map((t) => get(`/api/office/outreach/assistance?unit=${t.unit}`, [t], { reads: ['residents'], expect: ['residents'], mode: 'unit' }));
      // Fetching a kit issues a credential and a block of codes: an action, checked for leaks.
      case 'GET /api/office/outreach/sessions/:id/kit':
        return both.map((t) => get(`/api/office/outreach/sessions/${c(t).sessionId}/kit?deviceId=drill-device`, [t]));
      // Giving back a block's unused numbers, sent with an unknown device so nothing changes.
      case 'POST /api/office/outreach/sessions/:id/codes/return':
        return both.map((t) => write('POST', `/api/office/outreach/sessions/${c(t).sessionId}/codes/return`, { deviceId: 'drill-no-device', used: 0 }, [t]));
      case 'GET /api/office/outreach/uploads/:id':
        return [get(`/api/office/outreach/uploads/${rnd()}`, none)];

      // Civil-status vs population discrepancies (commune officials only): checked for leaks.
      case 'GET /api/office/discrepancies':
        return both.map((t) => get(`/api/office/discrepancies?unit=${t.unit}`, [t]));
      case 'GET /api/office/discrepancies/imports':
        return both.map((t) => get(`/api/office/discrepancies/imports?unit=${t.unit}`, [t]));
      case 'GET /api/office/discrepancies/imports/:id':
        return [get(`/api/office/discrepancies/imports/${rnd()}`, none)];
      case 'POST /api/office/discrepancies/imports':
        return [write('POST', '/api/office/discrepancies/imports', {})];
      case 'PATCH /api/office/discrepancies/:id':
        return [write('PATCH', `/api/office/discrepancies/${rnd()}`, { status: 'fixed' })];
      case 'POST /api/office/discrepancies/:id/dossier':
        return [write('POST', `/api/office/discrepancies/${rnd()}/dossier`, { phone: '0912000111' })];
      case 'POST /api/office/discrepancies/:id/visit':
        return [write('POST', `/api/office/discrepancies/${rnd()}/visit`, { sessionId: rnd() })];

      // Changes, sent so that nothing changes (invalid bodies, unknown ids, stale versions): leaks only.
      case 'POST /api/units/:code/hamlets':
        return both.map((t) => write('POST', `/api/units/${t.unit}/hamlets`, {}, [t]));
      case 'PATCH /api/units/:code/hamlets/:hamlet':
        return both.map((t) => write('PATCH', `/api/units/${t.unit}/hamlets/${c(t).hamlet}`, {}, [t]));
      case 'PUT /api/procedures/:code':
        return [write('PUT', '/api/procedures/1.004873', {})];
      case 'POST /api/office/officials':
        return [write('POST', '/api/office/officials', {})];
      case 'PATCH /api/office/officials/:id':
        return [write('PATCH', `/api/office/officials/${rnd()}`, {})];
      case 'DELETE /api/office/officials/:id':
        return [write('DELETE', `/api/office/officials/${rnd()}`, undefined)];
      case 'POST /api/office/tokens':
        return [write('POST', '/api/office/tokens', {})];
      case 'DELETE /api/office/tokens/:id':
        return [write('DELETE', `/api/office/tokens/${rnd()}`, undefined)];
      case 'POST /api/uploads':
        return [write('POST', '/api/uploads', {})];
      case 'POST /api/me/documents':
        return both.map((t) => write('POST', '/api/me/documents', { uploadId: c(t).uploadId, title: '' }, [t]));
      case 'PATCH /api/me/documents/:id':
        return [write('PATCH', `/api/me/documents/${rnd()}`, { title: 'x' })];
      case 'DELETE /api/me/documents/:id':
        return [write('DELETE', `/api/me/documents/${rnd()}`, undefined)];
      case 'POST /api/dossiers':
        return [write('POST', '/api/dossiers', {})];
      case 'POST /api/dossier-groups':
        return [write('POST', '/api/dossier-groups', {})];
      // The seeded dossiers lead no group: these answer 404 to everyone and are checked for leaks
      // only (groups.db.test.ts checks who sees a real group, and that officials' reads are audited).
      case 'GET /api/dossier-groups/:code':
        return both.map((t) => get(`/api/dossier-groups/LT-${c(t).code}`, [t]));
      case 'GET /api/dossiers/:code/group':
        return both.map((t) => get(`/api/dossiers/${c(t).code}/group`, [t]));
      case 'POST /verify':
        return [write('POST', '/verify', {})];
      case 'POST /api/postal/webhook':
        return [write('POST', '/api/postal/webhook', { trackingNumber: 'x', status: 'delivered' })];
      case 'GET /api/office/dossiers/:code/notices':
        return both.map((t) => get(`/api/office/dossiers/${c(t).code}/notices`, [t]));
      case 'GET /api/me/notification-preference':
        return [get('/api/me/notification-preference', none)];
      case 'PUT /api/me/notification-preference':
        return [write('PUT', '/api/me/notification-preference', { channel: 'sms', phone: '0912345678', consent: false })];
      case 'POST /api/notifications/zalo/events':
        return [write('POST', '/api/notifications/zalo/events', { event_name: 'user_received_message', timestamp: '0', message: { msg_id: 'x' } })];
      case 'POST /api/notifications/sms/receipts':
        return [write('POST', '/api/notifications/sms/receipts', { id: 'x', status: 'delivered' })];
      case 'POST /api/office/outreach/rounds':
        return [write('POST', '/api/office/outreach/rounds', {})];
      case 'PUT /api/office/outreach/rounds/:id':
        return both.map((t) => write('PUT', `/api/office/outreach/rounds/${c(t).roundId}`, {}, [t]));
      case 'PATCH /api/office/outreach/sessions/:id':
        return both.map((t) => write('PATCH', `/api/office/outreach/sessions/${c(t).sessionId}`, {}, [t]));
      case 'POST /api/office/outreach/assistance':
        return [write('POST', '/api/office/outreach/assistance', {})];
      case 'PATCH /api/office/outreach/assistance/:id':
        return both.map((t) => write('PATCH', `/api/office/outreach/assistance/${c(t).assistanceId}`, {}, [t]));
      case 'DELETE /api/office/outreach/assistance/:id':
        return [write('DELETE', `/api/office/outreach/assistance/${rnd()}`, undefined)];
      case 'DELETE /api/office/outreach/credentials/:id':
        return [write('DELETE', `/api/office/outreach/credentials/${rnd()}`, undefined)];
      case 'POST /api/office/outreach/sync':
        return [write('POST', '/api/office/outreach/sync', {})];
      case 'POST /api/office/outreach/uploads':
        return [write('POST', '/api/office/outreach/uploads', {})];
      case 'PUT /api/office/outreach/uploads/:id/chunks/:index':
        return [write('PUT', `/api/office/outreach/uploads/${rnd()}/chunks/0`, {})];
      case 'POST /api/office/outreach/uploads/:id/complete':
        return [write('POST', `/api/office/outreach/uploads/${rnd()}/complete`, {})];
      default:
        return null;
    }
  })();
  if (!probes) return null;
  // HEAD answers carry no body: same question, judged by the status alone.
  return route.method === 'HEAD' ? probes.map((p) => ({ ...p, method: 'HEAD', expect: [] })) : probes;
}
