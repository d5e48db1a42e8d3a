import { describe, expect, it } from 'vitest';
import { isDeclaration, missingRequiredDocuments } from './completeness.ts';

const procedure = {
  documents: [
    { name: 'Tờ khai đăng ký khai sinh (hoặc biểu mẫu điện tử tương tác khi nộp trực tuyến)', required: true },
    { name: 'Giấy chứng sinh', required: true },
    { name: 'Văn bản ủy quyền (nếu có)', required: false },
  ],
  formSchema: { type: 'object', properties: { childName: { type: 'string', title: 'Họ tên' } } },
};

describe('missingRequiredDocuments', () => {
  it('online with the e-form filled: the declaration is not missing, the birth certificate is', () => {
    expect(missingRequiredDocuments(procedure, new Set(), 'online')).toEqual([1]);
    expect(missingRequiredDocuments(procedure, new Set(['1']), 'online')).toEqual([]);
  });
  it('at the desk the paper declaration is still required', () => {
    expect(missingRequiredDocuments(procedure, new Set(['1']), 'counter')).toEqual([0]);
  });
  it('a procedure without e-form questions still needs its declaration online', () => {
    expect(missingRequiredDocuments({ ...procedure, formSchema: { properties: {} } }, new Set(['1']), 'online')).toEqual([0]);
  });
  it('knows a declaration by its name only when the name starts with it', () => {
    expect(isDeclaration({ name: 'Tờ khai thay đổi thông tin cư trú (CT01)' })).toBe(true);
    expect(isDeclaration({ name: 'Bản sao tờ khai' })).toBe(false);
  });
});
