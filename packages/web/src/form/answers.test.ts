import { describe, expect, it } from 'vitest';
import procedures from '../../../server/data/procedures.json';
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
    draft.documents = [
      { documentName: 'Bằng tốt nghiệp', issuingAuthority: '', pages: '2', copies: '3' },
      { documentName: '', issuingAuthority: '', pages: '', copies: '' },
    ];
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
    const lines = describeAnswers(schemaOf('1.001193'), { childSex: 'nu', childDateOfBirth: '2025-10-20', linkResidenceAndInsurance: true }, 'vi', yesNo, [
      'childSex',
      'childDateOfBirth',
      'linkResidenceAndInsurance',
      'fatherFullName',
    ]);
    expect(lines).toEqual([
      { kind: 'line', name: 'childSex', title: 'Giới tính người được khai sinh', text: 'Nữ' },
      { kind: 'line', name: 'childDateOfBirth', title: 'Ngày, tháng, năm sinh người được khai sinh', text: '20/10/2025' },
      { kind: 'line', name: 'linkResidenceAndInsurance', title: 'Đề nghị liên thông đăng ký thường trú và cấp thẻ BHYT cho trẻ dưới 6 tuổi', text: 'Có' },
      { kind: 'line', name: 'fatherFullName', title: 'Họ, chữ đệm và tên người cha', text: null },
    ]);
  });
});

describe('question order', () => {
  it('asks birth registration questions exactly in the order the catalogue wrote them', () => {
    const schema = schemaOf('1.001193');
    const steps = stepsOf(schema, 'vi');
    expect(steps[0]!.fields).toEqual([
      'childFullName',
      'childDateOfBirth',
      'childSex',
      'childEthnicity',
      'childNationality',
      'childPlaceOfBirth',
      'childHometown',
    ]);
    expect(steps[2]!.fields.slice(0, 4)).toEqual(['fatherFullName', 'fatherDateOfBirth', 'fatherEthnicity', 'fatherNationality']);
    expect(steps.flatMap((s) => s.fields)).toEqual(
      Object.keys(schema.properties).sort((a, b) => (schema.properties[a]!['x-step'] ?? 0) - (schema.properties[b]!['x-step'] ?? 0)),
    );
  });

  it('follows properties, not the required list, when the two disagree', () => {
    // The server stores schemas as json (key order kept), so an edited form's new order is the truth.
    const schema = schemaOf('1.001193');
    const [first, second, ...rest] = Object.keys(schema.properties);
    const swapped = { ...schema, properties: Object.fromEntries([second!, first!, ...rest].map((k) => [k, schema.properties[k]!])) };
    expect(stepsOf(swapped, 'vi')[0]!.fields.slice(0, 2)).toEqual([second, first]);
    expect(
      describeAnswers(swapped, {}, 'vi', yesNo)
        .slice(0, 2)
        .map((a) => a.name),
    ).toEqual([second, first]);
  });
});
