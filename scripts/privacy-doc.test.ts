import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATA_KINDS, VIEWERS, WHO_SEES } from '@motcua/core/privacy';
import { PRIVACY_DOC, renderPrivacyDoc } from './privacy-doc.ts';

describe('docs/privacy.md', () => {
  it('is what scripts/privacy-doc.ts makes of the table (regenerate: npx tsx scripts/privacy-doc.ts)', () => {
    expect(readFileSync(PRIVACY_DOC, 'utf8')).toBe(renderPrivacyDoc());
  });

  it('has a cell for every role and kind, and one row per kind', () => {
    const doc = renderPrivacyDoc();
    for (const k of DATA_KINDS) expect(doc).toContain(`| **${k.label.vi}** / ${k.label.en} |`);
    for (const v of VIEWERS) for (const k of DATA_KINDS) expect(WHO_SEES[v.viewer][k.kind]).toBeDefined();
  });
});
