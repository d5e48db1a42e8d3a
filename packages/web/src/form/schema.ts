import type { FormArrayField, FormChoice, FormField, FormObject, FormScalarField, FormSchema } from '@motcua/core/catalog';
import { localized, type Language } from '../i18n/index.ts';

export type { FormArrayField, FormChoice, FormField, FormObject, FormScalarField, FormSchema };

/** Patterns the catalogue uses, named so messages and keyboards can fit them. */
export const CCCD_PATTERN = '^[0-9]{12}$';
export const TIME_PATTERN = '^([01][0-9]|2[0-3]):[0-5][0-9]$';

export interface WizardStep {
  title: string;
  /** Property names asked on this step, in schema order. */
  fields: string[];
}

/**
 * One question group per `x-step`, titled from the root `x-steps`, questions in `properties` order
 * (the order the form asks them; the catalogue stores schemas as json, which keeps it). A property
 * without `x-step` joins the first step; a step without questions is dropped, so a citizen never
 * sees an empty page.
 */
export function stepsOf(schema: FormSchema, lang: Language): WizardStep[] {
  const titles = schema['x-steps'] ?? [];
  const groups = new Map<number, string[]>();
  for (const name of Object.keys(schema.properties)) {
    const step = schema.properties[name]!['x-step'] ?? 0;
    groups.set(step, [...(groups.get(step) ?? []), name]);
  }
  return [...groups.keys()]
    .sort((a, b) => a - b)
    .map((index) => {
      const title = titles[index];
      return {
        title: title ? localized(lang, title.title, title['x-title-en']) : localized(lang, schema.title, schema['x-title-en']),
        fields: groups.get(index) ?? [],
      };
    });
}

export function fieldTitle(field: { title: string; 'x-title-en'?: string }, lang: Language): string {
  return localized(lang, field.title, field['x-title-en']);
}

/**
 * The question an error path points at ("soCon", "conCai/0/hoTen"), as the form names it, so an
 * error summary says which field is wrong ("Số con: Vui lòng nhập số nguyên"), not just how.
 */
export function formErrorLabel(schema: FormSchema, path: string, lang: Language): string {
  const [top, , child] = path.split('/');
  const field = schema.properties[top ?? ''];
  if (!field) return path;
  const label = fieldTitle(field, lang);
  return field.type === 'array' && child ? `${label} – ${fieldTitle(field.items.properties[child] ?? field, lang)}` : label;
}

export function choiceTitle(choice: FormChoice, lang: Language): string {
  return localized(lang, choice.title, choice['x-title-en']);
}

/**
 * What the inputs hold while the citizen types: text for every scalar (so "12a" in a number box
 * is kept and explained, not lost), booleans for checkboxes, arrays of rows for repeated groups.
 */
export type DraftScalar = string | boolean;
export type DraftRow = Record<string, DraftScalar>;
export type DraftValue = DraftScalar | DraftRow[];
export type FormDraft = Record<string, DraftValue>;

function scalarDefault(field: FormScalarField): DraftScalar {
  if (field.type === 'boolean') return field.default ?? false;
  if (field.default === undefined) return '';
  return String(field.default);
}

function emptyRow(items: FormObject): DraftRow {
  return Object.fromEntries(Object.entries(items.properties).map(([name, field]) => [name, scalarDefault(field)]));
}

export function newRow(field: FormArrayField): DraftRow {
  return emptyRow(field.items);
}

/** Initial answers: schema defaults, and as many empty rows as a repeated group needs. */
export function initialDraft(schema: FormSchema): FormDraft {
  const draft: FormDraft = {};
  for (const [name, field] of Object.entries(schema.properties)) {
    if (field.type === 'array') draft[name] = Array.from({ length: Math.max(field.minItems ?? 0, 1) }, () => emptyRow(field.items));
    else draft[name] = scalarDefault(field);
  }
  return draft;
}

function toScalar(field: FormScalarField, raw: DraftScalar | undefined): unknown {
  if (field.type === 'boolean') return raw === true;
  if (typeof raw !== 'string') return undefined;
  const text = raw.trim();
  if (text === '') return undefined;
  if (field.type === 'integer' || field.type === 'number') {
    // Vietnamese write "1.000" for a thousand and "2,5" for two and a half; integers here are counts.
    const normalised = text.replace(/\s/g, '').replace(',', '.');
    const n = Number(normalised);
    return normalised !== '' && Number.isFinite(n) ? n : text;
  }
  return text;
}

function rowValue(items: FormObject, row: DraftRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(items.properties)) {
    const v = toScalar(field, row[name]);
    // An unticked optional checkbox says nothing; a ticked one says yes.
    if (v !== undefined && !(field.type === 'boolean' && v === false && !items.required.includes(name))) out[name] = v;
  }
  return out;
}

function isBlankRow(row: DraftRow): boolean {
  return Object.values(row).every((v) => v === '' || v === false);
}

/**
 * The JSON the server validates: blanks left out (an empty optional answer is "not given", not an
 * empty string that would fail minLength), numbers parsed, wholly blank extra rows dropped.
 */
export function formValue(schema: FormSchema, draft: FormDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(schema.properties)) {
    const raw = draft[name];
    if (field.type === 'array') {
      const rows = Array.isArray(raw) ? raw.filter((row, i) => i < (field.minItems ?? 0) || !isBlankRow(row)) : [];
      if (rows.length > 0 || schema.required.includes(name)) out[name] = rows.map((row) => rowValue(field.items, row));
      continue;
    }
    const v = toScalar(field, Array.isArray(raw) ? undefined : raw);
    if (v === undefined) continue;
    if (field.type === 'boolean' && v === false && !schema.required.includes(name)) continue;
    out[name] = v;
  }
  return out;
}

/** Keeps a saved draft usable after the procedure's form changed: known answers only. */
export function mergeDraft(schema: FormSchema, saved: unknown): FormDraft {
  const base = initialDraft(schema);
  if (typeof saved !== 'object' || saved === null) return base;
  const source = saved as Record<string, unknown>;
  for (const [name, field] of Object.entries(schema.properties)) {
    const v = source[name];
    if (field.type === 'array') {
      if (Array.isArray(v)) {
        base[name] = v
          .filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null)
          .map((row) => {
            const clean = emptyRow(field.items);
            for (const key of Object.keys(clean)) {
              const cell = row[key];
              if (typeof cell === 'string' || typeof cell === 'boolean') clean[key] = cell;
            }
            return clean;
          });
      }
    } else if (typeof v === 'string' || typeof v === 'boolean') {
      base[name] = v;
    }
  }
  return base;
}
