/**
 * Drill (d), the access matrix (issue #10): every route of the app × every role (and citizens,
 * anonymous, API tokens in the full run) × own unit / other unit / province / another province ×
 * two citizens, over real dossiers, uploads, issued documents, a shipment, residents needing help
 * and outreach rounds. Each cell's expected answer comes from the who-sees-what table
 * (@motcua/core/privacy, docs/privacy.md) and what the drill seeded — never from the routes' own
 * rules. It counts:
 * - leaks: an answer holds a seeded citizen's name, CCCD, phone, birth date, file bytes, issued PDF,
 *   internal note or resident's name where the table says the caller may not see that kind there
 *   (or, for figures, staff and accounts, any 2xx answer where the table says no);
 * - wrongful refusals: the table lets the caller see what a read serves but the answer is a refusal,
 *   or leaves out the seeded data it should show.
 *
 * It runs in-process (buildApp + inject) on each engine. That is enough here: access decisions are
 * made in the app's hooks, services and SQL, which inject runs exactly as a socket request would
 * (same routing, same onRequest access hook, same cookies and CSRF checks, same database); only the
 * TCP layer is skipped, and it carries no access rule.
 */
import { createHash } from 'node:crypto';
import { WHO_SEES, type DataKind, type Reach } from '@motcua/core/privacy';
import { accessTable } from '../packages/server/src/platform/access.ts';
import { startTestApp } from '../packages/server/src/testing/harness.ts';
import { probesFor, type Probe } from './access-matrix-probes.ts';
import { seedWorld, type Marker, type Target, type ViewerSpec } from './access-matrix-seed.ts';
import type { Drill } from './types.ts';

/** 503 answers are counted apart: services the in-process app lacks by configuration. */
const NON_PERSONAL: readonly DataKind[] = ['figures', 'staff', 'accounts', 'account'];
const ORDER: readonly Reach[] = ['none', 'own', 'unit', 'province', 'all'];

/** The table's answer for this caller, kind and target (the drill's own reading of it). */
export function tableAllows(v: ViewerSpec, kind: DataKind, target: Target | null, mode: Probe['mode'] = 'place'): boolean {
  let reach: Reach = 'none';
  for (const viewer of v.viewers) {
    const r = WHO_SEES[viewer][kind];
    if (ORDER.indexOf(r) > ORDER.indexOf(reach)) reach = r;
  }
  if (reach === 'none') return false;
  if (mode === 'home') return true;
  if (mode === 'self') return reach === 'own' && v.citizen !== null && v.citizen === target?.citizen;
  if (!target) return false;
  // A unit's lists (queue, staff, plans, figures) are for readers of the unit: a citizen's
  // own data is reached through their own pages, not through a commune's lists.
  if (mode === 'unit' && reach === 'own') return false;
  switch (reach) {
    case 'all':
      return true;
    case 'own':
      return v.citizen !== null && v.citizen === target.citizen;
    case 'unit':
      return v.units.includes(target.unit);
    case 'province':
      return v.units.includes(target.unit) || v.units.includes(target.province);
  }
}

function found(body: Buffer, text: string, m: Marker): boolean {
  if (m.sha256) return createHash('sha256').update(body).digest('hex') === m.sha256;
  if (m.bytes) return body.includes(m.bytes);
  return text.includes(m.text!);
}

