// Drill (c), part 1: requests generated from the OpenAPI document, valid first, then broken in one
// place. Pure functions of a seeded random source, so a seed and a route name say what was sent.
import RandExp from 'randexp';

export type Rng = () => number;

/** mulberry32: small, fast, good enough to spread requests; the same seed gives the same run. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedFor(seed: number, name: string): number {
  let h = seed >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619) >>> 0;
  return h;
}

export const pick = <T>(r: Rng, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const int = (r: Rng, min: number, max: number) => min + Math.floor(r() * (max - min + 1));

type Schema = Record<string, unknown>;

export interface Operation {
  method: string;
  path: string;
  params: { name: string; in: 'path' | 'query' | 'header'; required: boolean; schema: Schema }[];
  body?: Schema;
}

export function operationsOf(spec: {
  paths: Record<string, Record<string, { parameters?: Operation['params']; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
}): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      out.push({
        method: method.toUpperCase(),
        path,
        params: (op.parameters ?? []).filter((p) => p.in !== ('cookie' as string)),
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return out;
}

/** Known-good values by field or parameter name (demo data), so generated requests reach deep. */
export type Hints = (name: string, path: string) => unknown[];

const WORDS = ['Nguyễn', 'Văn', 'An', 'Ấp', 'Long', 'Hoà', 'xã', 'Phú', 'Lâm', 'hồ', 'sơ', 'giấy', 'tờ', 'Đắk', 'Lắk', 'thôn', 'bản'];

function text(r: Rng, min: number, max: number): string {
  let s = '';
  while (s.length < min || (s.length < max && r() < 0.6)) s += (s ? ' ' : '') + pick(r, WORDS);
  return s.slice(0, max).trim().padEnd(min, 'a');
}

function uuid(r: Rng): string {
  const h = Array.from({ length: 32 }, () => int(r, 0, 15).toString(16)).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[int(r, 0, 3)]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export class Generator {
  constructor(
    private readonly components: Record<string, Schema>,
    private readonly hints: Hints,
  ) {}

  resolve(s: Schema): Schema {
    const ref = s.$ref;
    if (typeof ref === 'string') return this.resolve(this.components[ref.split('/').pop()!] ?? {});
    return s;
  }

  /** A value the schema accepts (most of the time: patterns with look-arounds are approximated). */
  valid(r: Rng, schema: Schema, name = '', path = '', depth = 0): unknown {
    const s = this.resolve(schema);
    const hinted = this.hints(name, path);
    if (hinted.length && r() < 0.75) return pick(r, hinted);
    if (typeof s !== 'object' || s === null) throw new Error(`the schema of ${path || '(body)'} ${name} is ${JSON.stringify(s)}, not a schema object`);
    if ('const' in s) return s.const;
    if (Array.isArray(s.enum)) return pick(r, s.enum);
    for (const key of ['anyOf', 'oneOf'] as const) {
      if (Array.isArray(s[key])) return this.valid(r, pick(r, s[key] as Schema[]), name, path, depth);
    }
    if (Array.isArray(s.allOf)) return Object.assign({}, ...(s.allOf as Schema[]).map((p) => this.valid(r, p, name, path, depth)));
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string | undefined];
    const type = pick(r, types.filter((t) => t !== 'null').length ? types.filter((t) => t !== 'null') : types);
    switch (type) {
      case 'string':
        return this.string(r, s);
      case 'integer':
      case 'number': {
        const lo = Number(s.minimum ?? (s.exclusiveMinimum !== undefined ? Number(s.exclusiveMinimum) + 1 : 0));
        const hi = Number(s.maximum ?? (s.exclusiveMaximum !== undefined ? Number(s.exclusiveMaximum) - 1 : lo + 20));
        const v = int(r, Math.ceil(lo), Math.max(Math.ceil(lo), Math.floor(Math.min(hi, lo + 20))));
        return typeof s.multipleOf === 'number' ? Math.round(v / s.multipleOf) * s.multipleOf || s.multipleOf : v;
      }
      case 'boolean':
        return r() < 0.5;
      case 'null':
        return null;
      case 'array': {
        if (depth > 6) return [];
        const min = Number(s.minItems ?? 0);
        const n = int(r, min, Math.max(min, Math.min(Number(s.maxItems ?? min + 2), min + 2)));
        const items = Array.from({ length: n }, () => this.valid(r, (s.items as Schema) ?? {}, name, path, depth + 1));
        return s.uniqueItems ? [...new Map(items.map((i) => [JSON.stringify(i), i])).values()] : items;
      }
      case 'object':
      case undefined: {
        if (type === undefined && !s.properties) return pick(r, ['x', 1, true, null]);
        if (depth > 6) return {};
        const props = (s.properties ?? {}) as Record<string, Schema>;
        const required = new Set((s.required as string[] | undefined) ?? []);
        const out: Record<string, unknown> = {};
        for (const [k, p] of Object.entries(props)) if (required.has(k) || r() < 0.5) out[k] = this.valid(r, p, k, `${path}/${k}`, depth + 1);
        return out;
      }
      default:
        return null;
    }
  }

  private string(r: Rng, s: Schema): string {
    const min = Number(s.minLength ?? 0);
    const max = Number(s.maxLength ?? Math.max(min, 24));
    switch (s.format) {
      case 'uuid':
        return uuid(r);
      case 'date-time':
        return new Date(Date.UTC(2026, 2, int(r, 1, 28), int(r, 0, 23))).toISOString();
      case 'date':
        return `2026-03-${String(int(r, 1, 28)).padStart(2, '0')}`;
      case 'email':
        return `nguoi${int(r, 1, 999)}@example.vn`;
    }
    if (typeof s.pattern === 'string') {
      const gen = new RandExp(s.pattern);
      gen.max = 4;
      gen.randInt = (a: number, b: number) => int(r, a, b);
      const out = gen.gen();
      return s.maxLength === undefined ? out : out.slice(0, max);
    }
    return text(r, min, Math.min(max, min + 40));
  }
}

