import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { toApiError } from '../../api/client.ts';
import type { Procedure } from '@motcua/core/api';
import { useResource } from '../../api/useResource.ts';
import { useLanguage } from '../../i18n/index.ts';
import { Alert, Button, ErrorSummary } from '../../ui/index.ts';
import { hamletsOf, submitDossier, unitDetail } from '../../api/dossiers.ts';
import { formErrorText } from '../../form/messages.ts';
import { SchemaFields, inputId } from '../../form/SchemaFields.tsx';
import { formErrorLabel, formValue, initialDraft, mergeDraft } from '../../form/schema.ts';
import { errorsByPath, type FormError } from '../../form/validate.ts';
import { APPLICANT_ID_PREFIX, ApplicantFields } from '../../form/ApplicantFields.tsx';
import { applicantFromMe, toApplicant } from '../../form/applicant.ts';
import { DeliveryStep } from '../../form/DeliveryStep.tsx';
import { DocumentsStep } from '../../form/DocumentsStep.tsx';
import { clearDraft, loadDraft, newIdempotencyKey, saveDraft, type WizardDraft } from '../../form/draft.ts';
import type { Me } from '@motcua/core/api';
import { ReviewStep } from './ReviewStep.tsx';
import { draftErrors, planSteps, stepErrors } from './steps.ts';
import { useOnline } from './useOnline.ts';
import { receiptPath } from './paths.ts';

type Citizen = Extract<Me, { kind: 'citizen' }>;

const STEP_PARAM = 'buoc';
const FORM_PREFIX = 'q';
const DELIVERY_PREFIX = 'dl';

function freshDraft(procedure: Procedure, me: Citizen): WizardDraft {
  return {
    version: 1,
    procedureCode: procedure.code,
    owner: me.idNumber,
    idempotencyKey: newIdempotencyKey(),
    step: 0,
    applicant: applicantFromMe(me),
    form: initialDraft(procedure.formSchema),
    documents: {},
    delivery: '',
    postalAddress: me.address?.formatted ?? '',
    savedAt: new Date().toISOString(),
  };
}

function restore(procedure: Procedure, me: Citizen): { draft: WizardDraft; restored: boolean } {
  const saved = loadDraft(procedure.code, me.idNumber);
  if (!saved) return { draft: freshDraft(procedure, me), restored: false };
  return { draft: { ...saved, form: mergeDraft(procedure.formSchema, saved.form) }, restored: true };
}

