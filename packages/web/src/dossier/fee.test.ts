import { describe, expect, it } from 'vitest';
import procedures from '../../../server/data/procedures.json';
import type { Procedure } from '@motcua/core/api';
import { formValue } from '../form/schema.ts';
import { quoteDraft } from './fee.ts';

const byCode = (code: string) => (procedures as unknown as Procedure[]).find((p) => p.code === code)!;

describe('the fee shown before filing', () => {
  it('prices a certification from the wizard draft as the server will (pages and copies of each original)', () => {
    const p = byCode('2.000815');
    // The wizard keeps answers as text; formValue types them as the server receives them.
    const draft = { documents: [{ documentName: 'Học bạ', pages: '12', copies: '2' }], copiesPreparedByRequester: true };
    const { fee, feeDueAt } = quoteDraft(p, formValue(p.formSchema, draft as never) as Record<string, unknown>, 'online');
    expect(fee.amountVnd).toBe(2 * (2 * 2000 + 10 * 1000));
    expect(fee.lines).toHaveLength(1);
    expect(feeDueAt).toBe('intake');
  });

  it('makes an on-time birth registration free and leaves a late one for the commune to tell', () => {
    const p = byCode('1.001193');
    const now = new Date('2026-03-02T03:00:00Z');
    expect(quoteDraft(p, { childDateOfBirth: '2026-02-01' }, 'online', now).fee.amountVnd).toBe(0);
    expect(quoteDraft(p, { childDateOfBirth: '2025-11-01' }, 'online', now).fee.amountVnd).toBeNull();
  });

  it('applies the lower online rate of residence fees', () => {
    const p = byCode('1.004222');
    expect(quoteDraft(p, {}, 'online')).toMatchObject({ fee: { amountVnd: 10000 }, feeDueAt: 'submission' });
    expect(quoteDraft(p, {}, 'outreach').fee.amountVnd).toBe(20000);
  });
});
