import type { Language } from '../i18n/index.ts';

// Appointments are Vietnamese office days: always shown in Vietnam's time, wherever the reader is.
const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const locale = (lang: Language) => (lang === 'vi' ? 'vi-VN' : 'en-GB');

export function formatDate(iso: string | null | undefined, lang: Language): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale(lang), { timeZone: TIME_ZONE, weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(iso),
  );
}

/** dd/mm/yyyy in Vietnam's time, for the "Ngày 02/12/2026" line of printed slips (no time, no weekday). */
export function formatShortDate(iso: string | null | undefined, lang: Language): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale(lang), { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));
}

export function formatDateTime(iso: string | null | undefined, lang: Language): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone: TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** Value for <input type="datetime-local"> in Vietnam's time, and back to ISO with +07:00. */
export function toLocalInput(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 7 * 3600_000);
  return d.toISOString().slice(0, 16);
}

export function fromLocalInput(value: string): string | null {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+07:00` : null;
}
