import { describe, expect, it } from 'vitest';
import { isProblemCode, PROBLEM, PROBLEM_CODES, TIME_CURABLE_PROBLEMS } from './codes.ts';

describe('problem codes', () => {
  it('are unique snake_case names, each its own constant', () => {
    expect(new Set(PROBLEM_CODES).size).toBe(PROBLEM_CODES.length);
    for (const code of PROBLEM_CODES) {
      expect(code).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(PROBLEM[code]).toBe(code);
    }
    expect(PROBLEM.checksum_mismatch).toBe('checksum_mismatch');
    expect(isProblemCode('sha256_mismatch')).toBe(false);
  });

  it('time-curable codes are known codes', () => {
    for (const code of TIME_CURABLE_PROBLEMS) expect(isProblemCode(code)).toBe(true);
  });
});