/** One way of breaking a request; returns a label for the report. */
export type Mutation =
  | 'valid'
  | 'wrong_type'
  | 'missing_required'
  | 'extra_field'
  | 'long_string'
  | 'nul'
  | 'lone_surrogate'
  | 'invalid_json'
  | 'not_json'
  | 'huge_number'
  | 'inf_literal'
  | 'bad_id'
  | 'path_traversal'
  | 'empty_body'
  | 'deep_nesting'
  | 'content_encoding'
  | 'array_query'
  | 'bad_percent'
  | 'proto'
  | 'bad_csrf'
  | 'multipart';

export const MUTATIONS: Mutation[] = [
  'valid',
  'valid',
  'wrong_type',
  'wrong_type',
  'missing_required',
  'extra_field',
  'long_string',
  'nul',
  'nul',
  'lone_surrogate',
  'invalid_json',
  'not_json',
  'huge_number',
  'inf_literal',
  'bad_id',
  'bad_id',
  'path_traversal',
  'empty_body',
  'deep_nesting',
  'content_encoding',
  'array_query',
  'bad_percent',
  'proto',
  'bad_csrf',
  'multipart',
];

/** Values that are each wrong for nearly any field. */
export const WRONG: unknown[] = [
  12345,
  -1,
  0,
  1.5,
  true,
  false,
  null,
  '',
  'true',
  '1e309',
  '-0',
  'NaN',
  [],
  [1, 2],
  {},
  { a: 1 },
  'x'.repeat(300),
  9007199254740993,
  -2147483649,
  2147483648,
  1e300,
  -1e300,
];

export const BAD_IDS = [
  '-1',
  '0',
  '99999999999999999999',
  '1e309',
  'NaN',
  '%00',
  '%ED%A0%80',
  '%C3%28',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..%2F..%2F',
  'null',
  'undefined',
  '%20',
  'a'.repeat(101),
  '%F0%9F%8C%BE',
  "'%20OR%201=1--",
  '%25',
  '%3Cscript%3E',
];
export const TRAVERSAL = ['../../etc/passwd', '..\\..\\windows', '%2e%2e/%2e%2e/etc/passwd', '....//....//', '/etc/passwd', 'C:\\boot.ini', '..%00/'];

/** Every leaf path (array of keys) in a JSON value, for picking where to break it. */
export function leaves(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (value && typeof value === 'object') {
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    const inner = entries.flatMap(([k, v]) => leaves(v, [...at, k]));
    return at.length ? [at, ...inner] : inner;
  }
  return at.length ? [at] : [];
}

export function setAt(root: unknown, at: (string | number)[], value: unknown): unknown {
  if (!at.length) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const k of at.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  node[at[at.length - 1]!] = value;
  return copy;
}

export function deleteAt(root: unknown, at: (string | number)[]): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const k of at.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = at[at.length - 1]!;
  if (Array.isArray(node)) node.splice(Number(last), 1);
  else delete node[last];
  return copy;
}
