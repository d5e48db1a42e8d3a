import { describe, expect, it } from 'vitest';
import { formatDateTime, formatShortDate, fromLocalInput, toLocalInput } from './format.ts';

describe('Vietnam-time formatting', () => {
  it('shows instants in Vietnam time whatever the device zone', () => {
    expect(formatDateTime('2025-11-03T01:30:00Z', 'vi')).toContain('08:30');
    expect(formatDateTime('2025-11-03T01:30:00Z', 'vi')).toContain('03/11/2025');
  });
  it('round-trips datetime-local values through +07:00', () => {
    expect(toLocalInput('2025-11-07T10:00:00Z')).toBe('2025-11-07T17:00');
    expect(fromLocalInput('2025-11-07T17:00')).toBe('2025-11-07T17:00:00+07:00');
    expect(fromLocalInput('07/11/2025')).toBeNull();
  });
});

describe('formatShortDate (printed slips, issue #18)', () => {
  it('writes "02/12/2026" in Vietnam time, never with a time of day', () => {
    // 18:03 UTC on 1 December is 01:03 on 2 December in Vietnam.
    expect(formatShortDate('2026-12-01T18:03:00Z', 'vi')).toBe('02/12/2026');
    expect(formatShortDate('2026-12-01T18:03:00Z', 'en')).toBe('02/12/2026');
    expect(formatShortDate(null, 'vi')).toBe('');
  });
});
