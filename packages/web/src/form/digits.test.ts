import { describe, expect, it } from 'vitest';
import { validateForm } from './validate.ts';
import { APPLICANT_SCHEMA } from './applicant.ts';
import { typedDigits } from './digits.ts';

describe('typedDigits', () => {
  it('reads a CCCD written in groups as its 12 digits', () => {
    expect(typedDigits('0890 9500 1234')).toBe('089095001234');
    expect(typedDigits('089.095.001.234')).toBe('089095001234');
    expect(typedDigits('089-095-001-234 ')).toBe('089095001234');
  });

  it('keeps text that is not only digits and separators, for the validator to explain', () => {
    expect(typedDigits('08909500123a')).toBe('08909500123a');
    expect(typedDigits('')).toBe('');
  });

  it('makes a spaced CCCD pass the applicant schema that refused it before', () => {
    const errorsFor = (idNumber: string) => validateForm(APPLICANT_SCHEMA as never, { idNumber }).filter((e) => e.path === 'idNumber');
    expect(errorsFor('0890 9500 1234')).not.toEqual([]);
    expect(errorsFor(typedDigits('0890 9500 1234'))).toEqual([]);
  });
});
