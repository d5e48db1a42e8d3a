import AjvCompiler, { type BuildCompilerFromPool } from '@fastify/ajv-compiler';
import { lazyValidator } from './lazy-compile.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Problem } from './errors.ts';

/**
 * What the server accepts, decided in one place rather than route by route (issue #10).
 *
 * - JSON bodies are validated as sent: no type coercion, so `"1e309"` stays a string (and is refused
 *   where a number is declared) and `true` never becomes the name "true". Query strings, path
 *   parameters and headers are text on the wire; there Ajv converts a value only to the type the
 *   schema declares (`?limit=20` → 20).
 * - Every number is finite and bounded: a schema without a bound gets the widest one the database
 *   can hold (PostgreSQL `integer` for integers), so `1e309` (Infinity after JSON.parse) or `1e300`
 *   as an id is a 400, never a 500 from the database.
 * - Every string and object key anywhere in the body, query and path is refused when it holds NUL
 *   (PostgreSQL text cannot store it) or a lone UTF-16 surrogate (not Unicode; stored as U+FFFD).
 * - Text in JSON bodies is NFC-normalised and trimmed *before* validation: services trim what they
 *   store, and a limit checked on the untrimmed value ("  " passing minLength 2) was a limit on
 *   something other than what was kept.
 */

/** PostgreSQL `integer`: the type of every id-like, count-like column here. */
export const INTEGER_BOUND = 2_147_483_647;
/** Far beyond any quantity in public services, well inside a double's exact integers. */
export const NUMBER_BOUND = 1e15;
/** JSON nested deeper than this is refused (services and canonical hashing walk it recursively). */
export const MAX_DEPTH = 32;

type Schema = Record<string, unknown>;

const SUBSCHEMA_MAPS = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'];
const SUBSCHEMA_ONE = [
  'items',
  'additionalProperties',
  'additionalItems',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'propertyNames',
  'unevaluatedItems',
  'unevaluatedProperties',
];
const SUBSCHEMA_LISTS = ['anyOf', 'oneOf', 'allOf', 'prefixItems', 'items'];

function typesOf(schema: Schema): string[] {
  const t = schema.type;
  return Array.isArray(t) ? (t as string[]) : typeof t === 'string' ? [t] : [];
}

/** A copy of a JSON schema in which every number and integer has both bounds (declared ones kept). */
export function bounded<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map((s) => bounded(s)) as T;
  if (!schema || typeof schema !== 'object') return schema;
  const source = schema as Schema;
  const out: Schema = { ...source };
  for (const key of SUBSCHEMA_MAPS) {
    const map = source[key];
    if (map && typeof map === 'object' && !Array.isArray(map)) {
      out[key] = Object.fromEntries(Object.entries(map as Schema).map(([k, s]) => [k, bounded(s)]));
    }
  }
  for (const key of new Set([...SUBSCHEMA_ONE, ...SUBSCHEMA_LISTS])) {
    const sub = source[key];
    if (sub && typeof sub === 'object') out[key] = bounded(sub);
  }
  const types = typesOf(source);
  if (types.includes('integer') || types.includes('number')) {
    const limit = types.includes('number') ? NUMBER_BOUND : INTEGER_BOUND;
    if (source.maximum === undefined && source.exclusiveMaximum === undefined) out.maximum = limit;
    if (source.minimum === undefined && source.exclusiveMinimum === undefined) out.minimum = -limit;
  }
  return out as T;
}

const ajvCommon = { removeAdditional: false, useDefaults: true, allErrors: false } as const;

/**
 * Fastify's `schemaController.compilersFactory.buildValidator`: Fastify's own Ajv compiler, twice —
 * without coercion for bodies, with coercion elsewhere — over bounded schemas; each route's
 * validator compiled on first use unless `eager` (platform/lazy-compile.ts).
 */
export function inputValidatorFactory(options: { eager?: boolean } = {}): BuildCompilerFromPool {
  const pool = AjvCompiler();
  return (externalSchemas) => {
    const external = Object.fromEntries(Object.entries(externalSchemas ?? {}).map(([k, s]) => [k, bounded(s)])) as typeof externalSchemas;
    // strictNumbers: a body number must be finite (JSON.parse turns 1e309 into Infinity).
    const body = pool(external, { customOptions: { ...ajvCommon, coerceTypes: false, strictNumbers: true } });
    const text = pool(external, { customOptions: { ...ajvCommon, coerceTypes: 'array' } });
    return (route) => (options.eager ? compileInput(route) : lazyValidator(() => compileInput(route)));
    function compileInput(route: Parameters<typeof body>[0]) {
      const schema = bounded(route.schema);
      if (route.httpPart === 'body') return body({ ...route, schema });
      // Ajv skips the bound checks of a number it has just coerced, so "1e309" would pass as Infinity.
      const validate = text({ ...route, schema });
      const checked = ((data: unknown) => {
        checked.errors = null;
        if (!validate(data)) {
          checked.errors = validate.errors ?? null;
          return false;
        }
        const path = nonFinitePath(data);
        if (path === null) return true;
        checked.errors = [{ instancePath: path, schemaPath: '#', keyword: 'finite', params: {}, message: 'must be a finite number' }];
        return false;
      }) as typeof validate;
      return checked;
    }
  };
}

