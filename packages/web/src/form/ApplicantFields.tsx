import { useTranslation } from 'react-i18next';
import { useResource } from '../api/useResource.ts';
import { Alert, RadioGroup, Select, TextField } from '../ui/index.ts';
import { hamletsOf, unitDetail } from '../api/dossiers.ts';
import { formErrorText } from './messages.ts';
import type { FormError } from './validate.ts';
import type { ApplicantDraft } from './draft.ts';
import { GROUPED_DIGITS_MAX_LENGTH, typedDigits } from './digits.ts';

export const APPLICANT_ID_PREFIX = 'ap';

export interface ApplicantFieldsProps {
  applicant: ApplicantDraft;
  onChange: (patch: Partial<ApplicantDraft>) => void;
  errors: Map<string, FormError>;
  /** Identity from the e-ID cannot be edited here; an official at the counter types it all. */
  fromEid: boolean;
}

const CODE = /^[0-9]{5}$/;

export function ApplicantFields({ applicant, onChange, errors, fromEid }: ApplicantFieldsProps) {
  const { t } = useTranslation();
  const unitCode = applicant.unitCode;
  const hamlets = useResource(`hamlets:${unitCode}`, CODE.test(unitCode) ? (signal) => hamletsOf(unitCode, signal) : null);
  const unit = useResource(`unit:${unitCode}`, CODE.test(unitCode) ? (signal) => unitDetail(unitCode, signal) : null);
  const id = (name: string) => `${APPLICANT_ID_PREFIX}-${name}`;
  const error = (name: string, choice = false) => {
    const e = errors.get(name);
    return e ? formErrorText(e, t, { choice }) : undefined;
  };
  const text = (name: keyof ApplicantDraft) => ({
    id: id(name),
    value: applicant[name],
    error: error(name),
    onChange: (event: { target: { value: string } }) => onChange({ [name]: event.target.value }),
  });

  return (
    <>
      {fromEid && (
        <Alert tone="info" live={false}>
          <p>{t('wizard.fromEid')}</p>
        </Alert>
      )}
      <TextField
        {...text('idNumber')}
        onChange={(event) => onChange({ idNumber: typedDigits(event.target.value) })}
        label={t('wizard.idNumber')}
        hint={t('form.cccdHint')}
        inputMode="numeric"
        maxLength={GROUPED_DIGITS_MAX_LENGTH}
        readOnly={fromEid}
        autoComplete="off"
        className="field--short"
        required
      />
      <TextField {...text('fullName')} label={t('wizard.fullName')} readOnly={fromEid} autoComplete="name" required />
      <TextField {...text('birthDate')} label={t('wizard.birthDate')} type="date" readOnly={fromEid} autoComplete="bday" className="field--short" required />
      {fromEid && applicant.sex ? (
        <TextField
          id={id('sex')}
          label={t('wizard.sex')}
          value={applicant.sex === 'male' ? t('wizard.male') : t('wizard.female')}
          readOnly
          className="field--short"
        />
      ) : (
        <RadioGroup
          id={id('sex')}
          name={id('sex')}
          legend={t('wizard.sex')}
          options={[
            { value: 'male', label: t('wizard.male') },
            { value: 'female', label: t('wizard.female') },
          ]}
          value={applicant.sex}
          onChange={(sex) => onChange({ sex })}
          error={error('sex', true)}
          required
        />
      )}
      <TextField
        {...text('phone')}
        label={t('wizard.phone')}
        hint={t('wizard.phoneHint')}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        className="field--short"
        required
      />
      <TextField {...text('email')} label={t('wizard.email')} type="email" autoComplete="email" />
      {fromEid ? (
        <TextField id={id('unitCode')} label={t('wizard.commune')} value={unit.data?.fullName ?? unitCode} readOnly error={error('unitCode')} />
      ) : (
        <TextField
          {...text('unitCode')}
          label={t('wizard.commune')}
          hint={unit.data?.fullName ?? undefined}
          inputMode="numeric"
          maxLength={5}
          className="field--short"
          required
        />
      )}
      {(hamlets.data?.length ?? 0) > 0 && (
        <Select
          id={id('hamlet')}
          label={t('wizard.hamlet')}
          placeholder={t('wizard.hamletNone')}
          options={(hamlets.data ?? []).map((h) => ({ value: h.code, label: h.name }))}
          value={applicant.hamlet}
          error={error('hamlet', true)}
          onChange={(event) => onChange({ hamlet: event.target.value })}
        />
      )}
      <TextField {...text('addressLine')} label={t('wizard.addressLine')} hint={t('wizard.addressHint')} autoComplete="street-address" required />
    </>
  );
}
