import { nfc } from '../text/index.ts';
import { errors } from './messages.ts';
import type { DossierError, FieldSpec } from './types.ts';

export const MAX_TEXT = 2000;
export const MAX_LIST = 100;

export type FieldValue = string | string[] | null;
export type FieldValues = Record<string, FieldValue>;

// An explicit offset is required: the field app and the server may sit in different time zones,
// and a bare local time would be read differently by each.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** Parses an ISO 8601 date-time with offset; rejects impossible dates such as 30 February. */
export function parseDateTime(text: string): Date | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second, offH, offM] = m.slice(1).map((part) => Number(part ?? 0));
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  if (month! < 1 || month! > 12 || day! < 1 || day! > daysInMonth) return null;
  if (hour! > 23 || minute! > 59 || second! > 59 || offH! > 14 || offM! > 59) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms);
}

function cleanText(value: string): string {
  return nfc(value).trim();
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function readOne(spec: FieldSpec, raw: unknown, required: boolean): { value: FieldValue } | { error: DossierError } {
  const name = spec.name;
  if (spec.type === 'string[]') {
    if (raw === undefined || raw === null) return required ? { error: errors.required(name) } : { value: [] };
    if (!Array.isArray(raw) || raw.length > MAX_LIST) return { error: errors.notList(name) };
    const items: string[] = [];
    for (const item of raw) {
      if (typeof item !== 'string' || item.trim() === '') return { error: errors.notList(name) };
      if (item.length > MAX_TEXT) return { error: errors.tooLong(name, MAX_TEXT) };
      items.push(cleanText(item));
    }
    if (required && items.length === 0) return { error: errors.required(name) };
    return { value: items };
  }
  if (isBlank(raw)) return required ? { error: errors.required(name) } : { value: null };
  if (typeof raw !== 'string') return { error: errors.notText(name) };
  if (raw.length > MAX_TEXT) return { error: errors.tooLong(name, MAX_TEXT) };
  const text = cleanText(raw);
  if (spec.type === 'enum') {
    const options = spec.options ?? [];
    return options.includes(text) ? { value: text } : { error: errors.notOption(name, options) };
  }
  if (spec.type === 'date-time') {
    const date = parseDateTime(text);
    return date ? { value: date.toISOString() } : { error: errors.notDateTime(name) };
  }
  return { value: text };
}

/** Reads and normalises the command's fields against their specs (NFC text, UTC date-times). */
export function readFields(
  specs: readonly FieldSpec[],
  command: Record<string, unknown>,
): { ok: true; values: FieldValues } | { ok: false; error: DossierError } {
  const values: FieldValues = {};
  for (const spec of specs) {
    const when = spec.requiredWhen;
    const required = spec.required || (when !== undefined && command[when.field] === when.equals);
    const result = readOne(spec, command[spec.name], required);
    if ('error' in result) return { ok: false, error: result.error };
    values[spec.name] = result.value;
  }
  return { ok: true, values };
}
