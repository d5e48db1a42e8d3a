import { describe, expect, it } from 'vitest';
import { INTEGER_BOUND, NUMBER_BOUND, bounded, inputValidatorFactory, inspectText } from './input.ts';
import { trustProxyFrom } from './config.ts';

describe('bounded schemas', () => {
  it('gives every number and integer both bounds, keeping declared ones, at any depth', () => {
    const s = bounded({
      type: 'object',
      properties: {
        n: { type: 'number' },
        i: { type: 'integer', minimum: 1 },
        e: { type: 'number', exclusiveMinimum: 0, maximum: 5 },
        list: { type: 'array', items: { type: 'integer' } },
        either: { anyOf: [{ type: 'integer' }, { type: 'null' }] },
        s: { type: 'string' },
      },
    });
    expect(s.properties.n).toEqual({ type: 'number', maximum: NUMBER_BOUND, minimum: -NUMBER_BOUND });
    expect(s.properties.i).toEqual({ type: 'integer', minimum: 1, maximum: INTEGER_BOUND });
    expect(s.properties.e).toEqual({ type: 'number', exclusiveMinimum: 0, maximum: 5 });
    expect(s.properties.list.items).toEqual({ type: 'integer', maximum: INTEGER_BOUND, minimum: -INTEGER_BOUND });
    expect(s.properties.either.anyOf[0]).toEqual({ type: 'integer', maximum: INTEGER_BOUND, minimum: -INTEGER_BOUND });
    expect(s.properties.s).toEqual({ type: 'string' });
  });

  it('does not touch the schema it was given (OpenAPI shows the declared one)', () => {
    const original = { type: 'integer' };
    bounded(original);
    expect(original).toEqual({ type: 'integer' });
  });
});

describe('validators', () => {
  const compile = inputValidatorFactory()({}, {});
  const schema = { type: 'object', properties: { n: { type: 'integer', minimum: 0 }, name: { type: 'string' } } };

  it('do not coerce JSON bodies', () => {
    const v = compile({ schema, httpPart: 'body' });
    expect(v({ n: '5' })).toBe(false);
    expect(v({ name: 5 })).toBe(false);
    expect(v({ n: 5, name: 'x' })).toBe(true);
    expect(v({ n: Infinity })).toBe(false);
    expect(v({ n: 1e300 })).toBe(false);
  });

  it('coerce query strings and path parameters to the declared type only, finite', () => {
    for (const httpPart of ['querystring', 'params'] as const) {
      const v = compile({ schema, httpPart });
      const ok = { n: '5', name: '12' };
      expect(v(ok)).toBe(true);
      expect(ok).toEqual({ n: 5, name: '12' });
      expect(v({ n: '1e309' })).toBe(false);
      expect(v.errors?.[0]).toMatchObject({ instancePath: '/n', keyword: 'finite' });
      expect(v({ n: '99999999999' })).toBe(false);
      expect(v({ n: 'abc' })).toBe(false);
    }
  });
});

describe('inspectText', () => {
  it('finds NUL, lone surrogates (high or low) and keys that hold them', () => {
    expect(inspectText({ a: 'x\u0000' }, 'body')).toEqual({ path: 'body/a', reason: 'nul' });
    expect(inspectText({ a: ['ok', '\ud800x'] }, 'body')).toEqual({ path: 'body/a/1', reason: 'surrogate' });
    expect(inspectText({ a: 'x\udc00' }, 'body')).toEqual({ path: 'body/a', reason: 'surrogate' });
    expect(inspectText({ 'k\u0000': 1 }, 'body')).toEqual({ path: 'body/k\u0000', reason: 'nul' });
    expect(inspectText('a\u0000', 'params')).toEqual({ path: 'params', reason: 'nul' });
    expect(inspectText({ a: 'Hoà 🌾', b: 1, c: null }, 'body')).toBeNull();
  });

  it('refuses depth iteratively (no stack overflow on a hostile body)', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown;
    expect(inspectText(deep, 'body')?.reason).toBe('depth');
  });

  it('normalises strings in place when asked (NFC, trimmed)', () => {
    const body = { name: '  Hoà  '.normalize('NFD'), list: [' a '] };
    expect(inspectText(body, 'body', { normalizeStrings: true })).toBeNull();
    expect(body).toEqual({ name: 'Hoà', list: ['a'] });
  });
});

describe('TRUST_PROXY', () => {
  it('trusts no proxy by default', () => {
    expect(trustProxyFrom(undefined)).toBe(false);
    expect(trustProxyFrom('')).toBe(false);
    expect(trustProxyFrom('false')).toBe(false);
  });
  it('takes a hop count, or addresses, CIDR ranges and proxy-addr keywords', () => {
    expect(trustProxyFrom('1')).toBe(1);
    expect(trustProxyFrom('10.0.0.5, 10.0.1.0/24,::1,fd00::/8,loopback')).toEqual(['10.0.0.5', '10.0.1.0/24', '::1', 'fd00::/8', 'loopback']);
  });
  it('refuses "true" (any client could pick its address) and anything it cannot read', () => {
    expect(() => trustProxyFrom('true')).toThrow(/X-Forwarded-For/);
    expect(() => trustProxyFrom('0')).toThrow();
    expect(() => trustProxyFrom('10.0.0.0/33')).toThrow();
    expect(() => trustProxyFrom('proxy.example')).toThrow();
  });
});
