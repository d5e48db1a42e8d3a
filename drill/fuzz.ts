// Drill (c): a fuzzer driven by /openapi.json over every route, as anonymous, a citizen and an
// official (signed in, so requests get past access control to the handlers). Each request is a
// valid one from the schema broken in one place (wrong type, missing or extra field, 100 KB
// string, NUL, lone surrogate, invalid JSON or encoding, huge numbers, 1e309, bad ids, path
// traversal, multipart trickery). It counts 5xx (must be 0), error answers that are not
// problem+json, and any change in any table's row count across a refused (4xx) request (must be 0).
// Seeded: FUZZ_SEED=<n> replays a run's choices (server-made ids differ); FUZZ_ROUTES=<text> limits
// it to routes whose "METHOD /path" contains the text.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Drill, DrillReport } from './types.ts';
import {
  BAD_IDS,
  Generator,
  MUTATIONS,
  TRAVERSAL,
  WRONG,
  deleteAt,
  leaves,
  operationsOf,
  pick,
  rng,
  seedFor,
  setAt,
  type Mutation,
  type Operation,
  type Rng,
} from './fuzz-gen.ts';
import { openDatabase, type DatabaseHandle } from '../packages/server/src/db/database.ts';
import { loadConfig } from '../packages/server/src/platform/config.ts';
import { contextFor, prepareDatabase } from '../packages/server/src/services.ts';
import { buildApp } from '../packages/server/src/app.ts';
import { loginAs } from '../packages/server/src/testing/auth.ts';
import { rowCounts, rowCountChanges } from '../packages/server/src/testing/row-counts.ts';
import { freePort } from '../packages/server/src/modules/identity/test-browser.ts';
import { makePng } from '../packages/server/src/modules/uploads/test-files.ts';
import { maritalStatusBody, AN } from '../packages/server/src/modules/dossiers/testkit.ts';

type Who = 'anonymous' | 'citizen' | 'official';
const WHO: Who[] = ['anonymous', 'citizen', 'official'];
const UNIT = '30421';

interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  label: string;
  who: Who;
}
interface Answer {
  status: number;
  contentType: string;
  body: string;
}

/** Tables a refused request may change by design: the rate-limit counters count every request. */
const COUNTED_ANYWAY = ['identity_rate_limit'];