export const run: Drill = async (options) => {
  const log = options.log ?? (() => undefined);
  const t = await startTestApp({
    engine: options.engine,
    postgresUrl: options.postgresUrl,
    clock: '2026-03-02T09:00:00+07:00',
    demo: true,
    config: { demoDossiers: false },
  });
  const failures: string[] = [];
  let cells = 0;
  let leaks = 0;
  let wrongful = 0;
  let errors = 0;
  let unavailable = 0;
  let probes = 0;
  const routes = new Set<string>();
  try {
    const world = await seedWorld(t, options.full);
    log(`seeded: dossiers ${world.cases.A.code}, ${world.cases.B.code}; ${world.viewers.length} callers`);
    // Logging out ends the caller's session: that route goes last.
    const table = accessTable(t.app)
      .filter((r) => options.full || r.method !== 'HEAD')
      .sort((a, b) => Number(a.url === '/auth/logout') - Number(b.url === '/auth/logout'));
    const plan: Probe[] = [];
    for (const r of table) {
      const ps = probesFor(r, world);
      if (!ps) {
        failures.push(`route ${r.method} ${r.url} has no probe in drill/access-matrix-probes.ts: decide who may see what it returns`);
        continue;
      }
      routes.add(`${r.method} ${r.url}`);
      plan.push(...ps);
    }
    probes = plan.length;
    const report = (what: string) => {
      if (failures.length < 40) failures.push(what);
    };
    for (const p of plan) {
      for (const v of world.viewers) {
        cells++;
        const r = await t.app.inject({
          method: p.method as 'GET',
          url: p.url,
          headers: { ...v.headers, ...(p.headers ?? {}) },
          remoteAddress: v.remoteAddress,
          ...(p.payload === undefined ? {} : { payload: p.payload as never }),
        });
        const body = r.rawPayload;
        const text = body.toString('utf8');
        const cell = `${p.method} ${p.url} as ${v.label}`;
        // 503 is a service this in-process app has not got (the identity provider's discovery, an
        // unconfigured carrier webhook), answered as designed; anything else 5xx is a fault.
        if (r.statusCode === 503) unavailable++;
        if (r.statusCode >= 500 && r.statusCode !== 503) {
          errors++;
          report(`${cell}: ${r.statusCode} ${text.slice(0, 200)}`);
        }
        // Leaks: seeded personal data where the table says this caller may not see that kind there.
        const asked = `${p.url} ${JSON.stringify(p.payload ?? '')}`;
        for (const m of world.markers) {
          // The caller's own words echoed back (e.g. a CCCD they searched for) give nothing away.
          if (m.text && asked.includes(m.text)) continue;
          if (found(body, text, m) && !tableAllows(v, m.kind, world.targets[m.target])) {
            leaks++;
            report(`LEAK ${cell}: ${m.label} of citizen ${m.target} (${m.kind}) in a ${r.statusCode} answer`);
          }
        }
        if (!p.reads) continue;
        const mode = p.mode ?? 'place';
        const allowedTargets = p.targets.filter((tg) => p.reads!.every((k) => tableAllows(v, k, tg, mode)));
        const allowed = mode === 'home' ? p.reads.every((k) => tableAllows(v, k, null, 'home')) : allowedTargets.length > 0;
        const ok = r.statusCode >= 200 && r.statusCode < 300;
        if (!allowed && ok && p.reads.every((k) => NON_PERSONAL.includes(k))) {
          leaks++;
          report(`LEAK ${cell}: ${p.reads.join('+')} answered ${r.statusCode} where the table says no`);
        }
        if (allowed && !ok) {
          wrongful++;
          report(`REFUSED ${cell}: ${r.statusCode} where the table allows ${p.reads.join('+')} (${text.slice(0, 120)})`);
        } else if (allowed && ok) {
          for (const tg of allowedTargets) {
            for (const kind of p.expect ?? []) {
              const want = world.markers.filter((m) => m.target === tg.key && m.kind === kind);
              if (want.length && !want.some((m) => found(body, text, m))) {
                wrongful++;
                report(`WITHHELD ${cell}: no ${kind} of citizen ${tg.key} although the table allows it`);
              }
            }
          }
        }
      }
    }
  } finally {
    await t.close();
  }
  const routeCount = routes.size;
  log(`${routeCount} routes, ${probes} requests per caller, ${cells} cells: ${leaks} leaks, ${wrongful} wrongful refusals, ${errors} 5xx`);
  if (leaks) failures.unshift(`${leaks} leak(s) of personal data`);
  if (wrongful) failures.unshift(`${wrongful} wrongful refusal(s)`);
  if (errors) failures.unshift(`${errors} answer(s) with 5xx`);
  return {
    drill: 'access-matrix',
    engine: options.engine,
    figures: { routes: routeCount, requests: probes, cells, leaks, wrongfulRefusals: wrongful, errors5xx: errors, unavailable503: unavailable },
    failures,
  };
};
