/**
 * A JSON Schema 2020-12 validator for the subset the procedure forms use (type, properties,
 * required, additionalProperties: false, items, min/maxItems, min/maxLength, pattern, format
 * date/email, oneOf of consts, minimum/maximum). The server validates the same schema with Ajv;
 * validate.test.ts checks that both agree on generated answers. Ajv itself would add ~42 KB gzip
 * to the wizard and compiles with `new Function`, which a strict CSP forbids.
 *
 * Errors carry a code, not a sentence: the page words them for the reader (see messages.ts).
 * A missing required property is reported at the property's own path, so it lands on its input.
 */

export type FormErrorCode =
  | 'required'
  | 'type'
  | 'number'
  | 'integer'
  | 'minLength'
  | 'maxLength'
  | 'pattern'
  | 'date'
  | 'email'
  | 'choice'
  | 'minimum'
  | 'maximum'
  | 'minItems'
  | 'maxItems'
  | 'unknownProperty';

export interface FormError {
  /** Slash-separated path from the form root: 'childFullName', 'documents/0/pages'. */
  path: string;
  code: FormErrorCode;
  limit?: number;
  pattern?: string;
}

/** The schema keywords this validator understands. */
export interface SchemaNode {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  properties?: Record<string, SchemaNode>;
  required?: readonly string[];
  additionalProperties?: boolean;
  items?: SchemaNode;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  oneOf?: readonly { const?: unknown }[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
}

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** RFC 3339 full-date with a real calendar day (what ajv-formats checks). */
export function isDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : DAYS[month]!);
}

const EMAIL = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

const patternCache = new Map<string, RegExp>();
function regex(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (!re) {
    re = new RegExp(pattern, 'u');
    patternCache.set(pattern, re);
  }
  return re;
}

/** String length in code points, as JSON Schema counts it. */
const length = (text: string) => [...text].length;

const join = (path: string, key: string | number) => (path === '' ? String(key) : `${path}/${key}`);

function typeMatches(type: SchemaNode['type'], value: unknown): boolean {
  switch (type) {
    case undefined:
      return true;
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
  }
}

function typeError(type: SchemaNode['type']): FormErrorCode {
  if (type === 'integer') return 'integer';
  if (type === 'number') return 'number';
  return 'type';
}

function check(node: SchemaNode, value: unknown, path: string, out: FormError[]): void {
  if (!typeMatches(node.type, value)) {
    // A whole number where a decimal is written is a different message from "not a number".
    out.push({ path, code: node.type === 'integer' && typeof value === 'number' ? 'integer' : typeError(node.type) });
    return;
  }
  if (node.const !== undefined && value !== node.const) out.push({ path, code: 'choice' });
  if (node.oneOf) {
    const matches = node.oneOf.filter((option) => option.const === undefined || option.const === value).length;
    if (matches !== 1) out.push({ path, code: 'choice' });
  }
  if (typeof value === 'string') {
    if (node.minLength !== undefined && length(value) < node.minLength) {
      // minLength 1 is how the catalogue says "must not be empty".
      out.push(node.minLength === 1 ? { path, code: 'required' } : { path, code: 'minLength', limit: node.minLength });
    }
    if (node.maxLength !== undefined && length(value) > node.maxLength) out.push({ path, code: 'maxLength', limit: node.maxLength });
    if (node.pattern !== undefined && !regex(node.pattern).test(value)) out.push({ path, code: 'pattern', pattern: node.pattern });
    if (node.format === 'date' && !isDate(value)) out.push({ path, code: 'date' });
    if (node.format === 'email' && !EMAIL.test(value)) out.push({ path, code: 'email' });
  }
  if (typeof value === 'number') {
    if (node.minimum !== undefined && value < node.minimum) out.push({ path, code: 'minimum', limit: node.minimum });
    if (node.maximum !== undefined && value > node.maximum) out.push({ path, code: 'maximum', limit: node.maximum });
  }
  if (Array.isArray(value)) {
    if (node.minItems !== undefined && value.length < node.minItems) out.push({ path, code: 'minItems', limit: node.minItems });
    if (node.maxItems !== undefined && value.length > node.maxItems) out.push({ path, code: 'maxItems', limit: node.maxItems });
    if (node.items) value.forEach((item, index) => check(node.items!, item, join(path, index), out));
  }
  if (node.type === 'object' || node.properties) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    const record = value as Record<string, unknown>;
    for (const name of node.required ?? []) {
      if (!Object.hasOwn(record, name)) out.push({ path: join(path, name), code: 'required' });
    }
    for (const [name, child] of Object.entries(record)) {
      const childSchema = node.properties?.[name];
      if (childSchema) check(childSchema, child, join(path, name), out);
      else if (node.additionalProperties === false) out.push({ path: join(path, name), code: 'unknownProperty' });
    }
  }
}

export function validateForm(schema: SchemaNode, value: unknown): FormError[] {
  const out: FormError[] = [];
  check(schema, value, '', out);
  return out;
}

/** The first error of each path, for showing one message per input. */
export function errorsByPath(errors: readonly FormError[]): Map<string, FormError> {
  const map = new Map<string, FormError>();
  for (const error of errors) if (!map.has(error.path)) map.set(error.path, error);
  return map;
}

/** Errors of the given top-level properties and everything under them. */
export function errorsWithin(errors: readonly FormError[], names: readonly string[]): FormError[] {
  return errors.filter((error) => names.some((name) => error.path === name || error.path.startsWith(`${name}/`)));
}
