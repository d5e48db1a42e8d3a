import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FormSchema, Procedure } from '../../packages/core/src/catalog/types.ts';
import { OUTPUT_PATH, buildProceduresFromFile, serialise } from '../build-procedures.ts';
import { form, step, text } from './forms/fragments.ts';
import { formsByCode } from './forms/index.ts';
import type { SourceProcedure } from './source.ts';
import { isRequiredDocument, localCode, toProcedure, withExemptionClaim } from './transform.ts';
import { KNOWN_FEES, computeFee, ruleFromAmount } from '../../packages/core/src/fees/index.ts';
import { createAjv, formSchemaProblems, validateFormSchemas } from './validate.ts';

const committed = JSON.parse(readFileSync(OUTPUT_PATH, 'utf8')) as Procedure[];
const byCode = new Map(committed.map((p) => [p.code, p]));
const get = (code: string) => byCode.get(code)!;
const compiled = validateFormSchemas(committed);
const validate = (code: string, data: unknown) => compiled.get(code)!(data);

describe('generated procedures.json', () => {
  it('is up to date with the source data and form schemas', () => {
    expect(readFileSync(OUTPUT_PATH, 'utf8')).toBe(serialise(buildProceduresFromFile()));
  });

  it('holds the 40 source procedures, each with a form schema', () => {
    expect(committed).toHaveLength(40);
    expect(new Set(committed.map((p) => p.code)).size).toBe(40);
    for (const p of committed) {
      expect(p.formSchema, p.code).toEqual(withExemptionClaim(formsByCode[p.code]!, p.feeRule!));
      expect(p.code).toBe(p.nationalCode ?? p.code);
    }
  });

  it('maps same-day settlement to 0 working days and keeps unknown times null', () => {
    expect(get('1.001193')).toMatchObject({ sameDay: true, processingDays: 0, feeVnd: 0, online: 'full' });
    expect(get('1.004222')).toMatchObject({ sameDay: false, processingDays: 7, feeVnd: 20000 });
    expect(get('1.003197')).toMatchObject({ sameDay: false, processingDays: null, feeVnd: null });
    expect(get('2.000815')).toMatchObject({ feeVnd: 2000, online: null, fieldKey: 'certification' });
    for (const p of committed) if (p.sameDay) expect(p.processingDays, p.code).toBe(0);
  });

  it('carries a fee rule and when to pay for every procedure, with the amount the source states', () => {
    for (const p of committed) {
      expect(p.feeRule, p.code).toEqual(KNOWN_FEES[p.code] ?? ruleFromAmount(p.feeVnd, p.feeNote));
      expect(['submission', 'intake', 'result'], p.code).toContain(p.feeDueAt);
      // The rule never contradicts the source: unknown stays unknown, free stays free.
      if (p.feeVnd === null) expect(p.feeRule!.charges, p.code).toBeNull();
      if (p.feeVnd === 0 && p.feeRule!.charges !== null) expect(p.feeRule!.charges, p.code).toEqual([]);
    }
    const certify = get('2.000815');
    const quote = computeFee(certify.feeRule!, { documents: [{ documentName: 'Học bạ', pages: 12, copies: 2 }] }, { channel: 'counter', on: '2026-03-02' });
    expect(quote.amountVnd).toBe(2 * (2 * 2000 + 10 * 1000));
  });

  it('asks the applicant for a fee exemption claim only where the rule grants one', () => {
    expect(Object.keys(get('1.004873').formSchema.properties)).toContain('feeExemption');
    expect(Object.keys(get('2.000815').formSchema.properties)).not.toContain('feeExemption');
    const claimErrors = (claim: string) => {
      const check = compiled.get('1.004873')!;
      check({ feeExemption: claim });
      return (check.errors ?? []).filter((e) => e.instancePath === '/feeExemption');
    };
    expect(claimErrors('poor_household')).toEqual([]);
    expect(claimErrors('rich_household').length).toBeGreaterThan(0);
    expect(get('1.004873').formSchema.required).not.toContain('feeExemption');
  });

  it('carries legal basis, sources and bilingual names for every procedure', () => {
    for (const p of committed) {
      expect(p.legalBasis.length, p.code).toBeGreaterThan(0);
      expect(p.sources.length, p.code).toBeGreaterThan(0);
      expect(p.nameEn && p.fieldEn && p.fieldKey, p.code).toBeTruthy();
      expect(p.documents.length, p.code).toBeGreaterThan(0);
    }
  });

  it('quotes exemptions from the fee note', () => {
    expect(get('1.001193').exemptions).toContain('Hộ nghèo');
    expect(get('1.004222').exemptions).toBeUndefined();
  });

  it('fills a time the law states where the source has none, with its article (tách hộ: Luật Cư trú art. 25(3))', () => {
    expect(get('1.010038')).toMatchObject({ processingDays: 5, sameDay: false });
    expect(get('1.010038').processingNote).toMatch(/Điều 25 khoản 3/);
    // Not found in a text that was read: stays empty for the desk to set.
    expect(get('1.003197').processingDays).toBeNull();
  });
});

