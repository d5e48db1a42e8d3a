import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError, type ApiError } from '../api/client.ts';
import type { Procedure } from '@motcua/core/api';
import { useResource } from '../api/useResource.ts';
import { useLanguage } from '../i18n/index.ts';
import { actOnDossier, unitColleagues } from '../api/dossiers.ts';
import { toLocalInput } from '../format/format.ts';
import { documentName } from '../format/procedureView.ts';
import type { AttachedFile } from '../form/draft.ts';
import { FileUploader } from '../form/FileUploader.tsx';
import type { AllowedAction, Dossier, FieldSpec } from '@motcua/core/api';
import { Alert, Button, Checkbox, RadioGroup, Select, TextArea, TextField } from '../ui/index.ts';
import { actionBody, assigneeOptions, isRequired, missingFields, type Values } from './actionBody.ts';

const LONG_TEXT = new Set(['reason', 'note']);

/**
 * The unit's specialists by name, so a receptionist can assign without knowing ids. Typing the
 * id is the fallback only when the list cannot be loaded.
 */
function AssigneeField({
  unit,
  value,
  onChange,
  label,
  id,
  required,
}: {
  unit: string;
  value: string;
  onChange: (v: string) => void;
  label: string;
  id: string;
  required: boolean;
}) {
  const { t } = useTranslation();
  const specialists = useResource(`colleagues:${unit}:specialist`, (signal) => unitColleagues(unit, 'specialist', signal));
  if (specialists.status === 'error') {
    return (
      <TextField
        id={id}
        label={label}
        hint={t('office:dossier.assigneeHint')}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required={required}
        autoComplete="off"
      />
    );
  }
  const list = specialists.data ?? [];
  return (
    <Select
      id={id}
      label={label}
      hint={specialists.status === 'success' && list.length === 0 ? t('office:dossier.noSpecialists') : undefined}
      placeholder={specialists.status === 'success' ? t('office:dossier.chooseAssignee') : t('common.loading')}
      options={assigneeOptions(list)}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      required={required}
      aria-busy={specialists.status !== 'success'}
    />
  );
}

export interface ActionFormProps {
  dossier: Dossier;
  spec: AllowedAction;
  procedure: Procedure | undefined;
  onDone: (next: Dossier) => void;
  onConflict: () => void;
}

/** One allowed action as a small form built from the fields the server lists for it. */
export function ActionForm({ dossier, spec, procedure, onDone, onConflict }: ActionFormProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [values, setValues] = useState<Values>(() =>
    Object.fromEntries(
      spec.fields.map((f) => {
        if (f.type === 'string[]') return [f.name, []];
        if (f.name === 'method') return [f.name, dossier.resultDelivery];
        // A new appointment must be later than now and the old one: suggest three days after both.
        if (f.type === 'date-time')
          return [f.name, toLocalInput(new Date(Math.max(Date.now(), Date.parse(dossier.dueAt ?? '') || 0) + 3 * 86_400_000).toISOString())];
        return [f.name, ''];
      }),
    ),
  );
  const [files, setFiles] = useState<AttachedFile[]>([]);
  const [other, setOther] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | string | null>(null);
  const set = (name: string, value: string | string[]) => setValues((v) => ({ ...v, [name]: value }));
  const base = `act-${spec.action}`;
  const label = (name: string) => t(`office:field.${name}` as 'office:field.note', { defaultValue: name }) as string;

  const submit = async () => {
    const filled: Values = { ...values };
    for (const f of spec.fields) {
      if (f.name === 'missingDocuments') filled[f.name] = [...((values[f.name] as string[]) ?? []), ...other.split('\n')];
      if (f.name === 'documents') filled[f.name] = files.map((file) => file.uploadId);
    }
    const missing = missingFields(spec, filled);
    if (missing.length) {
      setError(missing.map(label).join(', ') + ': ' + t('form.errors.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(await actOnDossier(dossier.code, actionBody(spec, filled, dossier.version)));
    } catch (e) {
      const apiError = toApiError(e);
      if (apiError.status === 409) onConflict();
      setError(apiError);
      setBusy(false);
    }
  };

  const field = (f: FieldSpec) => {
    const id = `${base}-${f.name}`;
    const required = isRequired(f, values);
    const text = typeof values[f.name] === 'string' ? (values[f.name] as string) : '';
    if (f.type === 'enum') {
      return (
        <RadioGroup
          key={f.name}
          id={id}
          name={id}
          legend={label(f.name)}
          required={required}
          value={text}
          onChange={(v) => set(f.name, v)}
          options={(f.options ?? []).map((o) => ({ value: o, label: t(`office:option.${o}` as 'office:option.post', { defaultValue: o }) as string }))}
        />
      );
    }
    if (f.type === 'date-time') {
      return (
        <TextField
          key={f.name}
          id={id}
          type="datetime-local"
          label={label(f.name)}
          hint={t('office:dossier.dateHint')}
          required={required}
          value={text}
          onChange={(e) => set(f.name, e.target.value)}
          className="field--short"
        />
      );
    }
    if (f.name === 'missingDocuments') {
      const chosen = (values[f.name] as string[]) ?? [];
      return (
        <fieldset key={f.name} className="choice-group field">
          <legend className="field__label">{label(f.name)}</legend>
          {(procedure?.documents ?? []).map((doc, i) => {
            const name = documentName(doc, 'vi');
            return (
              <Checkbox
                key={i}
                id={`${id}-${i}`}
                label={<span lang="vi">{documentName(doc, lang)}</span>}
                checked={chosen.includes(name)}
                onChange={(e) => set(f.name, e.target.checked ? [...chosen, name] : chosen.filter((c) => c !== name))}
              />
            );
          })}
          <TextArea id={`${id}-other`} label={t('office:dossier.otherDocuments')} value={other} onChange={(e) => setOther(e.target.value)} rows={2} />
        </fieldset>
      );
    }
    if (f.name === 'documents') {
      return (
        <div key={f.name} className="field">
          <p className="field__label">{t('office:dossier.files')}</p>
          <FileUploader label={label(f.name)} files={files} onChange={setFiles} />
        </div>
      );
    }
    if (f.name === 'assigneeUserId')
      return (
        <AssigneeField key={f.name} id={id} unit={dossier.unitCode} label={label(f.name)} value={text} required={required} onChange={(v) => set(f.name, v)} />
      );
    if (LONG_TEXT.has(f.name))
      return (
        <TextArea
          key={f.name}
          id={id}
          label={label(f.name)}
          required={required}
          value={text}
          onChange={(e) => set(f.name, e.target.value)}
          rows={2}
          maxLength={1000}
        />
      );
    return (
      <TextField key={f.name} id={id} label={label(f.name)} required={required} value={text} onChange={(e) => set(f.name, e.target.value)} autoComplete="off" />
    );
  };

  return (
    <form
      noValidate
      className="action-form__body"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {spec.fields.map(field)}
      {error && (
        <Alert tone="error">
          <p>{typeof error === 'string' ? error : error.status === 409 ? t('office:dossier.conflict') : error.messageFor(lang)}</p>
        </Alert>
      )}
      <Button type="submit" disabled={busy}>
        {t(`office:action.${spec.action}`)}
      </Button>
    </form>
  );
}
