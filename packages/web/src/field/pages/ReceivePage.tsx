import { vnDate } from '@motcua/core/calendar';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useLanguage } from '../../i18n/index.ts';
import { formErrorText } from '../../form/messages.ts';
import { typedDigits } from '../../form/digits.ts';
import { SchemaFields, inputId } from '../../form/SchemaFields.tsx';
import { formErrorLabel, formValue, initialDraft, type DraftValue, type FormDraft } from '../../form/schema.ts';
import { errorsByPath, validateForm, type FormError, type SchemaNode } from '../../form/validate.ts';
import { formatDate } from '../../format/format.ts';
import { procedureName, processingTimeText } from '../../format/procedureView.ts';
import { Alert, Button, ErrorSummary, RadioGroup, Select, TextField, useDocumentTitle } from '../../ui/index.ts';
import { APPLICANT_SCHEMA, applicantValue, emptyApplicant, toApplicant, type ApplicantDraft } from '../applicant.ts';
import { fieldNow } from '../clock.ts';
import { reserveOffset, saveOps } from '../db.ts';
import { procedureOf } from '../kit.ts';
import { FeeSummary } from '../../dossier/FeeSummary.tsx';
import { quoteDraft } from '../../dossier/fee.ts';
import { fieldPaths, useField } from '../state.ts';
import { receiveOp } from '../sync/compose.ts';
import { AttachmentPicker, readAttachments, type Picked } from './AttachmentPicker.tsx';

type Delivery = 'counter' | 'post' | 'electronic';
type Consent = 'signature' | 'verbal' | 'written';