describe('form schemas', () => {
  const birth = {
    childFullName: 'Nguyễn Văn An',
    childDateOfBirth: '2026-10-02',
    childSex: 'nam',
    childEthnicity: 'Kinh',
    childNationality: 'Việt Nam',
    childPlaceOfBirth: 'Trạm y tế xã Long Hòa',
    motherFullName: 'Trần Thị Bình',
    motherDateOfBirth: '1998-04-12',
    motherEthnicity: 'Kinh',
    motherNationality: 'Việt Nam',
    motherCccd: '079198001234',
    motherResidence: 'Ấp 3, xã Long Hòa, tỉnh An Giang',
    birthProofKind: 'giay_chung_sinh',
    declarantRelationship: 'me',
  };

  it('accepts a complete birth registration and rejects malformed answers', () => {
    expect(validate('1.001193', birth)).toBe(true);
    expect(validate('1.001193', { ...birth, motherCccd: '07919800123' })).toBe(false);
    expect(validate('1.001193', { ...birth, childDateOfBirth: '02/10/2026' })).toBe(false);
    expect(validate('1.001193', { ...birth, childSex: 'Nam' })).toBe(false);
    expect(validate('1.001193', { ...birth, applicantPhone: '0912345678' })).toBe(false);
    const { childFullName: _omitted, ...withoutName } = birth;
    expect(validate('1.001193', withoutName)).toBe(false);
  });

  it('asks for pages and copies per document when certifying copies', () => {
    const ok = { documents: [{ documentName: 'Bằng tốt nghiệp THPT', pages: 1, copies: 3 }] };
    expect(validate('2.000815', ok)).toBe(true);
    expect(validate('2.000815', { documents: [] })).toBe(false);
    expect(validate('2.000815', { documents: [{ documentName: 'Học bạ', pages: 0, copies: 1 }] })).toBe(false);
  });

  it('checks CCCD patterns inside the list of contract parties', () => {
    const contract = {
      contractKind: 'tang_cho',
      assetDescription: 'Thửa đất số 12, tờ bản đồ số 5',
      pages: 4,
      copies: 3,
      parties: [
        { fullName: 'Lê Văn C', cccd: '089077000111', role: 'Bên tặng cho' },
        { fullName: 'Lê Thị D', role: 'Bên được tặng cho' },
      ],
    };
    expect(validate('2.001035', contract)).toBe(true);
    expect(validate('2.001035', { ...contract, parties: [contract.parties[0]] })).toBe(false);
    expect(validate('2.001035', { ...contract, parties: [...contract.parties, { fullName: 'X', cccd: 'abc', role: 'Y' }] })).toBe(false);
  });

  it('puts every field in a declared step, with Vietnamese and English labels', () => {
    for (const p of committed) {
      const steps = p.formSchema['x-steps'] ?? [];
      expect(steps.length, p.code).toBeGreaterThan(0);
      for (const [key, field] of Object.entries(p.formSchema.properties)) {
        expect(steps[field['x-step']!], `${p.code} ${key}`).toBeDefined();
        expect(field.title).toMatch(/[à-ỹđ]/i); // Vietnamese label, not an English placeholder
      }
    }
  });

  it('reports house-rule violations', () => {
    const bad: FormSchema = form('Thử', 'Test', [step('Bước', 'Step', { applicantFullName: text('Họ tên', 'Name') })]);
    expect(formSchemaProblems(bad)).toEqual([expect.stringContaining('applicant identity')]);
    const unlabelled = { ...bad, properties: { note: { type: 'string' as const, title: 'Ghi chú', 'x-step': 0 } }, required: [] };
    expect(formSchemaProblems(unlabelled)).toEqual([expect.stringContaining('English label')]);
    expect(() => validateFormSchemas([{ code: 'x', formSchema: bad }])).toThrow(/applicant identity/);
    const invalid = { ...unlabelled, properties: { note: { type: 'strin', title: 'Ghi chú', 'x-title-en': 'Note' } } };
    expect(() => validateFormSchemas([{ code: 'x', formSchema: invalid as unknown as FormSchema }], createAjv())).toThrow();
  });
});