export const run: Drill = async (options) => {
  const log = options.log ?? (() => undefined);
  const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
  log(`seed ${seed} (replay: FUZZ_SEED=${seed})`);
  const server = await startServer(options.engine, options.postgresUrl);
  const failures: string[] = [];
  const figures: DrillReport['figures'] = { seed };
  try {
    const identities = await signIn(server);
    const spec = JSON.parse(
      (await send(server.port, { method: 'GET', path: '/openapi.json', headers: {}, label: 'spec', who: 'anonymous' })).body,
    ) as Parameters<typeof operationsOf>[0] & { components?: { schemas?: Record<string, Record<string, unknown>> } };
    const only = process.env.FUZZ_ROUTES;
    const operations = operationsOf(spec).filter((op) => !only || `${op.method} ${op.path}`.includes(only));
    const pools = new Pools();
    await fixtures(server, identities, pools);
    const gen = new Generator(spec.components?.schemas ?? {}, (name, p) => pools.hints(name, p));
    const perRoute = options.full ? 210 : 9;
    let requests = 0;
    let serverErrors = 0;
    let rowChanges = 0;
    let notProblem = 0;
    let noAnswer = 0;
    const byClass: Record<string, number> = {};
    let before = await rowCounts(server.handle.db, { exclude: COUNTED_ANYWAY });
    const started = Date.now();
    for (const op of operations) {
      const r = rng(seedFor(seed, `${op.method} ${op.path}`));
      const routeClasses: Record<string, number> = {};
      for (let i = 0; i < perRoute; i++) {
        const who = WHO[i % WHO.length]!;
        const mutation = i < WHO.length ? 'valid' : pick(r, MUTATIONS);
        const req = build(op, mutation, who, r, gen, identities);
        let answer: Answer;
        try {
          answer = await send(server.port, req);
        } catch (err) {
          noAnswer++;
          failures.push(`no answer (${(err as Error).message}) to #${i} ${describe(req)}`);
          if (process.env.FUZZ_DEBUG) log(`  NO ANSWER #${i} ${describe(req).slice(0, 200)}`);
          continue;
        }
        requests++;
        const cls = `${Math.floor(answer.status / 100)}xx`;
        byClass[cls] = (byClass[cls] ?? 0) + 1;
        routeClasses[answer.status] = (routeClasses[answer.status] ?? 0) + 1;
        if (process.env.FUZZ_DEBUG) log(`  ${answer.status} ${describe(req).slice(0, 300)} → ${answer.body.slice(0, 200)}`);
        if (answer.status >= 500) {
          serverErrors++;
          failures.push(`${answer.status} to ${describe(req)}: ${answer.body.slice(0, 300)} ${server.lastError() ?? ''}`);
        }
        if (
          answer.status >= 400 &&
          !/^application\/problem\+json/.test(answer.contentType) &&
          !/^text\/html/.test(answer.contentType) &&
          req.method !== 'HEAD'
        ) {
          notProblem++;
          failures.push(`${answer.status} not problem+json (${answer.contentType}) to ${describe(req)}: ${answer.body.slice(0, 200)}`);
        }
        const after = await rowCounts(server.handle.db, { exclude: COUNTED_ANYWAY });
        if (answer.status >= 400 && answer.status < 500) {
          const changed = rowCountChanges(before, after);
          if (changed.length) {
            rowChanges++;
            failures.push(`${answer.status} yet rows changed (${changed.join(', ')}) after ${describe(req)}`);
          }
        } else if (answer.status < 300 && answer.contentType.includes('json')) {
          pools.harvest(answer.body);
        }
        before = after;
        // Logging out ended the fuzzer's own session: sign that identity in again (not counted).
        if (op.path === '/auth/logout' && who !== 'anonymous' && answer.status < 300) {
          identities[who] = (await signIn(server, who))[who];
          before = await rowCounts(server.handle.db, { exclude: COUNTED_ANYWAY });
        }
      }
      log(
        `${op.method} ${op.path}: ${Object.entries(routeClasses)
          .map(([k, v]) => `${k}×${v}`)
          .join(' ')}`,
      );
    }
    Object.assign(figures, {
      routes: operations.length,
      requests,
      perRoute,
      ...byClass,
      '5xx (must be 0)': serverErrors,
      'rows changed by a 4xx (must be 0)': rowChanges,
      'errors not problem+json': notProblem,
      'no answer': noAnswer,
      'requests/s': Math.round(requests / ((Date.now() - started) / 1000)),
    });
  } finally {
    await server.stop();
  }
  return {
    drill: 'fuzz',
    engine: options.engine,
    figures,
    failures: failures.slice(0, 200).concat(failures.length > 200 ? [`… and ${failures.length - 200} more`] : []),
  };
};

function describe(req: Sent): string {
  const body = req.body ? ` body(${req.body.length} B)=${JSON.stringify(req.body.subarray(0, 160).toString('utf8'))}` : '';
  return `[${req.label} as ${req.who}] ${req.method} ${req.path.slice(0, 200)}${req.path.length > 200 ? '…' : ''}${body}`;
}

// ---------- the server under test ----------

interface Server {
  app: FastifyInstance;
  handle: DatabaseHandle;
  port: number;
  ctx: ReturnType<typeof contextFor>;
  lastError(): string | null;
  stop(): Promise<void>;
}

