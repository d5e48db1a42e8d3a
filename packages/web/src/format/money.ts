import type { Language } from '../i18n/index.ts';

/** "25.000 ₫" in Vietnamese, "₫25,000" in English; the đồng has no minor unit. */
export function formatVnd(amount: number, lang: Language): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(amount);
}
