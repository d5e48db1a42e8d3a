import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { searchProcedures } from '../api/catalog.ts';
import { toApiError } from '../api/client.ts';
import type { Procedure } from '@motcua/core/api';
import { useResource } from '../api/useResource.ts';
import { useLanguage } from '../i18n/index.ts';
import { getDossier, officeQueue, submitDossier } from '../api/dossiers.ts';
import { formErrorText } from '../form/messages.ts';
import { SchemaFields, inputId } from '../form/SchemaFields.tsx';
import { FeeSummary } from '../dossier/FeeSummary.tsx';
import { quoteDraft } from '../dossier/fee.ts';
import { fieldTitle, formValue, initialDraft, stepsOf, type FormDraft } from '../form/schema.ts';
import { errorsByPath, validateForm, type FormError } from '../form/validate.ts';
import { procedureName } from '../format/procedureView.ts';
import { useDebouncedValue } from '../ui/useDebouncedValue.ts';
import { APPLICANT_ID_PREFIX, ApplicantFields } from '../form/ApplicantFields.tsx';
import { APPLICANT_SCHEMA, applicantValue, emptyApplicant, toApplicant } from '../form/applicant.ts';
import { DeliveryStep } from '../form/DeliveryStep.tsx';
import { DocumentsStep } from '../form/DocumentsStep.tsx';
import { newIdempotencyKey, type ApplicantDraft, type AttachedFile } from '../form/draft.ts';
import type { DeliveryMethod } from '@motcua/core/api';
import { Alert, Button, Card, Checkbox, ErrorSummary, RadioGroup, Spinner, TextArea, TextField, useDocumentTitle } from '../ui/index.ts';
import { officePaths, useOfficial } from './context.ts';
import './i18n/index.ts'; // this app's text (i18n namespace), registered before the page renders

type ConsentMethod = 'signature' | 'verbal' | 'written';

