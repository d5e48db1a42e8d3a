import { fromLocalInput } from '../format/format.ts';
import type { AllowedAction, Colleague, FieldSpec } from '@motcua/core/api';

export type Values = Record<string, string | string[]>;

export function isRequired(field: FieldSpec, values: Values): boolean {
  if (field.required) return true;
  const when = field.requiredWhen;
  return !!when && values[when.field] === when.equals;
}

/** The request body: blanks left out, date-times in ISO with Vietnam's offset. */
export function actionBody(spec: AllowedAction, values: Values, version: number): { action: string; version: number } & Record<string, unknown> {
  const body: { action: string; version: number } & Record<string, unknown> = { action: spec.action, version };
  for (const field of spec.fields) {
    const v = values[field.name];
    if (field.type === 'string[]') {
      const list = (Array.isArray(v) ? v : []).map((s) => s.trim()).filter(Boolean);
      if (list.length) body[field.name] = list;
    } else if (typeof v === 'string' && v.trim() !== '') {
      body[field.name] = field.type === 'date-time' ? (fromLocalInput(v) ?? v) : v.trim();
    }
  }
  return body;
}

/** Fields the official left empty although the server requires them, named for the message. */
export function missingFields(spec: AllowedAction, values: Values): string[] {
  return spec.fields
    .filter((f) => isRequired(f, values))
    .filter((f) => {
      const v = values[f.name];
      return Array.isArray(v) ? v.every((s) => !s.trim()) : !v?.trim();
    })
    .map((f) => f.name);
}

/**
 * Specialists as choices, by name in Vietnamese alphabetical order; two people with the same name
 * are told apart by the start of their id, so nobody assigns the wrong one.
 */
export function assigneeOptions(colleagues: readonly Colleague[]): { value: string; label: string }[] {
  const seen = new Map<string, number>();
  for (const c of colleagues) seen.set(c.fullName, (seen.get(c.fullName) ?? 0) + 1);
  return [...colleagues]
    .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'))
    .map((c) => ({ value: c.id, label: (seen.get(c.fullName) ?? 0) > 1 ? `${c.fullName} (${c.id.slice(0, 8)})` : c.fullName }));
}