/** Where in a (shallow: query, params, headers) coerced value a number is NaN or ±Infinity. */
function nonFinitePath(data: unknown, path = ''): string | null {
  if (typeof data === 'number') return Number.isFinite(data) ? null : path;
  if (!data || typeof data !== 'object') return null;
  for (const [k, v] of Object.entries(data)) {
    const found = nonFinitePath(v, `${path}/${k}`);
    if (found !== null) return found;
  }
  return null;
}

export interface TextIssue {
  path: string;
  reason: 'nul' | 'surrogate' | 'depth';
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textIssue(s: string): TextIssue['reason'] | null {
  if (s.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(s)) return 'surrogate';
  return null;
}

const normalize = (s: string) => s.normalize('NFC').trim();

/**
 * Walks a parsed value (iteratively: a hostile body may be deeply nested) and returns the first
 * string or key that cannot be text. With `normalizeStrings`, rewrites every string in place
 * (NFC, trimmed). The root may itself be a string (a path parameter).
 */
export function inspectText(value: unknown, root: string, options: { normalizeStrings?: boolean; maxDepth?: number } = {}): TextIssue | null {
  const maxDepth = options.maxDepth ?? MAX_DEPTH;
  if (typeof value === 'string') {
    const reason = textIssue(value);
    return reason ? { path: root, reason } : null;
  }
  const stack: { node: unknown; path: string; depth: number }[] = [{ node: value, path: root, depth: 0 }];
  while (stack.length) {
    const { node, path, depth } = stack.pop()!;
    if (!node || typeof node !== 'object' || Buffer.isBuffer(node) || typeof (node as { pipe?: unknown }).pipe === 'function') continue;
    if (depth >= maxDepth) return { path, reason: 'depth' };
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (const [key, child] of entries) {
      const childPath = `${path}/${String(key)}`;
      if (typeof key === 'string') {
        const reason = textIssue(key);
        if (reason) return { path: childPath, reason };
      }
      if (typeof child === 'string') {
        const reason = textIssue(child);
        if (reason) return { path: childPath, reason };
        if (options.normalizeStrings) (node as Record<string | number, unknown>)[key] = normalize(child);
      } else if (child && typeof child === 'object') {
        stack.push({ node: child, path: childPath, depth: depth + 1 });
      }
    }
  }
  return null;
}

export function textProblem(issue: TextIssue): Problem {
  const what = {
    nul: ['có ký tự NUL (mã 0), không được phép trong văn bản', 'contains a NUL character, which text may not hold'],
    surrogate: ['có ký tự Unicode hỏng (nửa cặp thay thế UTF-16)', 'contains broken Unicode (a lone UTF-16 surrogate)'],
    depth: [`lồng nhau quá ${MAX_DEPTH} cấp`, `is nested more than ${MAX_DEPTH} levels deep`],
  }[issue.reason];
  return new Problem(
    400,
    'validation_failed',
    `Dữ liệu gửi lên không hợp lệ (${issue.path}): ${what[0]}.`,
    `The request is not valid (${issue.path}): ${what[1]}.`,
    { errors: [{ path: issue.path, message: what[1], params: { reason: issue.reason } }] },
  );
}

/** For text that arrives outside the parsed body (multipart field values, file names). */
export function assertText(value: string | undefined, path: string): void {
  if (value === undefined) return;
  const issue = inspectText(value, path);
  if (issue) throw textProblem(issue);
}

function isJson(request: FastifyRequest): boolean {
  return /^application\/([\w.+-]*\+)?json\b/i.test(request.headers['content-type'] ?? '');
}

/** Installs the request-side guards; call before any route is registered. */
export function installInputGuards(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    // No body parser here decompresses: a gzip body would be read as garbage (or as JSON text).
    const encoding = request.headers['content-encoding'];
    const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
    if (hasBody && encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
      throw new Problem(
        415,
        'unsupported_content_encoding',
        'Máy chủ không nhận dữ liệu nén (Content-Encoding); hãy gửi dữ liệu không nén.',
        `Compressed request bodies (Content-Encoding: ${encoding.slice(0, 40)}) are not accepted; send it uncompressed.`,
      );
    }
  });
  app.addHook('preValidation', async (request) => {
    const issue =
      inspectText(request.params, 'params') ??
      inspectText(request.query, 'querystring') ??
      inspectText(request.body, 'body', { normalizeStrings: isJson(request) });
    if (issue) throw textProblem(issue);
  });
}
