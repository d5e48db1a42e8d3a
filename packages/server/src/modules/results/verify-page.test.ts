import { describe, expect, it } from 'vitest';
import { verifyPageHtml } from './verify-page.ts';

describe('verification page', () => {
  it('links back to the portal, so a citizen who scanned a QR code can go on', () => {
    const html = verifyPageHtml(null);
    expect(html).toMatch(/<a class="home" href="\/">[^<]*Về Cổng/);
  });

  it('stacks labels above values on a phone instead of squeezing values into a narrow column', () => {
    // The e2e file measures the height at 360 px; here: the rule that makes it so.
    expect(verifyPageHtml(null)).toMatch(/@media \(max-width:36rem\)\{dl\{display:block\}/);
  });
});
