import { PHONE_PATTERN } from '../form/messages.ts';
import { CCCD_PATTERN } from '../form/schema.ts';
import type { SchemaNode } from '../form/validate.ts';
import type { Applicant } from './sync/compose.ts';

/**
 * The server's ApplicantSchema (packages/server/src/modules/dossiers/schemas.ts) in the subset the
 * portal's validator reads, so the field checks the applicant with the same rules offline.
 */
export const APPLICANT_SCHEMA: SchemaNode = {
  type: 'object',
  required: ['idNumber', 'fullName', 'birthDate', 'sex', 'phone', 'addressLine'],
  properties: {
    idNumber: { type: 'string', pattern: CCCD_PATTERN },
    fullName: { type: 'string', minLength: 2, maxLength: 100 },
    birthDate: { type: 'string', format: 'date' },
    sex: { type: 'string', oneOf: [{ const: 'male' }, { const: 'female' }] },
    phone: { type: 'string', pattern: PHONE_PATTERN },
    addressLine: { type: 'string', minLength: 1, maxLength: 300 },
  },
};

export type ApplicantDraft = Record<'idNumber' | 'fullName' | 'birthDate' | 'sex' | 'phone' | 'hamlet' | 'addressLine', string>;

export const emptyApplicant = (hamlet: string): ApplicantDraft => ({ idNumber: '', fullName: '', birthDate: '', sex: '', phone: '', hamlet, addressLine: '' });

/** Blank answers left out, as the portal's formValue does, so "required" reads as required. */
export function applicantValue(draft: ApplicantDraft): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(draft))
    if (k !== 'hamlet' && v.trim() !== '') out[k] = v.trim().replace(/\s+/g, k === 'fullName' || k === 'addressLine' ? ' ' : '');
  return out;
}

export function toApplicant(draft: ApplicantDraft, unitCode: string): Applicant {
  const v = applicantValue(draft);
  return {
    idNumber: v.idNumber!,
    fullName: v.fullName!,
    birthDate: v.birthDate!,
    sex: v.sex as Applicant['sex'],
    phone: v.phone!,
    unitCode,
    hamlet: draft.hamlet || null,
    addressLine: v.addressLine!,
  };
}
