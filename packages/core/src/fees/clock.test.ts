import { describe, expect, it } from 'vitest';
import { dueDate, vnInstant } from '../calendar/index.ts';
import { clockStart, dueWithPayment } from './index.ts';

// Friday 6 March 2026: a 3-working-day procedure received then is due Wednesday 11 March.
const received = vnInstant('2026-03-06', '09:00');
const three = { workingDays: 3 };

describe('the legal clock while a dossier waits for payment (docs/rules.md "When to pay")', () => {
  it('submission: an online dossier is not received until paid, so no clock runs before payment', () => {
    expect(clockStart('submission', { receivedAt: null, paidAt: null })).toBeNull();
    expect(dueWithPayment('submission', { receivedAt: null, paidAt: null }, three)).toBeNull();
    // Paid on Monday 9 March: counted from then, not from the filing three days earlier.
    const paid = vnInstant('2026-03-09', '10:00');
    expect(dueWithPayment('submission', { receivedAt: null, paidAt: paid }, three)).toEqual(dueDate(paid, three));
    expect(dueWithPayment('submission', { receivedAt: null, paidAt: paid }, three)).toEqual(vnInstant('2026-03-12', '17:00'));
  });

  it('intake and result: counted from receipt, and waiting for the fee adds nothing to the due date', () => {
    const due = vnInstant('2026-03-11', '17:00');
    expect(dueDate(received, three)).toEqual(due);
    for (const moment of ['intake', 'result'] as const) {
      expect(dueWithPayment(moment, { receivedAt: received, paidAt: null }, three)).toEqual(due);
      // Paid a week late (the result waited at the desk): the appointment is the same, not moved.
      expect(dueWithPayment(moment, { receivedAt: received, paidAt: vnInstant('2026-03-18', '09:00') }, three)).toEqual(due);
    }
  });
});
