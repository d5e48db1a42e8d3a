import { describe, expect, it } from 'vitest';
import { foldKey, searchKey, toneKey } from './index.ts';

describe('Vietnamese text keys', () => {
  it('folds diacritics and đ', () => {
    expect(foldKey('Đăng ký khai sinh')).toBe('dang ky khai sinh');
    expect(foldKey('  Xã Long Hòa, huyện Phú Tân ')).toBe('xa long hoa huyen phu tan');
  });
  it('treats old and new tone placement as equal but keeps tones apart', () => {
    expect(toneKey('Hoà Điền')).toBe(toneKey('Hòa Điền'));
    expect(toneKey('Thuỷ')).toBe(toneKey('Thủy'));
    expect(toneKey('Hòa')).not.toBe(toneKey('Hóa'));
  });
  it('forgives i/y spelling in search keys', () => {
    expect(searchKey('đăng kí')).toBe(searchKey('Đăng ký'));
  });
  it('composes decomposed input', () => {
    expect(foldKey('Ho\u0300a')).toBe('hoa');
    expect(toneKey('Ho\u0300a')).toBe(toneKey('Hòa'));
  });
});
