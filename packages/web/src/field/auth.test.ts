import { describe, expect, it } from 'vitest';
import { fieldAuth } from './auth.ts';

const base = { credentialExpiresAt: '2026-12-03T17:00:00.000Z', now: new Date('2026-12-03T10:00:00Z'), refused: false, sessionName: null };

describe('fieldAuth', () => {
  it('works on the offline credential until it expires', () => {
    expect(fieldAuth(base)).toEqual({ kind: 'credential', until: base.credentialExpiresAt });
    expect(fieldAuth({ ...base, now: new Date('2026-12-03T17:00:00Z') })).toEqual({ kind: 'expired' });
  });
  it('is expired when the server refused the credential, though its time is not up', () => {
    expect(fieldAuth({ ...base, refused: true })).toEqual({ kind: 'expired' });
  });
  it('a live web session (signed in again) wins over an expired credential', () => {
    expect(fieldAuth({ ...base, refused: true, now: new Date('2026-12-05T00:00:00Z'), sessionName: 'Lê Văn C' })).toEqual({
      kind: 'session',
      name: 'Lê Văn C',
    });
  });
});
