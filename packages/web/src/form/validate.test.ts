import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FormSchema } from '@motcua/core/catalog';
import procedures from '../../../server/data/procedures.json';
import { isDate, validateForm, type SchemaNode } from './validate.ts';

// The committed catalogue: every real form the wizard will render.
const catalogue = procedures as unknown as { code: string; formSchema: FormSchema }[];

// The server's validator, configured as in packages/server/src/modules/catalog/service.ts.
const addFormats = (addFormatsModule as unknown as { default: typeof addFormatsModule }).default ?? addFormatsModule;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

function stringArb(node: SchemaNode): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [
    fc.constantFrom('', 'a', 'Nguyễn Văn An', ' ', '001234567890', '00123456789', '2025-02-29', '2024-02-29', '2025-13-01', '14:30', '24:00', '1990-07-21'),
    fc.string({ maxLength: 8 }),
    fc.integer(),
  ];
  if (node.oneOf) options.push(fc.constantFrom(...node.oneOf.map((o) => o.const)));
  if (node.maxLength) options.push(fc.constant('x'.repeat(node.maxLength + 1)), fc.constant('đ'.repeat(node.maxLength)));
  return fc.oneof(...options);
}

function valueArb(node: SchemaNode): fc.Arbitrary<unknown> {
  switch (node.type) {
    case 'string':
      return stringArb(node);
    case 'integer':
    case 'number':
      return fc.oneof(fc.integer({ min: -3, max: 120 }), fc.constantFrom(0.5, 2.5, node.minimum ?? 0, node.maximum ?? 1), fc.constant('3'));
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constant('true'));
    case 'array':
      return fc.array(valueArb(node.items!), { maxLength: 3 });
    default:
      return objectArb(node);
  }
}

function objectArb(node: SchemaNode): fc.Arbitrary<unknown> {
  const entries = Object.entries(node.properties ?? {}).map(([name, child]) => [name, fc.option(valueArb(child), { nil: undefined, freq: 3 })] as const);
  return fc.tuple(fc.record(Object.fromEntries(entries)), fc.boolean(), fc.integer({ min: 0, max: 20 })).map(([record, extra, fill]) => {
    // Often: a complete valid form with at most one generated answer in it.
    if (fill >= 12) {
      const base = validSample(node) as Record<string, unknown>;
      const key = Object.keys(record)[fill % Math.max(Object.keys(record).length, 1)];
      if (key !== undefined && record[key] !== undefined && fill % 2 === 0) base[key] = record[key];
      return base;
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) if (v !== undefined) out[k] = v;
    // Usually answer every required question, so valid forms come up as often as broken ones.
    if (fill > 3) for (const name of node.required ?? []) if (!(name in out)) out[name] = validSample(node.properties![name]!);
    if (extra && fill === 0) out.unexpected = 'x';
    return out;
  });
}

/** A value that satisfies a node on its own, to make whole valid forms likely. */
function validSample(node: SchemaNode): unknown {
  switch (node.type) {
    case 'string':
      if (node.oneOf) return node.oneOf[0]!.const;
      if (node.format === 'date') return '1990-07-21';
      if (node.pattern === '^[0-9]{12}$') return '001234567890';
      if (node.pattern) return '08:15';
      return 'Lê Thị Hoa';
    case 'integer':
    case 'number':
      return node.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: node.minItems ?? 1 }, () => validSample(node.items!));
    default:
      return Object.fromEntries((node.required ?? []).map((name) => [name, validSample(node.properties![name]!)]));
  }
}

describe('validateForm', () => {
  it('agrees with Ajv (the server) on generated answers to every catalogue form', () => {
    let valid = 0;
    let invalid = 0;
    for (const procedure of catalogue) {
      const schema = procedure.formSchema as unknown as SchemaNode;
      const ajvValidate = ajv.compile(procedure.formSchema);
      fc.assert(
        fc.property(objectArb(schema), (value) => {
          const ours = validateForm(schema, value).length === 0;
          expect(ours, `${procedure.code}: ${JSON.stringify(value)}`).toBe(ajvValidate(value));
          if (ours) valid += 1;
          else invalid += 1;
        }),
        { numRuns: 60, seed: 20251101 },
      );
    }
    // Both outcomes must actually occur, or the comparison proves little.
    expect(valid).toBeGreaterThan(200);
    expect(invalid).toBeGreaterThan(200);
  });

  it('reports a missing required answer at the question, and the first problem of each kind', () => {
    const schema: SchemaNode = {
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 5 },
        cccd: { type: 'string', pattern: '^[0-9]{12}$' },
        born: { type: 'string', format: 'date' },
        rows: { type: 'array', minItems: 1, items: { type: 'object', properties: { pages: { type: 'integer', minimum: 1 } }, required: ['pages'] } },
      },
      required: ['name', 'rows'],
      additionalProperties: false,
    };
    expect(validateForm(schema, { cccd: '123', born: '2025-02-30', rows: [{ pages: 0 }, {}] })).toEqual([
      { path: 'name', code: 'required' },
      { path: 'cccd', code: 'pattern', pattern: '^[0-9]{12}$' },
      { path: 'born', code: 'date' },
      { path: 'rows/0/pages', code: 'minimum', limit: 1 },
      { path: 'rows/1/pages', code: 'required' },
    ]);
    expect(validateForm(schema, { name: 'abcdef', rows: [{ pages: 2.5 }] })).toEqual([
      { path: 'name', code: 'maxLength', limit: 5 },
      { path: 'rows/0/pages', code: 'integer' },
    ]);
  });

  it('knows real calendar days', () => {
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2100-02-29')).toBe(false);
    expect(isDate('2025-04-31')).toBe(false);
    expect(isDate('21/07/1990')).toBe(false);
  });
});