/** Taking a dossier in offline: applicant, the procedure's own form, photos, consent → a code and an appointment. */
export function ReceivePage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { kit, sealer } = useField();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  useDocumentTitle(t('field:receive.title'));
  const [code, setCode] = useState(params.get('thu-tuc') ?? kit.procedures[0]?.code ?? '');
  const procedure = procedureOf(kit, code);
  const [applicant, setApplicant] = useState<ApplicantDraft>(() => emptyApplicant(kit.session.hamletCodes[0] ?? ''));
  const [drafts, setDrafts] = useState<Record<string, FormDraft>>({});
  const draft = useMemo(() => drafts[code] ?? (procedure ? initialDraft(procedure.formSchema) : {}), [drafts, code, procedure]);
  const [files, setFiles] = useState<Picked[]>([]);
  const [delivery, setDelivery] = useState<Delivery>('counter');
  const [postal, setPostal] = useState('');
  const [consent, setConsent] = useState<Consent>('signature');
  const [deskDays, setDeskDays] = useState('');
  const [shown, setShown] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  if (!procedure) return <Alert tone="warning">{t('field:procedures.none')}</Alert>;
  const schema = procedure.formSchema;
  const needsDays = !procedure.sameDay && procedure.processingDays === null;
  const applicantErrors = validateForm(APPLICANT_SCHEMA, applicantValue(applicant));
  const formErrors = validateForm(schema as unknown as SchemaNode, formValue(schema, draft));
  const extra: FormError[] = [];
  if (delivery === 'post' && postal.trim() === '') extra.push({ path: 'postalAddress', code: 'required' });
  if (needsDays && !(Number(deskDays) > 0)) extra.push({ path: 'processingDays', code: 'required' });
  const applicantMap = errorsByPath([...applicantErrors, ...extra]);
  const formMap = errorsByPath(formErrors);
  const show = (m: Map<string, FormError>, path: string, choice = false) => (shown && m.get(path) ? formErrorText(m.get(path)!, t, { choice }) : undefined);
  const setA = (k: keyof ApplicantDraft) => (e: { target: { value: string } }) => setApplicant((a) => ({ ...a, [k]: e.target.value }));
  // The server's day, not the phone's (clock.ts): a fast phone clock must not move the receipt.
  const wrongDay = vnDate(fieldNow()) !== kit.session.day;

  const summary = [
    ...[...applicantMap.entries()].map(([path, e]) => ({
      targetId: `applicant-${path}`,
      text: `${t(`field:receive.${path as 'idNumber'}`)}: ${formErrorText(e, t, { choice: path === 'sex' })}`,
    })),
    ...[...formMap.entries()].map(([path, e]) => ({ targetId: inputId('form', path), text: `${formErrorLabel(schema, path, lang)}: ${formErrorText(e, t)}` })),
  ];

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setShown(true);
    setFailure(null);
    if (summary.length > 0 || wrongDay) return;
    setSaving(true);
    try {
      const offset = await reserveOffset(kit.session.id);
      const { item, files: sealed } = await receiveOp(sealer, {
        kit,
        offset,
        receivedAt: fieldNow(),
        procedure,
        ...(needsDays ? { processingDays: Number(deskDays) } : {}),
        applicant: toApplicant(applicant, kit.session.unitCode),
        form: formValue(schema, draft),
        files: await readAttachments(files),
        resultDelivery: delivery,
        ...(delivery === 'post' ? { postalAddress: postal.trim() } : {}),
        consent: { method: consent },
      });
      await saveOps([item], sealed);
      navigate(fieldPaths.receipt(item.id));
    } catch (e) {
      setFailure(e instanceof RangeError && /used up/.test(e.message) ? t('field:receive.blockUsedUp') : String(e));
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <h1>{t('field:receive.title')}</h1>
      {wrongDay && <Alert tone="warning">{t('field:receive.wrongDay', { day: formatDate(kit.session.day, lang) })}</Alert>}
      {shown && summary.length > 0 && <ErrorSummary title={t('field:receive.errorsTitle', { count: summary.length })} items={summary} />}
      {failure && <Alert tone="error">{failure}</Alert>}
      <Select
        id="procedure"
        label={t('field:receive.procedure')}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        options={kit.procedures.map((p) => ({ value: p.code, label: procedureName(p, lang) }))}
        hint={processingTimeText(procedure, t, lang)}
      />
      <fieldset className="fieldset">
        <legend>{t('field:receive.applicant')}</legend>
        <TextField
          id="applicant-idNumber"
          label={t('field:receive.idNumber')}
          inputMode="numeric"
          autoComplete="off"
          value={applicant.idNumber}
          onChange={(e) => setApplicant((a) => ({ ...a, idNumber: typedDigits(e.target.value) }))}
          error={show(applicantMap, 'idNumber')}
          required
        />
        <TextField
          id="applicant-fullName"
          label={t('field:receive.fullName')}
          value={applicant.fullName}
          onChange={setA('fullName')}
          error={show(applicantMap, 'fullName')}
          required
        />
        <TextField
          id="applicant-birthDate"
          label={t('field:receive.birthDate')}
          type="date"
          value={applicant.birthDate}
          onChange={setA('birthDate')}
          error={show(applicantMap, 'birthDate')}
          required
        />
        <RadioGroup
          id="applicant-sex"
          name="sex"
          legend={t('field:receive.sex')}
          value={applicant.sex}
          onChange={(v) => setApplicant((a) => ({ ...a, sex: v }))}
          options={[
            { value: 'male', label: t('field:receive.male') },
            { value: 'female', label: t('field:receive.female') },
          ]}
          error={show(applicantMap, 'sex', true)}
          required
        />
        <TextField
          id="applicant-phone"
          label={t('field:receive.phone')}
          type="tel"
          inputMode="tel"
          value={applicant.phone}
          onChange={setA('phone')}
          error={show(applicantMap, 'phone')}
          required
        />
        <Select
          id="applicant-hamlet"
          label={t('field:receive.hamlet')}
          value={applicant.hamlet}
          onChange={setA('hamlet')}
          options={kit.hamlets.map((h) => ({ value: h.code, label: h.name }))}
        />
        <TextField
          id="applicant-addressLine"
          label={t('field:receive.addressLine')}
          value={applicant.addressLine}
          onChange={setA('addressLine')}
          error={show(applicantMap, 'addressLine')}
          required
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('field:receive.form')}</legend>
        <SchemaFields
          schema={schema}
          names={Object.keys(schema.properties)}
          draft={draft}
          errors={shown ? formMap : new Map()}
          idPrefix="form"
          onChange={(name: string, value: DraftValue) => setDrafts((d) => ({ ...d, [code]: { ...draft, [name]: value } }))}
        />
      </fieldset>
      <AttachmentPicker files={files} onChange={setFiles} />
      {needsDays && (
        <TextField
          id="applicant-processingDays"
          label={t('field:receive.processingDays')}
          inputMode="decimal"
          value={deskDays}
          onChange={(e) => setDeskDays(e.target.value)}
          error={show(applicantMap, 'processingDays')}
          required
        />
      )}
      <RadioGroup
        name="delivery"
        legend={t('field:receive.delivery')}
        value={delivery}
        onChange={(v) => setDelivery(v as Delivery)}
        options={[
          { value: 'counter', label: t('field:receive.deliveryCounter') },
          { value: 'post', label: t('field:receive.deliveryPost') },
          { value: 'electronic', label: t('field:receive.deliveryElectronic') },
        ]}
      />
      {delivery === 'post' && (
        <TextField
          id="applicant-postalAddress"
          label={t('field:receive.postalAddress')}
          value={postal}
          onChange={(e) => setPostal(e.target.value)}
          error={show(applicantMap, 'postalAddress')}
          required
        />
      )}
      <RadioGroup
        name="consent"
        legend={t('field:receive.consent')}
        value={consent}
        onChange={(v) => setConsent(v as Consent)}
        options={[
          { value: 'signature', label: t('field:receive.consentSignature') },
          { value: 'verbal', label: t('field:receive.consentVerbal') },
          { value: 'written', label: t('field:receive.consentWritten') },
        ]}
      />
      {(() => {
        // Offline, the same core function as the server: the amount to collect here.
        const quote = quoteDraft(procedure, formValue(schema, draft) as Record<string, unknown>, 'outreach');
        return <FeeSummary amountVnd={quote.fee.amountVnd} fee={quote.fee} feeDueAt={quote.feeDueAt} />;
      })()}
      <Button type="submit" disabled={saving}>
        {t('field:receive.submit')}
      </Button>
    </form>
  );
}
