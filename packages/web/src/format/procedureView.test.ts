import { describe, expect, it } from 'vitest';
import type { Procedure } from '@motcua/core/api';
import { i18n } from '../i18n/index.ts';
import { documentName, feeText, formatVnd, onlineLabel, popularFields, procedureName, processingTimeText } from './procedureView.ts';

const tVi = i18n.getFixedT('vi');
const tEn = i18n.getFixedT('en');
// Intl puts a no-break space between amount and currency.
const plain = (text: string) => text.replace(/\s/g, ' ');

function procedure(overrides: Partial<Procedure>): Procedure {
  return {
    code: '1.001193',
    nationalCode: '1.001193',
    name: 'Đăng ký khai sinh',
    nameEn: 'Birth registration',
    field: 'Hộ tịch',
    fieldEn: 'Civil status',
    fieldKey: 'civil_status',
    processingDays: null,
    sameDay: true,
    processingNote: '',
    feeVnd: 0,
    feeNote: '',
    online: 'full',
    documents: [],
    result: 'Giấy khai sinh',
    legalBasis: [],
    sources: [],
    confidence: 'high',
    uncertain: '',
    formSchema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      title: 'Tờ khai',
      properties: {},
      required: [],
      additionalProperties: false,
    },
    ...overrides,
  };
}

describe('processingTimeText', () => {
  it('says same day, N working days, or that the commune will tell (never points to a note)', () => {
    expect(processingTimeText(procedure({ sameDay: true, processingDays: 0 }), tVi, 'vi')).toBe('Trong ngày');
    expect(processingTimeText(procedure({ sameDay: false, processingDays: 5 }), tVi, 'vi')).toBe('5 ngày làm việc');
    expect(processingTimeText(procedure({ sameDay: false, processingDays: 1 }), tEn, 'en')).toBe('1 working day');
    expect(processingTimeText(procedure({ sameDay: false, processingDays: 3 }), tEn, 'en')).toBe('3 working days');
    expect(processingTimeText(procedure({ sameDay: false, processingDays: null }), tVi, 'vi')).toBe('Xã sẽ thông báo');
    expect(processingTimeText(procedure({ sameDay: false, processingDays: null }), tEn, 'en')).toBe('The commune will tell you');
  });

  it("writes half days with each language's decimal mark", () => {
    expect(processingTimeText(procedure({ sameDay: false, processingDays: 0.5 }), tVi, 'vi')).toBe('0,5 ngày làm việc');
    expect(processingTimeText(procedure({ sameDay: false, processingDays: 1.5 }), tEn, 'en')).toBe('1.5 working days');
  });
});

describe('feeText', () => {
  it('distinguishes free, an amount and a province-set fee', () => {
    expect(feeText(procedure({ feeVnd: 0 }), tVi, 'vi')).toBe('Miễn phí');
    expect(plain(feeText(procedure({ feeVnd: 50000 }), tVi, 'vi'))).toBe('50.000 ₫');
    expect(feeText(procedure({ feeVnd: null }), tVi, 'vi')).toBe('Theo quy định của HĐND tỉnh');
    expect(feeText(procedure({ feeVnd: null }), tEn, 'en')).toBe("Set by the provincial People's Council");
  });

  it('groups thousands the way each language reads them', () => {
    expect(plain(formatVnd(1250000, 'vi'))).toBe('1.250.000 ₫');
    expect(plain(formatVnd(1250000, 'en'))).toBe('VND 1,250,000');
  });
});

describe('localized catalogue text', () => {
  it('uses English only when chosen and present', () => {
    expect(procedureName(procedure({}), 'en')).toBe('Birth registration');
    expect(procedureName(procedure({}), 'vi')).toBe('Đăng ký khai sinh');
    expect(procedureName(procedure({ nameEn: ' ' }), 'en')).toBe('Đăng ký khai sinh');
    expect(documentName({ name: 'Giấy chứng sinh', required: true }, 'en')).toBe('Giấy chứng sinh');
    expect(procedureName(procedure({ nameEn: undefined }), 'en')).toBe('Đăng ký khai sinh');
  });
});

describe('popularFields', () => {
  it('counts procedures per field and orders the busiest first', () => {
    const items = [
      procedure({ code: 'a', fieldKey: 'certification', field: 'Chứng thực', fieldEn: 'Certification' }),
      procedure({ code: 'b' }),
      procedure({ code: 'c' }),
      procedure({ code: 'd', fieldKey: 'residence', field: 'Cư trú', fieldEn: 'Residence' }),
    ];
    expect(popularFields(items, 'vi')).toEqual([
      { key: 'civil_status', label: 'Hộ tịch', count: 2 },
      { key: 'certification', label: 'Chứng thực', count: 1 },
      { key: 'residence', label: 'Cư trú', count: 1 },
    ]);
    expect(popularFields(items, 'en', 2).map((f) => f.label)).toEqual(['Civil status', 'Certification']);
  });
});

describe('onlineLabel', () => {
  it('promises nothing when the source does not state the level', () => {
    expect(onlineLabel('full', tVi)).toBe('Nộp trực tuyến toàn trình');
    expect(onlineLabel('partial', tEn)).toBe('Partly online');
    expect(onlineLabel(null, tVi)).toBeNull();
  });
});
