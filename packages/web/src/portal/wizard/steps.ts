import type { TFunction } from 'i18next';
import type { Procedure } from '@motcua/core/api';
import { missingRequiredDocuments as missingCatalogueDocuments } from '@motcua/core/catalog';
import type { Language } from '../../i18n/index.ts';
import { formValue, stepsOf } from '../../form/schema.ts';
import { errorsWithin, validateForm, type FormError } from '../../form/validate.ts';
import { APPLICANT_SCHEMA, applicantValue } from '../../form/applicant.ts';
import type { WizardDraft } from '../../form/draft.ts';

export type StepKind = 'applicant' | 'form' | 'documents' | 'delivery' | 'review';

export interface StepPlan {
  kind: StepKind;
  title: string;
  /** Form properties asked (kind 'form'). */
  fields: string[];
}

/** Applicant, then one step per schema group, then documents, delivery and the review. */
export function planSteps(procedure: Procedure, lang: Language, t: TFunction): StepPlan[] {
  return [
    { kind: 'applicant', title: t('wizard.applicantStep'), fields: [] },
    ...stepsOf(procedure.formSchema, lang).map((s) => ({ kind: 'form' as const, title: s.title, fields: s.fields })),
    { kind: 'documents', title: t('wizard.documentsStep'), fields: [] },
    { kind: 'delivery', title: t('wizard.deliveryStep'), fields: [] },
    { kind: 'review', title: t('wizard.reviewStep'), fields: [] },
  ];
}

export interface DraftErrors {
  applicant: FormError[];
  form: FormError[];
  delivery: FormError[];
}

export function draftErrors(procedure: Procedure, draft: WizardDraft): DraftErrors {
  const delivery: FormError[] = [];
  if (!draft.delivery) delivery.push({ path: 'delivery', code: 'required' });
  if (draft.delivery === 'post' && draft.postalAddress.trim() === '') delivery.push({ path: 'postalAddress', code: 'required' });
  return {
    applicant: validateForm(APPLICANT_SCHEMA, applicantValue(draft.applicant)),
    form: validateForm(procedure.formSchema as never, formValue(procedure.formSchema, draft.form)),
    delivery,
  };
}

export function stepErrors(step: StepPlan, errors: DraftErrors): FormError[] {
  if (step.kind === 'applicant') return errors.applicant;
  if (step.kind === 'form') return errorsWithin(errors.form, step.fields);
  if (step.kind === 'delivery') return errors.delivery;
  return [];
}

/**
 * Required catalogue documents without a file: a warning on the review page, not a blocker. The
 * rule is core's, the one the server records at intake; online, the e-form is the declaration.
 */
export function missingRequiredDocuments(procedure: Procedure, draft: WizardDraft): number[] {
  const attached = new Set(Object.entries(draft.documents).flatMap(([index, files]) => (files.length > 0 ? [index] : [])));
  return missingCatalogueDocuments(procedure, attached, 'online');
}