async function startServer(engine: 'postgres' | 'pglite', adminUrl?: string): Promise<Server> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-fuzz-'));
  let dbName: string | null = null;
  let handle: DatabaseHandle;
  if (engine === 'postgres') {
    if (!adminUrl) throw new Error('the fuzz drill on postgres needs postgresUrl');
    dbName = `motcua_fuzz_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    handle = await openDatabase({ databaseUrl: url.toString(), poolSize: 10 });
  } else {
    handle = await openDatabase({ databaseUrl: null });
  }
  const port = await freePort();
  const base = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DEMO_DOSSIERS: 'false',
    // Webhooks answer 503 while their secret is unset; with one, the fuzzer reaches their checks.
    POSTAL_WEBHOOK_SECRET: 'fuzz-webhook-secret',
    SMS_CALLBACK_SECRET: 'fuzz-sms-secret',
    ZALO_APP_ID: 'fuzz-app',
    ZALO_OA_SECRET_KEY: 'fuzz-oa-secret',
  });
  // Limits high enough that the handlers, not the limiter, answer the fuzzer.
  const config = { ...base, identity: { ...base.identity, rateLimitLoginPerMinute: 1e6, rateLimitLookupPerMinute: 1e6 } };
  const ctx = contextFor(config, handle);
  await prepareDatabase(ctx, { demo: true });
  let last: string | null = null;
  const stream = {
    write(line: string) {
      try {
        const e = JSON.parse(line) as { err?: { message?: string; stack?: string }; msg?: string };
        last = `[server: ${e.err?.message ?? e.msg}] ${e.err?.stack?.split('\n').slice(1, 3).join(' ') ?? ''}`;
      } catch {
        last = line;
      }
    },
  };
  const app = await buildApp(ctx, { logger: { level: 'error', stream } as unknown as { level: string } });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    app,
    handle,
    port,
    ctx,
    lastError: () => {
      const l = last;
      last = null;
      return l;
    },
    async stop() {
      await app.close();
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (dbName && adminUrl) {
        const admin = new pg.Client({ connectionString: adminUrl });
        await admin.connect();
        await admin.query(`drop database if exists ${dbName} with (force)`).finally(() => admin.end());
      }
    },
  };
}

type Identities = Record<Who, Record<string, string>>;

async function signIn(server: Server, only?: Who): Promise<Identities> {
  // One official holding every office role in one commune, so every office handler is reachable.
  // Plain SQL on the columns every version of the table has, so the drill does not follow its type.
  if (!only) {
    const now = server.ctx.clock.now();
    await sql`insert into official (id, username, subject, full_name, roles, unit_codes, created_at, updated_at)
      values ('fuzz-official', 'fuzz.official', null, 'Cán bộ Kiểm thử', ${['receptionist', 'specialist', 'approver', 'outreach', 'commune_admin', 'system_admin']}, ${[UNIT]}, ${now}, ${now})`.execute(
      server.handle.db,
    );
  }
  const as = async (w: Who) =>
    w === 'anonymous'
      ? {}
      : only && only !== w
        ? {}
        : (await loginAs({ ctx: server.ctx }, w === 'citizen' ? `citizen:${AN}` : 'official:fuzz.official')).headers;
  return { anonymous: {}, citizen: await as('citizen'), official: await as('official') };
}

/** Ids and codes seen in successful answers, by field name, so later requests name real things. */
class Pools {
  private readonly byName = new Map<string, Set<unknown>>();

  add(name: string, value: unknown) {
    if (value === null || value === undefined || value === '') return;
    const set = this.byName.get(name) ?? new Set();
    if (set.size < 40) set.add(value);
    this.byName.set(name, set);
  }

  harvest(body: string) {
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return;
    }
    const stack = [value];
    let seen = 0;
    while (stack.length && seen++ < 2000) {
      const node = stack.pop();
      if (!node || typeof node !== 'object') continue;
      for (const [k, v] of Object.entries(node)) {
        if (typeof v === 'string' && /^(id|code|[a-z]+(Id|Code))$/.test(k) && v.length < 80) this.add(k, v);
        else if (v && typeof v === 'object') stack.push(v);
      }
    }
  }

  get(name: string): unknown[] {
    return [...(this.byName.get(name) ?? [])];
  }

  /** Field or parameter `name` on route `route` (an OpenAPI path). */
  hints(name: string, route: string): unknown[] {
    if (name === 'code' || name === 'unitCode') {
      if (/^\/api\/(units|insights)|^\/lich-luu-dong/.test(route) || name === 'unitCode') return ['30421', '30790', UNIT];
      if (/^\/api\/procedures/.test(route)) return this.get('procedureCode').concat(['1.004873']);
      if (/dossiers/.test(route)) return this.get('dossierCode');
      if (/^\/verify/.test(route)) return this.get('verifyCode');
    }
    if (name === 'unit') return [UNIT];
    if (name === 'id') {
      // The resource named just before the id in the path says which pool.
      const resource = /\/([a-z-]+)\/\{id\}/.exec(route)?.[1] ?? '';
      const pool =
        (
          {
            rounds: 'roundId',
            sessions: 'sessionId',
            assistance: 'assistanceId',
            officials: 'officialId',
            tokens: 'tokenId',
            documents: 'documentId',
            credentials: 'credentialId',
            shipments: 'shipmentId',
          } as Record<string, string>
        )[resource] ?? (resource === 'uploads' ? (route.includes('/outreach/') ? 'fieldUploadId' : 'uploadId') : 'id');
      return this.get(pool);
    }
    if (name === 'hamlet' || name === 'hamletCode') return this.get('hamletCode').concat([`${UNIT}-04`]);
    return this.get(name).concat(name.endsWith('Id') ? this.get('id') : []);
  }
}

async function fixtures(server: Server, who: Identities, pools: Pools) {
  const call = async (method: string, p: string, headers: Record<string, string>, body?: unknown) => {
    const a = await send(server.port, {
      method,
      path: p,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : Buffer.from(JSON.stringify(body)),
      label: 'fixture',
      who: 'official',
    });
    if (a.status >= 300) throw new Error(`fuzz fixture ${method} ${p} answered ${a.status}: ${a.body.slice(0, 300)}`);
    pools.harvest(a.body);
    return (a.body ? JSON.parse(a.body) : null) as Record<string, unknown> & { items?: { id: string }[] };
  };
  const idsOf = (v: { items?: { id: string }[] }) => (v.items ?? []).map((i) => i.id);
  const dossier = await call('POST', '/api/dossiers', who.citizen, maritalStatusBody(AN));
  pools.add('dossierCode', dossier.code);
  pools.add('procedureCode', '1.004873');
  const png = makePng();
  const upload = await send(server.port, {
    method: 'POST',
    path: '/api/uploads?filename=anh.png',
    headers: { ...who.citizen, 'content-type': 'image/png' },
    body: png,
    label: 'fixture',
    who: 'citizen',
  });
  const uploadId = (JSON.parse(upload.body) as { id: string }).id;
  pools.add('uploadId', uploadId);
  pools.add('documentId', (await call('POST', '/api/me/documents', who.citizen, { uploadId, title: 'Ảnh CCCD' })).id);
  pools.add('tokenId', (await call('POST', '/api/office/tokens', who.official, { role: 'receptionist', unitCode: UNIT, label: 'fuzz' })).id);
  // Never the fuzz official itself: a PATCH or DELETE on it would lock the fuzzer out.
  for (const id of idsOf(await call('GET', '/api/office/officials', who.official))) if (id !== 'fuzz-official') pools.add('officialId', id);
  for (const id of idsOf(await call('GET', `/api/office/outreach/assistance?unit=${UNIT}`, who.official))) pools.add('assistanceId', id);
  // A round whose team is the fuzz official, so its kit, sync and uploads are reachable.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const ours = await call('POST', '/api/office/outreach/rounds', who.official, {
    unitCode: UNIT,
    title: 'Đợt kiểm thử',
    meetingPoint: 'Nhà văn hoá ấp',
    rules: [{ weekdays: [0, 1, 2, 3, 4, 5, 6], part: 'morning', from: day(0), to: day(7) }],
    hamletCodes: [`${UNIT}-04`],
    teamUserIds: ['fuzz-official'],
    procedureCodes: ['1.004873'],
  });
  for (const roundId of [String(ours.id), ...idsOf(await call('GET', `/api/office/outreach/rounds?unit=${UNIT}`, who.official)).slice(0, 3)]) {
    pools.add('roundId', roundId);
    const round = (await call('GET', `/api/office/outreach/rounds/${roundId}`, who.official)) as { sessions?: { id: string }[] };
    for (const s of round.sessions ?? []) pools.add('sessionId', s.id);
  }
  const sessionId = pools.get('sessionId')[0] as string | undefined;
  if (sessionId) {
    const kit = (await call('GET', `/api/office/outreach/sessions/${sessionId}/kit?deviceId=fuzz-device`, who.official)) as { credential?: { id: string } };
    pools.add('credentialId', kit.credential?.id);
    const { createHash } = await import('node:crypto');
    pools.add(
      'fieldUploadId',
      (
        await call('POST', '/api/office/outreach/uploads', who.official, {
          sessionId,
          size: png.length,
          sha256: createHash('sha256').update(png).digest('hex'),
          mediaType: 'image/png',
          filename: 'anh.png',
        })
      ).id,
    );
  }
  for (const p of ['/api/office/dossiers', `/api/units/${UNIT}/hamlets`, '/api/procedures?limit=5']) await call('GET', p, who.official);
}

// ---------- building one request ----------

const enc = (v: unknown) => encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v));
const MARK = '\u0001MARK\u0001';

function build(op: Operation, mutation: Mutation, who: Who, r: Rng, gen: Generator, identities: Identities): Sent {
  const headers: Record<string, string> = { ...identities[who] };
  // Path parameters
  const pathParams = op.params.filter((p) => p.in === 'path');
  const values: Record<string, string> = {};
  for (const p of pathParams) values[p.name] = enc(gen.valid(r, p.schema, p.name, op.path));
  const target = pathParams.length ? pick(r, pathParams).name : null;
  if (target && mutation === 'bad_id') values[target] = pick(r, BAD_IDS);
  if (target && mutation === 'path_traversal') values[target] = r() < 0.5 ? enc(pick(r, TRAVERSAL)) : pick(r, TRAVERSAL).replace(/\\/g, '%5C');
  if (target && mutation === 'nul' && r() < 0.3) values[target] += '%00';
  if (target && mutation === 'lone_surrogate' && r() < 0.3) values[target] += '%ED%A0%80';
  if (target && mutation === 'long_string' && r() < 0.2) values[target] = 'a'.repeat(pick(r, [101, 5000, 100_000]));
  let url = op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => values[name] ?? 'x');
  // Query
  const query: [string, string][] = [];
  for (const p of op.params.filter((q) => q.in === 'query')) {
    if (p.required || r() < 0.5) query.push([p.name, enc(gen.valid(r, p.schema, p.name, op.path))]);
  }
  if (query.length || r() < 0.3) {
    const i = Math.floor(r() * Math.max(1, query.length));
    const set = (v: string) => {
      if (query[i]) query[i] = [query[i]![0], v];
      else query.push(['q', v]);
    };
    if (mutation === 'nul') set(`${query[i]?.[1] ?? ''}%00`);
    if (mutation === 'lone_surrogate') set('%ED%B0%80');
    if (mutation === 'long_string') set('x'.repeat(pick(r, [1000, 20_000, 100_000])));
    if (mutation === 'huge_number' || mutation === 'inf_literal') set(pick(r, ['1e309', '-1e309', '99999999999999999999', '1e300', 'NaN', '-0', '0x10']));
    if (mutation === 'wrong_type') set(pick(r, ['abc', '', 'true', '[]', '{}', '%20']));
    if (mutation === 'array_query' && query[i]) query.push(query[i]!);
    if (mutation === 'bad_percent') set(pick(r, ['%ZZ', '%', '%E0%A4%A', '%C0%AF']));
    if (mutation === 'extra_field') query.push(['unexpected', 'x']);
  }
  if (query.length) url += `?${query.map(([k, v]) => `${k}=${v}`).join('&')}`;
  if (mutation === 'bad_percent' && r() < 0.3) url = url.replace(/\/([^/]*)$/, '/%ZZ$1');
  if (mutation === 'bad_csrf' && headers['x-csrf-token']) headers['x-csrf-token'] = r() < 0.5 ? 'forged' : '';
  if (mutation === 'content_encoding') headers['content-encoding'] = pick(r, ['gzip', 'br', 'deflate', 'x-unknown']);

  const hasBody = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(op.method);
  let body: Buffer | undefined;
  if (hasBody) {
    if (op.body) {
      ({ body } = jsonBody(op, mutation, r, gen, headers));
    } else {
      ({ body } = rawBody(mutation, r, headers));
    }
  }
  return { method: op.method, path: url, headers, body, label: mutation, who };
}

function jsonBody(op: Operation, mutation: Mutation, r: Rng, gen: Generator, headers: Record<string, string>): { body: Buffer } {
  headers['content-type'] = 'application/json';
  let value = gen.valid(r, op.body!, '', op.path);
  const spots = leaves(value);
  const spot = spots.length ? pick(r, spots) : null;
  let text: string | null = null;
  switch (mutation) {
    case 'wrong_type':
      value = spot ? setAt(value, spot, pick(r, WRONG)) : pick(r, WRONG);
      break;
    case 'missing_required':
      if (spot) value = deleteAt(value, spot);
      break;
    case 'extra_field':
      value = spot && r() < 0.5 ? setAt(value, [...spot.slice(0, -1), 'unexpectedField'], 'x') : { ...(value as object), unexpectedField: 1 };
      break;
    case 'long_string':
      value = spot ? setAt(value, spot, 'Ấ'.repeat(pick(r, [1000, 100_000]))) : 'x'.repeat(100_000);
      break;
    case 'nul':
      value = spot ? setAt(value, spot, `a\u0000b`) : '\u0000';
      break;
    case 'lone_surrogate':
      value = spot ? setAt(value, spot, pick(r, ['\ud800', 'x\udfff', '\udc00\ud800'])) : '\ud800';
      break;
    case 'huge_number':
      value = spot ? setAt(value, spot, pick(r, [1e300, -1e300, 9007199254740993, 2147483648, -2147483649, 1.5, -0])) : 1e300;
      break;
    case 'inf_literal':
      text = JSON.stringify(spot ? setAt(value, spot, MARK) : MARK).replace(JSON.stringify(MARK), pick(r, ['1e309', '-1e309', '1E400']));
      break;
    case 'deep_nesting':
      value = spot ? setAt(value, spot, JSON.parse('['.repeat(300) + ']'.repeat(300))) : JSON.parse('['.repeat(300) + ']'.repeat(300));
      break;
    case 'proto':
      text = `{"__proto__":{"polluted":true},${JSON.stringify(value).slice(1)}`;
      if (!text.endsWith('}')) text = '{"__proto__":{"x":1}}';
      text = text.replace(',}', '}');
      break;
    case 'invalid_json':
      text = pick(r, [JSON.stringify(value).slice(0, -1), "{'a':1}", '{"a":1,}', '\ufeff{}', 'undefined', '{"a":NaN}', JSON.stringify(value) + 'x']);
      break;
    case 'empty_body':
      text = pick(r, ['', ' ', 'null', '[]', '""', '0']);
      break;
    case 'not_json':
      headers['content-type'] = pick(r, [
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/xml',
        'multipart/form-data; boundary=x',
        'application/json; charset=latin1',
        'image/png',
      ]);
      text = pick(r, ['a=1&b=2', '<a/>', 'hello', JSON.stringify(value)]);
      break;
    case 'multipart':
      headers['content-type'] = 'multipart/form-data; boundary=fuzz';
      text = `--fuzz\r\nContent-Disposition: form-data; name="a"\r\n\r\n${JSON.stringify(value)}\r\n--fuzz--\r\n`;
      break;
    default:
      break;
  }
  if (mutation === 'invalid_json' && r() < 0.2) return { body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0x22, 0x7d]) };
  return { body: Buffer.from(text ?? JSON.stringify(value), 'utf8') };
}

/** Routes without a JSON body schema take files, chunks or webhooks: raw bytes and multipart. */
function rawBody(mutation: Mutation, r: Rng, headers: Record<string, string>): { body: Buffer } {
  if (mutation === 'multipart' || r() < 0.4) {
    const boundary = 'fuzzB';
    headers['content-type'] = r() < 0.9 ? `multipart/form-data; boundary=${boundary}` : 'multipart/form-data';
    const filename = pick(r, ['anh.png', 'a\u0000b.png', '../../etc/passwd', '', 'x'.repeat(5000), 'tệp Việt.pdf', '"quoted".png', 'a\r\nb.png']);
    const disposition =
      r() < 0.2
        ? `form-data; name="file"; filename*=UTF-8''%ED%A0%80.png`
        : `form-data; name="${pick(r, ['file', 'file', 'other', '__proto__', 'a\u0000'])}"; filename="${filename}"`;
    const content = pick(r, [makePng(), Buffer.from('%PDF-1.4 not really'), Buffer.from('GIF89a'), Buffer.alloc(0), Buffer.from('<script>alert(1)</script>')]);
    const parts = [
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: ${pick(r, ['image/png', 'application/pdf', 'text/html', ''])}\r\n\r\n`,
        'latin1',
      ),
      content,
    ];
    if (r() < 0.3) parts.push(Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nx\u0000y`, 'utf8'));
    if (r() < 0.8) parts.push(Buffer.from(`\r\n--${boundary}--\r\n`));
    return { body: Buffer.concat(parts) };
  }
  headers['content-type'] = pick(r, ['application/octet-stream', 'image/png', 'application/pdf', 'application/json', 'text/plain']);
  const body = pick(r, [
    makePng(),
    Buffer.from('{"a":1e309}'),
    Buffer.alloc(0),
    Buffer.from('\u0000\u0000'),
    Buffer.alloc(100_000, 0x41),
    Buffer.from([0xc3, 0x28, 0xa0, 0xa1]),
  ]);
  return { body };
}

// ---------- sending ----------

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function send(port: number, req: Sent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let r: http.ClientRequest;
    try {
      r = http.request(
        {
          host: '127.0.0.1',
          port,
          method: req.method,
          path: req.path,
          headers: { ...req.headers, ...(req.body ? { 'content-length': String(req.body.length) } : {}) },
          agent,
          timeout: 60_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (size < 1_000_000) chunks.push(c);
          });
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', reject);
        },
      );
    } catch (err) {
      // Node's client refuses some paths and headers outright; what it will not send, no one can.
      resolve({ status: 400, contentType: 'application/problem+json', body: `(not sendable: ${(err as Error).message})` });
      return;
    }
    r.on('timeout', () => r.destroy(new Error('timeout')));
    r.on('error', reject);
    r.end(req.body);
  });
}
