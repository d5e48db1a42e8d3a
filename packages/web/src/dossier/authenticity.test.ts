import { describe, expect, it } from 'vitest';
import type { IssuedDocument } from '@motcua/core/api';
import { documentToVerify } from './authenticity.ts';

const doc = (kind: IssuedDocument['kind'], signedAt: string, h: string): IssuedDocument => ({
  id: h,
  kind,
  title: kind,
  titleEn: kind,
  eventSeq: 1,
  issuingUnit: 'UBND xã Phú Lâm',
  sha256: 'a'.repeat(64),
  size: 1000,
  signedAt,
  signerSubject: 'CN=Motcua',
  verifyUrl: `http://localhost/verify/30421-261202-0001?h=${h}`,
  downloadUrl: '/x.pdf',
});

describe('documentToVerify', () => {
  it('checks the result document, with its h token, even when a later receipt exists', () => {
    const chosen = documentToVerify([
      doc('receipt', '2026-12-02T01:00:00Z', 'r1'),
      doc('result', '2026-12-02T02:00:00Z', 'res'),
      doc('apology', '2026-12-03T01:00:00Z', 'ap'),
    ]);
    expect(chosen?.verifyUrl).toMatch(/\?h=res$/);
  });

  it('falls back to the latest signed document, and to nothing when none is signed', () => {
    expect(documentToVerify([doc('receipt', '2026-12-02T01:00:00Z', 'r1'), doc('supplement_request', '2026-12-02T03:00:00Z', 's1')])?.verifyUrl).toMatch(
      /h=s1$/,
    );
    expect(documentToVerify([])).toBeNull();
  });
});