describe('transform', () => {
  it('tells conditional documents from required ones', () => {
    expect(isRequiredDocument('Giấy chứng sinh; nếu không có thì văn bản của người làm chứng')).toBe(true);
    expect(isRequiredDocument('Văn bản ủy quyền nếu nộp thay (trừ ông, bà, người thân thích)')).toBe(false);
    expect(isRequiredDocument('Biên bản ủy quyền của thân nhân (nếu có)')).toBe(false);
    expect(isRequiredDocument('Giấy tờ chứng minh quan hệ nhân thân (trường hợp nhập vào chỗ ở của người khác)')).toBe(false);
    expect(isRequiredDocument('Tờ khai thay đổi thông tin cư trú (CT01)')).toBe(true);
  });

  const source: SourceProcedure = {
    code: null,
    name_vi: 'Đăng ký khai sinh lưu động',
    name_en: 'Mobile birth registration',
    field_vi: 'Hộ tịch',
    field_en: 'Civil status',
    level: 'commune',
    processing_time: { working_days: null, same_day: false, note_vi: 'Chưa xác minh.' },
    fee_vnd: { amount: null, note_vi: 'Miễn lệ phí cho hộ nghèo.' },
    online: null,
    required_documents_vi: ['Tờ khai'],
    result_vi: 'Giấy khai sinh',
    legal_basis: ['Luật Hộ tịch 2014'],
    sources: ['https://example.org'],
    verification: { confidence: 'low', uncertain: null },
  };
  const schema = formsByCode['1.001193']!;

  it('gives procedures without a national code a local MC- code', () => {
    const p = toProcedure(source, { forms: { [localCode(source.name_vi)]: schema }, exemptions: {} });
    expect(p.code).toBe('MC-dang-ky-khai-sinh-luu-dong');
    expect(p.nationalCode).toBeNull();
    expect(p).toMatchObject({ processingDays: null, feeVnd: null, online: null, uncertain: '' });
    expect(localCode('Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng')).toBe('MC-thuc-hien-dieu-chinh-thoi-huong-tro');
  });

  it('never lets a stated time override a time the source gives', () => {
    const forms = { [localCode(source.name_vi)]: schema };
    const times = { [localCode(source.name_vi)]: { workingDays: 9, noteVi: 'x' } };
    const withSourceTime = { ...source, processing_time: { ...source.processing_time, same_day: false, working_days: 3 } };
    expect(toProcedure(withSourceTime, { forms, exemptions: {}, times }).processingDays).toBe(3);
    const without = { ...source, processing_time: { ...source.processing_time, same_day: false, working_days: null } };
    expect(toProcedure(without, { forms, exemptions: {}, times })).toMatchObject({ processingDays: 9, processingNote: 'x' });
  });

  it('refuses exemptions that the fee note does not state, and missing forms', () => {
    const forms = { [localCode(source.name_vi)]: schema };
    expect(toProcedure(source, { forms, exemptions: { [localCode(source.name_vi)]: ['hộ nghèo'] } }).exemptions).toEqual(['hộ nghèo']);
    expect(() => toProcedure(source, { forms, exemptions: { [localCode(source.name_vi)]: ['người cao tuổi'] } })).toThrow(/not in its fee note/);
    expect(() => toProcedure(source, { forms: {}, exemptions: {} })).toThrow(/no form schema/);
  });
});