export function Wizard({ procedure, me }: { procedure: Procedure; me: Citizen }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const online = useOnline();
  const [initial] = useState(() => restore(procedure, me));
  const [draft, setDraft] = useState<WizardDraft>(initial.draft);
  const [saved, setSaved] = useState<string | null>(initial.restored ? initial.draft.savedAt : null);
  const [attempted, setAttempted] = useState<ReadonlySet<number>>(new Set());
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [params, setParams] = useSearchParams();
  const headingRef = useRef<HTMLHeadingElement>(null);

  const steps = useMemo(() => planSteps(procedure, lang, t), [procedure, lang, t]);
  const fromUrl = Number(params.get(STEP_PARAM));
  const step = Math.min(Math.max(Number.isInteger(fromUrl) && fromUrl > 0 ? fromUrl - 1 : draft.step, 0), steps.length - 1);
  const plan = steps[step]!;

  // Autosave: every change is on the device at once, so a reload or a dropped connection loses nothing.
  const firstSave = useRef(true);
  useEffect(() => {
    if (firstSave.current) {
      firstSave.current = false;
      return;
    }
    const savedAt = new Date().toISOString();
    if (saveDraft({ ...draft, step, savedAt })) setSaved(savedAt);
  }, [draft, step]);

  // A new step moves focus to its heading, as a new page would.
  const previousStep = useRef(step);
  useEffect(() => {
    if (previousStep.current !== step) {
      previousStep.current = step;
      headingRef.current?.focus();
      window.scrollTo(0, 0);
    }
  }, [step]);

  const unitCode = draft.applicant.unitCode;
  const unit = useResource(`unit:${unitCode}`, /^\d{5}$/.test(unitCode) ? (signal) => unitDetail(unitCode, signal) : null);
  const hamlets = useResource(`hamlets:${unitCode}`, /^\d{5}$/.test(unitCode) ? (signal) => hamletsOf(unitCode, signal) : null);

  const errors = draftErrors(procedure, draft);
  const shown = attempted.has(step) ? stepErrors(plan, errors) : [];
  const shownByPath = errorsByPath(shown);

  const goTo = (next: number) => {
    setDraft((d) => ({ ...d, step: next }));
    setParams((prev) => {
      const p = new URLSearchParams(prev);
      p.set(STEP_PARAM, String(next + 1));
      return p;
    });
  };

  const next = () => {
    if (stepErrors(plan, errors).length > 0) {
      setAttempted((s) => new Set(s).add(step));
      return;
    }
    goTo(step + 1);
  };

  const submit = async () => {
    const firstBad = steps.findIndex((s) => stepErrors(s, errors).length > 0);
    if (firstBad >= 0) {
      setAttempted((s) => new Set(s).add(firstBad));
      goTo(firstBad);
      return;
    }
    setSubmitting(true);
    setSubmitError(null);
    try {
      const attachments = Object.entries(draft.documents).flatMap(([index, files]) =>
        files.map((file) => ({ uploadId: file.uploadId, kind: index, label: procedure.documents[Number(index)]?.name.slice(0, 200) ?? null })),
      );
      const dossier = await submitDossier(
        {
          procedureCode: procedure.code,
          unitCode: draft.applicant.unitCode,
          channel: 'online',
          applicant: toApplicant(draft.applicant),
          form: formValue(procedure.formSchema, draft.form),
          attachments,
          resultDelivery: draft.delivery || 'counter',
          ...(draft.delivery === 'post' ? { postalAddress: draft.postalAddress.trim() } : {}),
        },
        draft.idempotencyKey,
      );
      clearDraft(procedure.code);
      navigate(receiptPath(dossier.code), { replace: true, state: { justSubmitted: true } });
    } catch (error) {
      setSubmitError(toApiError(error).messageFor(lang));
      setSubmitting(false);
    }
  };

  const startOver = () => {
    if (!window.confirm(t('wizard.startOverConfirm'))) return;
    clearDraft(procedure.code);
    const fresh = freshDraft(procedure, me);
    setDraft(fresh);
    setAttempted(new Set());
    setSaved(null);
    goTo(0);
  };

  const summaryItems = shown.map((error: FormError) => {
    let targetId: string;
    let label: string;
    if (plan.kind === 'applicant') {
      targetId = `${APPLICANT_ID_PREFIX}-${error.path}`;
      label = t(`wizard.${error.path === 'unitCode' ? 'commune' : error.path}` as 'wizard.phone');
    } else if (plan.kind === 'delivery') {
      targetId = `${DELIVERY_PREFIX}-${error.path}`;
      label = error.path === 'delivery' ? t('wizard.deliveryLegend') : t('wizard.postalAddress');
    } else {
      targetId = inputId(FORM_PREFIX, error.path);
      label = formErrorLabel(procedure.formSchema, error.path, lang);
    }
    const isChoice = error.path === 'sex' || error.path === 'delivery';
    return { targetId, text: `${label}: ${formErrorText(error, t, { choice: isChoice })}` };
  });

  const time = saved ? new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit' }).format(new Date(saved)) : null;

  return (
    <>
      {!online && (
        <Alert tone="warning">
          <p>{t('wizard.offline')}</p>
        </Alert>
      )}
      {initial.restored && step === initial.draft.step && (
        <Alert tone="info">
          <p>{t('wizard.restored')}</p>
        </Alert>
      )}
      <p className="wizard__progress">{t('wizard.stepOf', { current: step + 1, total: steps.length })}</p>
      <div className="wizard__bar" aria-hidden="true">
        <span style={{ width: `${((step + 1) / steps.length) * 100}%` }} />
      </div>
      <h2 className="wizard__step-title" ref={headingRef} tabIndex={-1}>
        {plan.title}
      </h2>

      {summaryItems.length > 0 && (
        <ErrorSummary key={`${step}-${summaryItems.length}`} title={t('form.errorSummary', { count: summaryItems.length })} items={summaryItems} />
      )}

      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (plan.kind === 'review') void submit();
          else next();
        }}
      >
        {plan.kind === 'applicant' && (
          <ApplicantFields
            applicant={draft.applicant}
            fromEid
            errors={shownByPath}
            onChange={(patch) => setDraft((d) => ({ ...d, applicant: { ...d.applicant, ...patch } }))}
          />
        )}
        {plan.kind === 'form' && (
          <SchemaFields
            schema={procedure.formSchema}
            names={plan.fields}
            draft={draft.form}
            errors={shownByPath}
            idPrefix={FORM_PREFIX}
            onChange={(name, value) => setDraft((d) => ({ ...d, form: { ...d.form, [name]: value } }))}
          />
        )}
        {plan.kind === 'documents' && (
          <DocumentsStep
            procedure={procedure}
            documents={draft.documents}
            withStore
            online
            onChange={(index, files) => setDraft((d) => ({ ...d, documents: { ...d.documents, [index]: files } }))}
          />
        )}
        {plan.kind === 'delivery' && (
          <DeliveryStep
            delivery={draft.delivery}
            postalAddress={draft.postalAddress}
            errors={shownByPath}
            idPrefix={DELIVERY_PREFIX}
            onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
          />
        )}
        {plan.kind === 'review' && (
          <ReviewStep
            procedure={procedure}
            draft={draft}
            steps={steps}
            unitName={unit.data?.fullName}
            hamletName={hamlets.data?.find((h) => h.code === draft.applicant.hamlet)?.name}
            onEdit={goTo}
          />
        )}

        {submitError && (
          <Alert tone="error">
            <p>{t('wizard.submitFailed')}</p>
            <p>{submitError}</p>
          </Alert>
        )}

        <div className="wizard__nav">
          {step > 0 && (
            <Button variant="secondary" onClick={() => goTo(step - 1)}>
              ← {t('wizard.back')}
            </Button>
          )}
          <Button type="submit" disabled={submitting}>
            {plan.kind === 'review' ? (submitting ? t('wizard.submitting') : t('wizard.submit')) : `${t('wizard.next')} →`}
          </Button>
        </div>
      </form>

      <p className="wizard__saved" role="status">
        {time ? t('wizard.savedAt', { time }) : ''}
      </p>
      <Button variant="quiet" className="wizard__restart" onClick={startOver}>
        {t('wizard.startOver')}
      </Button>
    </>
  );
}
