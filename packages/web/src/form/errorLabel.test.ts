import { describe, expect, it } from 'vitest';
import type { FormSchema } from './schema.ts';
import { formErrorLabel } from './schema.ts';
import { formErrorText } from './messages.ts';
import { i18n } from '../i18n/index.ts';

const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  title: 'Tờ khai',
  properties: {
    soCon: { type: 'integer', title: 'Số con', 'x-title-en': 'Number of children' },
    conCai: { type: 'array', title: 'Con', items: { type: 'object', properties: { hoTen: { type: 'string', title: 'Họ tên' } }, required: [] } },
  },
  required: [],
  additionalProperties: false,
} as unknown as FormSchema;

describe('formErrorLabel: an error summary names the field (issue #18)', () => {
  it('names the question, and the column of a repeated group', () => {
    const t = i18n.getFixedT('vi');
    const text = `${formErrorLabel(schema, 'soCon', 'vi')}: ${formErrorText({ path: 'soCon', code: 'type', expected: 'integer' } as never, t)}`;
    expect(text).toMatch(/^Số con: /);
    expect(formErrorLabel(schema, 'soCon', 'en')).toBe('Number of children');
    expect(formErrorLabel(schema, 'conCai/0/hoTen', 'vi')).toBe('Con – Họ tên');
    expect(formErrorLabel(schema, 'unknown', 'vi')).toBe('unknown');
  });
});
