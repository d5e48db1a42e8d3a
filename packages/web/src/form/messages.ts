import type { TFunction } from 'i18next';
import { CCCD_PATTERN, TIME_PATTERN } from './schema.ts';
import type { FormError } from './validate.ts';

/** The applicant's phone pattern on the server (Vietnamese mobile or landline). */
export const PHONE_PATTERN = '^(\\+84|0)[0-9]{9,10}$';

/**
 * A validation error in plain words. Patterns are named by what they stand for ("12 chữ số"),
 * never echoed as a regular expression; a required choice asks to choose, not to "fill in".
 */
export function formErrorText(error: FormError, t: TFunction, options: { choice?: boolean } = {}): string {
  switch (error.code) {
    case 'required':
      return options.choice ? t('form.errors.requiredChoice') : t('form.errors.required');
    case 'pattern':
      if (error.pattern === CCCD_PATTERN) return t('form.errors.cccd');
      if (error.pattern === TIME_PATTERN) return t('form.errors.time');
      if (error.pattern === PHONE_PATTERN) return t('form.errors.phone');
      return t('form.errors.pattern');
    case 'minLength':
    case 'maxLength':
    case 'minimum':
    case 'maximum':
    case 'minItems':
    case 'maxItems':
      return t(`form.errors.${error.code}`, { limit: error.limit });
    default:
      return t(`form.errors.${error.code}`);
  }
}
