import { describe, expect, it } from 'vitest';
import procedures from '../../../../server/data/procedures.json';
import type { FormSchema } from '@motcua/core/catalog';
import { describeAnswers } from './answers.ts';
import { formValue, initialDraft, mergeDraft, stepsOf } from './schema.ts';

const schemaOf = (code: string) => (procedures as unknown as { code: string; formSchema: FormSchema }[]).find((p) => p.code === code)!.formSchema;
const yesNo = { yes: 'Có', no: 'Không' };

describe('schema helpers on real catalogue forms', () => {
  it('groups birth registration into its four titled steps', () => {
    const steps = stepsOf(schemaOf('1.001193'), 'vi');
    expect(steps.map((s) => s.title)).toEqual(['Người được khai sinh', 'Thông tin người mẹ', 'Thông tin người cha', 'Giấy tờ và yêu cầu']);
    expect(steps[0]!.fields).toContain('childFullName');
    expect(stepsOf(schemaOf('1.001193'), 'en')[1]!.title).toBe('Mother');
  });

  it('turns typed text into the JSON the server checks: defaults kept, blanks dropped, numbers parsed', () => {
    const schema = schemaOf('2.000815');
    const draft = initialDraft(schema);
    expect(draft.documents).toHaveLength(1);
    draft.documents = [{ documentName: 'Bằng tốt nghiệp', issuingAuthority: '', pages: '2', copies: '3' }, { documentName: '', issuingAuthority: '', pages: '', copies: '' }];
    expect(formValue(schema, draft)).toEqual({ documents: [{ documentName: 'Bằng tốt nghiệp', pages: 2, copies: 3 }] });
    const birth = formValue(schemaOf('1.001193'), initialDraft(schemaOf('1.001193')));
    expect(birth).toEqual({ childNationality: 'Việt Nam', motherNationality: 'Việt Nam', fatherNationality: 'Việt Nam' });
  });

  it('keeps known answers of an old draft and drops the rest', () => {
    const merged = mergeDraft(schemaOf('1.001193'), { childFullName: 'Bình', gone: 'x', extraCopies: 2 });
    expect(merged.childFullName).toBe('Bình');
    expect(merged).not.toHaveProperty('gone');
    expect(merged.extraCopies).toBe(''); // a number where text is kept is not trusted
  });

  it('describes answers with titles and choice labels', () => {
    const lines = describeAnswers(schemaOf('1.001193'), { childSex: 'nu', childDateOfBirth: '2025-10-20', linkResidenceAndInsurance: true }, 'vi', yesNo, ['childSex', 'childDateOfBirth', 'linkResidenceAndInsurance', 'fatherFullName']);
    expect(lines).toEqual([
      { kind: 'line', name: 'childSex', title: 'Giới tính người được khai sinh', text: 'Nữ' },
      { kind: 'line', name: 'childDateOfBirth', title: 'Ngày, tháng, năm sinh người được khai sinh', text: '20/10/2025' },
      { kind: 'line', name: 'linkResidenceAndInsurance', title: 'Đề nghị liên thông đăng ký thường trú và cấp thẻ BHYT cho trẻ dưới 6 tuổi', text: 'Có' },
      { kind: 'line', name: 'fatherFullName', title: 'Họ, chữ đệm và tên người cha', text: null },
    ]);
  });
});

/** What PostgreSQL jsonb does to object keys: shorter first, then bytewise. */
function jsonbOrder<T>(record: Record<string, T>): Record<string, T> {
  const keys = Object.keys(record).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(keys.map((k) => [k, record[k]!]));
}

describe('fieldOrder', () => {
  it('rebuilds the form order of birth registration after jsonb re-sorted its keys', () => {
    const original = schemaOf('1.001193');
    const stored = { ...original, properties: jsonbOrder(original.properties) };
    expect(Object.keys(stored.properties)).not.toEqual(Object.keys(original.properties));
    const steps = stepsOf(stored, 'vi');
    expect(steps[0]!.fields).toEqual(['childFullName', 'childDateOfBirth', 'childSex', 'childEthnicity', 'childNationality', 'childPlaceOfBirth', 'childHometown']);
    expect(steps[2]!.fields.slice(0, 4)).toEqual(['fatherFullName', 'fatherDateOfBirth', 'fatherEthnicity', 'fatherNationality']);
    expect(steps[3]!.fields.slice(0, 3)).toEqual(['birthProofKind', 'birthCertificateNumber', 'declarantRelationship']);
  });

  it('keeps every required question in the order the catalogue wrote it, for every form', () => {
    for (const p of procedures as unknown as { formSchema: FormSchema }[]) {
      const stored = { ...p.formSchema, properties: jsonbOrder(p.formSchema.properties) };
      const order = stepsOf(stored, 'vi').flatMap((s) => s.fields);
      const required = order.filter((n) => p.formSchema.required.includes(n));
      const expected = Object.keys(p.formSchema.properties).filter((n) => p.formSchema.required.includes(n));
      // Within a step, required questions appear as the catalogue lists them.
      const byStep = (names: string[]) => names.map((n) => `${p.formSchema.properties[n]!['x-step'] ?? 0}:${n}`).sort((a, b) => Number(a.split(':')[0]) - Number(b.split(':')[0]));
      expect(byStep(required)).toEqual(byStep(expected));
    }
  });
});
