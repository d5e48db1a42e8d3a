import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/index.ts';
import { formErrorText } from './messages.ts';
import { CCCD_PATTERN } from './schema.ts';

describe('formErrorText', () => {
  const t = i18n.getFixedT('vi');
  it('names what a pattern stands for instead of showing it', () => {
    expect(formErrorText({ path: 'motherCccd', code: 'pattern', pattern: CCCD_PATTERN }, t)).toBe('Số CCCD phải gồm đúng 12 chữ số.');
    expect(formErrorText({ path: 'x', code: 'pattern', pattern: '^[A-Z]$' }, t)).toBe('Chưa đúng định dạng.');
  });
  it('asks to choose when the question is a choice, and puts limits in the sentence', () => {
    expect(formErrorText({ path: 'childSex', code: 'required' }, t, { choice: true })).toBe('Vui lòng chọn một mục.');
    expect(formErrorText({ path: 'copies', code: 'maximum', limit: 20 }, t)).toBe('Số lớn nhất được nhập là 20.');
    expect(formErrorText({ path: 'copies', code: 'maximum', limit: 20 }, i18n.getFixedT('en'))).toBe('The largest number allowed is 20.');
  });
});
