import { describe, expect, it } from 'vitest';
import catalogJson from '../../../server/data/procedures.json' with { type: 'json' };
import { buildCatalogIndex, fieldKeyOf, searchCatalog, type Procedure } from './index.ts';

// JSON imports widen string unions; the build validates the real shape.
const procedures = catalogJson as unknown as Procedure[];
const index = buildCatalogIndex(procedures);
const codes = (q: string, filters?: Parameters<typeof searchCatalog>[2], limit?: number) => searchCatalog(index, q, filters, limit).map((p) => p.code);

const BIRTH = '1.001193';

describe('searchCatalog', () => {
  it.each(['Đăng ký khai sinh', 'dang ky khai sinh', 'khai sinh', 'khaisinh', 'dang ki khai sinh', 'ĐĂNG KÝ KHAI SINH', 'dangkykhaisinh'])(
    'finds birth registration first for %j',
    (q) => {
      expect(codes(q)[0]).toBe(BIRTH);
    },
  );

  it('expands the common abbreviation "đk" for "đăng ký"', () => {
    expect(codes('đk khai sinh')[0]).toBe(BIRTH);
    expect(codes('dk ket hon')[0]).toBe('1.000894');
  });

  it('does not match words glued from fragments of different words', () => {
    // "hon" occurs inside "thông" and "nhan" inside "xác nhận", but no word starts with them together.
    expect(codes('hon nhan')).not.toContain('1.010041');
    expect(codes('hon nhan')[0]).toBe('1.004873');
  });

  it('returns every birth-related procedure for "khai sinh", not just the best one', () => {
    const found = codes('khai sinh');
    expect(found).toEqual(expect.arrayContaining([BIRTH, '1.000689', '1.004884', '1.004772', '2.000528']));
    expect(found).not.toContain('1.000894'); // marriage
  });

  it('ranks exact name, then prefix, then all words', () => {
    const found = codes('dang ky ket hon');
    expect(found[0]).toBe('1.000894'); // Đăng ký kết hôn (exact)
    // "Đăng ký kết hôn có yếu tố nước ngoài" starts with the query; "Đăng ký lại kết hôn" only has the words.
    expect(found.indexOf('2.000806')).toBe(1);
    expect(found.indexOf('1.004746')).toBeGreaterThan(1);
  });

  it('ranks a phrase inside the name above scattered words and joined fragments', () => {
    const found = codes('ket hon');
    expect(found.slice(0, 3)).toContain('1.000894');
    // "xac nhan tinh trang hon nhan" contains neither the phrase nor the word "ket": absent.
    expect(found).not.toContain('1.004873');
  });

  it('finds procedures by national code, code prefix and code digits', () => {
    expect(codes('1.001193')[0]).toBe(BIRTH);
    expect(codes(' 1.001193 ')[0]).toBe(BIRTH);
    expect(codes('1.0011')).toContain(BIRTH);
    expect(codes('001193')[0]).toBe(BIRTH);
    expect(codes('2.').sort()).toEqual(
      procedures
        .filter((p) => p.code.startsWith('2.'))
        .map((p) => p.code)
        .sort(),
    );
  });

  it('ignores tone-mark placement and diacritics', () => {
    expect(codes('Hoà giải tranh chấp đất đai')[0]).toBe('1.012812');
    expect(codes('hoa giai')[0]).toBe('1.012812');
    expect(codes('tam tru')).toEqual(expect.arrayContaining(['1.004194', '1.002755']));
  });

  it('matches the English name and the field as a weaker tier', () => {
    expect(codes('birth registration')[0]).toBe(BIRTH);
    const certification = codes('chung thuc');
    expect(certification.length).toBeGreaterThanOrEqual(7);
  });

  it('finds every procedure first by its own name, folded name, joined name and code', () => {
    for (const p of procedures) {
      const folded = p.name
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/đ/g, 'd')
        .replace(/Đ/g, 'D');
      expect(codes(p.name)[0], p.name).toBe(p.code);
      expect(codes(folded)[0], folded).toBe(p.code);
      expect(codes(folded.replace(/[^A-Za-z0-9]/g, ''))[0], folded).toBe(p.code);
      expect(codes(p.code)[0], p.code).toBe(p.code);
    }
  });

  it('returns the whole catalog in catalog order for an empty query', () => {
    expect(codes('')).toEqual(procedures.map((p) => p.code));
    expect(codes('   ')).toEqual(procedures.map((p) => p.code));
    expect(codes('', undefined, 5)).toEqual(procedures.slice(0, 5).map((p) => p.code));
  });

  it('applies field and online filters, with or without a query', () => {
    const certification = procedures.filter((p) => p.fieldKey === 'certification').map((p) => p.code);
    expect(certification.length).toBeGreaterThan(0);
    expect(codes('', { field: 'certification' })).toEqual(certification);
    expect(codes('khai sinh', { field: 'certification' })).toEqual([]);
    expect(codes('', { online: 'partial' })).toEqual(procedures.filter((p) => p.online === 'partial').map((p) => p.code));
    expect(codes('khai sinh', { field: 'civil_status', online: 'full' })[0]).toBe(BIRTH);
  });

  it('honours the limit and returns nothing for unrelated text', () => {
    expect(codes('dang ky', undefined, 3)).toHaveLength(3);
    expect(codes('xyzzy khong co')).toEqual([]);
  });

  it('works on any injected list, not only the bundled catalog', () => {
    const small = buildCatalogIndex([procedures[1]!, procedures[0]!]);
    expect(searchCatalog(small, '').map((p) => p.code)).toEqual([procedures[1]!.code, procedures[0]!.code]);
    expect(searchCatalog(small, 'khai sinh')[0]!.code).toBe(BIRTH);
    expect(searchCatalog(buildCatalogIndex([]), 'khai sinh')).toEqual([]);
  });
});

describe('fieldKeyOf', () => {
  it('slugs the English field name', () => {
    expect(fieldKeyOf('Civil status')).toBe('civil_status');
    expect(fieldKeyOf('People with meritorious service')).toBe('people_with_meritorious_service');
  });
});

describe('searchCatalog: everyday requests (issue #18)', () => {
  it.each([
    ['lam giay khai sinh cho con', BIRTH],
    ['làm giấy khai sinh', BIRTH],
    ['xin giấy xác nhận độc thân', '1.004873'],
    ['dang ky cuoi', '1.000894'],
    ['muốn nhập hộ khẩu', '1.004222'],
    ['báo tử cho bố', '1.000656'],
    ['xin giay phep xay nha', '1.013225'],
  ])('reads %j as the procedure it asks for', (q, code) => {
    expect(codes(q)[0]).toBe(code);
  });

  it('does not bend a query that already names a procedure', () => {
    // "con" is filler in a request but a word of this procedure's name.
    expect(codes('nhan cha me con')[0]).toBe('1.001022');
    expect(codes('zzzz qqqq')).toEqual([]);
  });
});

describe('searchCatalog: name-only matches for the office queue', () => {
  it('leaves out procedures matched only by their result or English text', () => {
    const all = codes('khai sinh');
    const byName = searchCatalog(index, 'khai sinh', { nameOnly: true }).map((p) => p);
    expect(byName.length).toBeGreaterThan(0);
    expect(byName.every((p) => /khai sinh/i.test(p.name))).toBe(true);
    expect(byName.length).toBeLessThanOrEqual(all.length);
  });
});
