import { PHONE_PATTERN } from './messages.ts';
import type { SchemaNode } from './validate.ts';
import type { Applicant, Me } from '@motcua/core/api';
import type { ApplicantDraft } from './draft.ts';

/** The server's applicant rules (packages/server/src/modules/dossiers/schemas.ts), for the same validator. */
export const APPLICANT_SCHEMA: SchemaNode = {
  type: 'object',
  properties: {
    idNumber: { type: 'string', pattern: '^[0-9]{12}$' },
    fullName: { type: 'string', minLength: 2, maxLength: 100 },
    birthDate: { type: 'string', format: 'date' },
    sex: { type: 'string', oneOf: [{ const: 'male' }, { const: 'female' }] },
    phone: { type: 'string', pattern: PHONE_PATTERN },
    email: { type: 'string', format: 'email', maxLength: 200 },
    unitCode: { type: 'string', pattern: '^[0-9]{5}$' },
    hamlet: { type: 'string', pattern: '^[0-9]{5}-[0-9]{2,3}$' },
    addressLine: { type: 'string', minLength: 1, maxLength: 300 },
  },
  required: ['idNumber', 'fullName', 'birthDate', 'sex', 'phone', 'unitCode', 'addressLine'],
  additionalProperties: false,
};

export function emptyApplicant(): ApplicantDraft {
  return { idNumber: '', fullName: '', birthDate: '', sex: '', phone: '', email: '', unitCode: '', hamlet: '', addressLine: '' };
}

/** What the e-ID already knows, so an elderly citizen types as little as possible. */
export function applicantFromMe(me: Extract<Me, { kind: 'citizen' }>): ApplicantDraft {
  const sex = me.gender === 'male' || me.gender === 'female' ? me.gender : '';
  return {
    ...emptyApplicant(),
    idNumber: me.idNumber,
    fullName: me.fullName,
    birthDate: me.birthdate ?? '',
    sex,
    phone: me.phoneNumber ?? '',
    unitCode: me.communeCode ?? '',
    addressLine: me.address?.street_address ?? '',
  };
}

/** The applicant as JSON: trimmed, blanks left out, phone spaces removed ("0912 345 678"). */
export function applicantValue(draft: ApplicantDraft): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(draft)) {
    const text = key === 'phone' ? raw.replace(/[\s.-]/g, '') : raw.trim();
    if (text !== '') out[key] = text;
  }
  return out;
}

export function toApplicant(draft: ApplicantDraft): Applicant {
  const value = applicantValue(draft);
  return { ...(value as unknown as Applicant), hamlet: (value.hamlet as string | undefined) ?? null };
}