function ProcedurePicker({ onPick }: { onPick: (p: Procedure) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 250);
  const results = useResource(`intake-search:${q}`, q.length >= 2 ? (signal) => searchProcedures({ q }, signal) : null);
  return (
    <>
      <TextField
        id="intake-procedure"
        label={t('office:intake.procedureSearch')}
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoComplete="off"
      />
      {results.status === 'loading' && <Spinner size="small" label={t('common.loading')} />}
      {results.data && results.data.length > 0 && (
        <ul className="store-list" aria-label={t('office:intake.chooseProcedure')}>
          {results.data.slice(0, 8).map((p) => (
            <li key={p.code}>
              <Button variant="secondary" onClick={() => onPick(p)}>
                {procedureName(p, lang)}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Counter intake: an official files on a citizen's behalf, with the citizen's consent recorded. */
export default function IntakePage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const official = useOfficial();
  useDocumentTitle(t('office:intake.title'));
  const home = official.unitCodes.find((u) => /^\d{5}$/.test(u)) ?? '';
  const [procedure, setProcedure] = useState<Procedure | null>(null);
  const [applicant, setApplicant] = useState<ApplicantDraft>({ ...emptyApplicant(), unitCode: home });
  const [form, setForm] = useState<FormDraft>({});
  const [documents, setDocuments] = useState<Record<string, AttachedFile[]>>({});
  const [delivery, setDelivery] = useState<{ delivery: DeliveryMethod | ''; postalAddress: string }>({ delivery: 'counter', postalAddress: '' });
  const [consent, setConsent] = useState(false);
  const [consentMethod, setConsentMethod] = useState<ConsentMethod>('signature');
  const [consentNote, setConsentNote] = useState('');
  const [processingDays, setProcessingDays] = useState('');
  const [lookup, setLookup] = useState<{ found: string | null } | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);

  const pick = (p: Procedure) => {
    setProcedure(p);
    setForm(initialDraft(p.formSchema));
    setDocuments({});
  };

  const findCitizen = async () => {
    const cccd = applicant.idNumber.trim();
    if (!/^\d{12}$/.test(cccd)) return;
    try {
      const { items } = await officeQueue({ q: cccd, sort: 'receivedAt', limit: 1 });
      const latest = items[0];
      if (!latest) {
        setLookup({ found: null });
        return;
      }
      const d = await getDossier(latest.code);
      setApplicant({ ...emptyApplicant(), ...d.applicant, email: d.applicant.email ?? '', hamlet: d.applicant.hamlet ?? '' });
      setLookup({ found: d.code });
    } catch (e) {
      setError(toApiError(e).messageFor(lang));
    }
  };

  const needsDays = procedure !== null && !procedure.sameDay && procedure.processingDays === null;
  const applicantErrors = validateForm(APPLICANT_SCHEMA, applicantValue(applicant));
  const formErrors = procedure ? validateForm(procedure.formSchema as never, formValue(procedure.formSchema, form)) : [];
  const extraErrors: FormError[] = [];
  if (!consent) extraErrors.push({ path: 'consent', code: 'required' });
  if (delivery.delivery === 'post' && !delivery.postalAddress.trim()) extraErrors.push({ path: 'postalAddress', code: 'required' });
  if (needsDays && !(Number(processingDays.replace(',', '.')) > 0)) extraErrors.push({ path: 'processingDays', code: 'required' });

  const summary = attempted
    ? [
        ...applicantErrors.map((e) => ({
          targetId: `${APPLICANT_ID_PREFIX}-${e.path}`,
          text: `${t(`wizard.${e.path === 'unitCode' ? 'commune' : e.path}` as 'wizard.phone')}: ${formErrorText(e, t)}`,
        })),
        ...formErrors.map((e) => {
          const field = procedure?.formSchema.properties[e.path.split('/')[0] ?? ''];
          return { targetId: inputId('iq', e.path), text: `${field ? fieldTitle(field, lang) : e.path}: ${formErrorText(e, t)}` };
        }),
        ...extraErrors.map((e) => ({
          targetId: e.path === 'consent' ? 'intake-consent' : e.path === 'postalAddress' ? 'idl-postalAddress' : 'intake-days',
          text:
            e.path === 'consent'
              ? t('office:intake.consentRequired')
              : e.path === 'postalAddress'
                ? `${t('wizard.postalAddress')}: ${t('form.errors.required')}`
                : `${t('office:intake.processingDays')}: ${t('form.errors.required')}`,
        })),
      ]
    : [];

  const submit = async () => {
    setAttempted(true);
    if (!procedure || applicantErrors.length || formErrors.length || extraErrors.length) return;
    setBusy(true);
    setError(null);
    try {
      const dossier = await submitDossier(
        {
          procedureCode: procedure.code,
          unitCode: home || applicant.unitCode,
          channel: 'counter',
          applicant: toApplicant(applicant),
          form: formValue(procedure.formSchema, form),
          attachments: Object.entries(documents).flatMap(([i, files]) =>
            files.map((f) => ({ uploadId: f.uploadId, kind: i, label: procedure.documents[Number(i)]?.name.slice(0, 200) ?? null })),
          ),
          resultDelivery: delivery.delivery || 'counter',
          ...(delivery.delivery === 'post' ? { postalAddress: delivery.postalAddress.trim() } : {}),
          consent: { method: consentMethod, ...(consentNote.trim() ? { note: consentNote.trim() } : {}) },
          ...(needsDays ? { processingDays: Number(processingDays.replace(',', '.')) } : {}),
        },
        idempotencyKey,
      );
      setIdempotencyKey(newIdempotencyKey());
      navigate(officePaths.slip(dossier.code, 'tiep-nhan'));
    } catch (e) {
      setError(toApiError(e).messageFor(lang));
      setBusy(false);
    }
  };

  const byPath = attempted ? errorsByPath(formErrors) : new Map<string, FormError>();
  const applicantByPath = attempted ? errorsByPath(applicantErrors) : new Map<string, FormError>();

  return (
    <>
      <h1>{t('office:intake.title')}</h1>
      {summary.length > 0 && <ErrorSummary key={summary.length} title={t('form.errorSummary', { count: summary.length })} items={summary} />}
      <section aria-labelledby="intake-proc">
        <h2 id="intake-proc">{t('office:intake.procedure')}</h2>
        {procedure ? (
          <Card tone="highlight">
            <p>
              <strong>{procedureName(procedure, lang)}</strong>
            </p>
            <Button variant="quiet" onClick={() => setProcedure(null)}>
              {t('wizard.edit')}
            </Button>
          </Card>
        ) : (
          <ProcedurePicker onPick={pick} />
        )}
      </section>
      {procedure && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <h2>{t('office:intake.applicant')}</h2>
          <div className="field">
            <Button variant="secondary" onClick={() => void findCitizen()}>
              {t('office:intake.findCitizen')}
            </Button>
          </div>
          {lookup && (
            <Alert tone="info">
              <p>{lookup.found ? t('office:intake.citizenFound', { code: lookup.found }) : t('office:intake.citizenNew')}</p>
            </Alert>
          )}
          <ApplicantFields applicant={applicant} fromEid={false} errors={applicantByPath} onChange={(patch) => setApplicant((a) => ({ ...a, ...patch }))} />
          <h2>{t('office:intake.formTitle')}</h2>
          {stepsOf(procedure.formSchema, lang).map((step) => (
            <section key={step.title} aria-label={step.title}>
              <h3>{step.title}</h3>
              <SchemaFields
                schema={procedure.formSchema}
                names={step.fields}
                draft={form}
                errors={byPath}
                idPrefix="iq"
                onChange={(name, value) => setForm((f) => ({ ...f, [name]: value }))}
              />
            </section>
          ))}
          <h2>{t('office:intake.documents')}</h2>
          <DocumentsStep procedure={procedure} documents={documents} withStore={false} onChange={(i, files) => setDocuments((d) => ({ ...d, [i]: files }))} />
          <h2>{t('wizard.deliveryStep')}</h2>
          <DeliveryStep
            delivery={delivery.delivery}
            postalAddress={delivery.postalAddress}
            idPrefix="idl"
            errors={attempted ? errorsByPath(extraErrors) : new Map()}
            onChange={(patch) => setDelivery((d) => ({ ...d, ...patch }))}
          />
          {needsDays && (
            <TextField
              id="intake-days"
              label={t('office:intake.processingDays')}
              hint={t('office:intake.processingDaysHint')}
              inputMode="decimal"
              value={processingDays}
              onChange={(e) => setProcessingDays(e.target.value)}
              className="field--short"
              required
            />
          )}
          <fieldset className="choice-group field">
            <legend className="field__label">{t('office:intake.consentLegend')}</legend>
            <Checkbox
              id="intake-consent"
              label={t('office:intake.consent')}
              checked={consent}
              onChange={(e) => setConsent(e.target.checked)}
              error={attempted && !consent ? t('office:intake.consentRequired') : undefined}
            />
            <RadioGroup
              name="consent-method"
              legend={t('office:intake.consentMethod')}
              value={consentMethod}
              onChange={(v) => setConsentMethod(v as ConsentMethod)}
              options={(['signature', 'verbal', 'written'] as const).map((m) => ({ value: m, label: t(`office:intake.consentMethods.${m}`) }))}
            />
            <TextArea label={t('office:intake.consentNote')} value={consentNote} onChange={(e) => setConsentNote(e.target.value)} rows={2} maxLength={500} />
          </fieldset>
          {(() => {
            const quote = quoteDraft(procedure, formValue(procedure.formSchema, form) as Record<string, unknown>, 'counter');
            return <FeeSummary amountVnd={quote.fee.amountVnd} fee={quote.fee} feeDueAt={quote.feeDueAt} />;
          })()}
          {error && (
            <Alert tone="error">
              <p>{error}</p>
            </Alert>
          )}
          <Button type="submit" disabled={busy}>
            {busy ? t('office:intake.submitting') : t('office:intake.submit')}
          </Button>
        </form>
      )}
    </>
  );
}
