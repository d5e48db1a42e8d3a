// Vietnamese administrative formatting. Dates follow Decree 30/2020/NĐ-CP: days below 10 and
// months 1 and 2 take a leading zero ("ngày 05 tháng 02 năm 2026", but "tháng 3").
import { nfc } from '@motcua/core/text';

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

/** Wall-clock parts of an instant in Vietnam's time zone. */
export function localParts(at: Date): LocalParts {
  if (Number.isNaN(at.getTime())) throw new RangeError('Invalid date');
  const get = (type: string): number => Number(partsFormat.formatToParts(at).find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "ngày 05 tháng 02 năm 2026" */
export function vnDate(at: Date): string {
  const { year, month, day } = localParts(at);
  return `ngày ${pad2(day)} tháng ${month <= 2 ? pad2(month) : month} năm ${year}`;
}

/** "05/02/2026" — for table cells and form-data values. */
export function vnShortDate(at: Date): string {
  const { year, month, day } = localParts(at);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/** "14 giờ 05 phút, ngày 23 tháng 11 năm 2026" */
export function vnDateTime(at: Date): string {
  const { hour, minute } = localParts(at);
  return `${pad2(hour)} giờ ${pad2(minute)} phút, ${vnDate(at)}`;
}

/** "Phú Lâm, ngày 23 tháng 11 năm 2026" — the place-and-date line under the national motto. */
export function placeAndDate(place: string, at: Date): string {
  return `${nfc(place)}, ${vnDate(at)}`;
}

export type TemplateValue = string | number | Date | null | undefined;

/** Thrown when a template names a field the dossier does not have: a result must never ship with "{x}". */
export class MissingPlaceholderError extends Error {
  constructor(readonly missing: string[]) {
    super(`Thiếu dữ liệu cho trường / missing template fields: ${missing.join(', ')}`);
    this.name = 'MissingPlaceholderError';
  }
}

const PLACEHOLDER = /\{([A-Za-z_][\w.]*)\}/g;

function display(value: TemplateValue): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (value instanceof Date) return vnShortDate(value);
  if (typeof value === 'number') return value.toLocaleString('vi-VN');
  return nfc(value);
}

/** Fills "{field}" placeholders from form data; dates print as "23/11/2026". */
export function fillTemplate(template: string, data: Record<string, TemplateValue>): string {
  const missing: string[] = [];
  const out = template.replace(PLACEHOLDER, (_, key: string) => {
    const text = Object.hasOwn(data, key) ? display(data[key]) : undefined;
    if (text === undefined) {
      missing.push(key);
      return '';
    }
    return text;
  });
  if (missing.length > 0) throw new MissingPlaceholderError([...new Set(missing)]);
  return nfc(out);
}
