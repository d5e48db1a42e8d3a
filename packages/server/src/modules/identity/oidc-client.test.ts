import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './oidc-client.ts';

describe('returnTo after login', () => {
  it('keeps paths on this site', () => {
    for (const p of ['/', '/ho-so-cua-toi', '/thu-tuc/1.001?tab=2#form', '/can-bo/ho-so?q=ph%C3%BA']) expect(safeReturnTo(p)).toBe(p);
  });

  it('turns anything that could leave the site into /', () => {
    for (const p of ['//evil.example', '/\\evil.example', 'https://evil.example/', 'evil', '', '/a\nb', '/a\\b', '/' + 'x'.repeat(600), undefined, 42]) {
      expect(safeReturnTo(p), String(p)).toBe('/');
    }
  });
});
