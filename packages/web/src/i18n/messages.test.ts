import { describe, expect, it } from 'vitest';
import { fieldEn } from '../field/i18n/en.ts';
import { fieldVi } from '../field/i18n/vi.ts';
import { officeEn } from '../office/i18n/en.ts';
import { officeVi } from '../office/i18n/vi.ts';
import { portalEn } from '../portal/i18n/en.ts';
import { portalVi } from '../portal/i18n/vi.ts';
import { en } from './en.ts';
import { vi } from './vi.ts';

/** Every namespace: the shared one in the entry chunk and each app's own. */
const NAMESPACES = { common: [vi, en], portal: [portalVi, portalEn], office: [officeVi, officeEn], field: [fieldVi, fieldEn] } as const;

/** Flattens { a: { b: 'x' } } to { 'a.b': 'x' }. */
function flatten(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value as object, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe.each(Object.entries(NAMESPACES))('UI dictionary %s', (_ns, [viTree, enTree]) => {
  const viFlat = flatten(viTree);
  const enFlat = flatten(enTree);

  it('have the same keys (the type checks this at compile time; this guards casts)', () => {
    expect([...enFlat.keys()].sort()).toEqual([...viFlat.keys()].sort());
  });

  it('use the same interpolation placeholders in both languages', () => {
    for (const [key, text] of viFlat) {
      expect(placeholders(enFlat.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('have no empty strings', () => {
    for (const [key, text] of [...viFlat, ...enFlat]) expect(text.trim(), key).not.toBe('');
  });
});
