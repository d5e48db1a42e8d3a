import type { TFunction } from 'i18next';
import type { Procedure } from '@motcua/core/api';
import type { OnlineLevel, ProcedureDocument } from '@motcua/core/catalog';
import { localized, type Language } from '../i18n/index.ts';

/** Presentation of catalogue data in the chosen language; pure so it is tested without a browser. */

export function procedureName(procedure: Pick<Procedure, 'name' | 'nameEn'>, lang: Language): string {
  return localized(lang, procedure.name, procedure.nameEn);
}

export function fieldName(procedure: Pick<Procedure, 'field' | 'fieldEn'>, lang: Language): string {
  return localized(lang, procedure.field, procedure.fieldEn);
}

export function documentName(document: ProcedureDocument, lang: Language): string {
  return localized(lang, document.name, document.nameEn);
}

/** null: the source does not state the online level, so no badge promises anything. */
export function onlineLabel(level: OnlineLevel | null, t: TFunction): string | null {
  if (level === 'full') return t('procedure.onlineFull');
  if (level === 'partial') return t('procedure.onlinePartial');
  return null;
}

export function processingTimeText(procedure: Pick<Procedure, 'sameDay' | 'processingDays'>, t: TFunction, lang: Language): string {
  if (procedure.sameDay) return t('procedure.sameDay');
  if (procedure.processingDays === null) return t('procedure.communeWillTell'); // unknown: no pointer to an internal note
  // Half days exist (0,5 ngày); the number is formatted for the reader, the count picks the plural.
  const days = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(procedure.processingDays);
  return t('procedure.workingDays', { count: procedure.processingDays, days });
}

/**
 * Vietnamese readers get vi-VN grouping ("50.000 ₫"). English readers get en-GB grouping with the
 * currency code ("VND 50,000"): a dot as thousands separator would read as a decimal point to them.
 */
export function formatVnd(amount: number, lang: Language): string {
  const format =
    lang === 'vi'
      ? new Intl.NumberFormat('vi-VN', { style: 'currency', currency: 'VND' })
      : new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'VND', currencyDisplay: 'code' });
  return format.format(amount);
}

/** null = the province's People's Council sets the amount (Circular 85/2019/TT-BTC). */
export function feeText(procedure: Pick<Procedure, 'feeVnd'>, t: TFunction, lang: Language): string {
  if (procedure.feeVnd === null) return t('procedure.feeByProvince');
  if (procedure.feeVnd === 0) return t('procedure.free');
  return formatVnd(procedure.feeVnd, lang);
}

export interface FieldOption {
  key: string;
  label: string;
  count: number;
}

/** Fields ordered by how many procedures they hold: the busiest are the ones people look for. */
export function popularFields(procedures: readonly Procedure[], lang: Language, limit = 6): FieldOption[] {
  const byKey = new Map<string, FieldOption>();
  for (const procedure of procedures) {
    const existing = byKey.get(procedure.fieldKey);
    if (existing) existing.count += 1;
    else byKey.set(procedure.fieldKey, { key: procedure.fieldKey, label: fieldName(procedure, lang), count: 1 });
  }
  const collator = new Intl.Collator(lang === 'vi' ? 'vi-VN' : 'en-GB');
  return [...byKey.values()].sort((a, b) => b.count - a.count || collator.compare(a.label, b.label)).slice(0, limit);
}
