import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLanguage, type Language } from '../i18n/index.ts';
import { Button, Checkbox, RadioGroup, Select, TextArea, TextField } from '../ui/index.ts';
import { formErrorText } from './messages.ts';
import { GROUPED_DIGITS_MAX_LENGTH, typedDigits } from './digits.ts';
import {
  CCCD_PATTERN,
  TIME_PATTERN,
  choiceTitle,
  fieldTitle,
  newRow,
  type DraftRow,
  type DraftScalar,
  type DraftValue,
  type FormArrayField,
  type FormDraft,
  type FormScalarField,
  type FormSchema,
} from './schema.ts';
import type { FormError } from './validate.ts';
import './form.css';

/** The id of the input for a value path, shared with the error summary's links. */
export function inputId(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/\//g, '-')}`;
}

// Up to this many options show as radio buttons; longer lists use the phone's own picker.
const MAX_RADIOS = 6;

interface ScalarProps {
  field: FormScalarField;
  path: string;
  value: DraftScalar | undefined;
  required: boolean;
  error: FormError | undefined;
  idPrefix: string;
  onChange: (value: DraftScalar) => void;
}

function hintFor(field: FormScalarField, lang: Language, t: TFunction): string | undefined {
  // Descriptions in the catalogue are English explanations; Vietnamese readers get hints derived
  // from the rule itself, so each hint is in the reader's language.
  if (lang === 'en' && field.description) return field.description;
  if (field.type === 'string' && field.pattern === CCCD_PATTERN) return t('form.cccdHint');
  if (field.type === 'string' && field.pattern === TIME_PATTERN) return t('form.timeHint');
  if ((field.type === 'integer' || field.type === 'number') && field.minimum !== undefined && field.maximum !== undefined) {
    return t('form.numberHint', { min: field.minimum, max: field.maximum });
  }
  return undefined;
}

function ScalarInput({ field, path, value, required, error, idPrefix, onChange }: ScalarProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const id = inputId(idPrefix, path);
  const isChoice = field.type === 'string' && Boolean(field.oneOf);
  const label = required ? fieldTitle(field, lang) : `${fieldTitle(field, lang)} (${t('form.optional').toLowerCase()})`;
  const message = error ? formErrorText(error, t, { choice: isChoice }) : undefined;
  const hint = hintFor(field, lang, t);
  const text = typeof value === 'string' ? value : '';

  if (field.type === 'boolean') {
    return <Checkbox id={id} label={label} hint={hint} error={message} checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
  }
  if (field.type === 'string' && field.oneOf) {
    const options = field.oneOf.map((choice) => ({ value: choice.const, label: choiceTitle(choice, lang) }));
    if (options.length <= MAX_RADIOS) {
      return <RadioGroup id={id} legend={label} name={id} options={options} value={text} onChange={onChange} hint={hint} error={message} required={required} />;
    }
    return (
      <Select
        id={id}
        label={label}
        options={options}
        placeholder={t('form.chooseOne')}
        value={text}
        hint={hint}
        error={message}
        required={required}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  if (field.type === 'string' && field['x-widget'] === 'textarea') {
    return (
      <TextArea
        id={id}
        label={label}
        hint={hint}
        error={message}
        value={text}
        required={required}
        maxLength={field.maxLength}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  const common = { id, label, hint, error: message, value: text, required, onChange: (e: { target: { value: string } }) => onChange(e.target.value) };
  if (field.type === 'integer' || field.type === 'number') {
    // type=number drops what it cannot parse; a text box keeps "2,5" so the message can explain it.
    return <TextField {...common} inputMode={field.type === 'integer' ? 'numeric' : 'decimal'} autoComplete="off" className="field--short" />;
  }
  if (field.type !== 'string') return null;
  if (field.format === 'date') return <TextField {...common} type="date" className="field--short" />;
  if (field.pattern === TIME_PATTERN) return <TextField {...common} type="time" className="field--short" />;
  if (field.pattern === CCCD_PATTERN) {
    return (
      <TextField
        {...common}
        onChange={(e) => onChange(typedDigits(e.target.value))}
        inputMode="numeric"
        autoComplete="off"
        maxLength={GROUPED_DIGITS_MAX_LENGTH}
        className="field--short"
        spellCheck={false}
      />
    );
  }
  return <TextField {...common} type={field.format === 'email' ? 'email' : 'text'} maxLength={field.maxLength} />;
}

interface ArrayProps {
  field: FormArrayField;
  name: string;
  rows: DraftRow[];
  required: boolean;
  errors: Map<string, FormError>;
  idPrefix: string;
  onChange: (rows: DraftRow[]) => void;
}

function ArrayInput({ field, name, rows, required, errors, idPrefix, onChange }: ArrayProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const item = fieldTitle(field.items, lang);
  const own = errors.get(name);
  const min = field.minItems ?? 0;
  const max = field.maxItems ?? Infinity;
  return (
    <fieldset className={['field', 'repeat', own ? 'field--error' : ''].filter(Boolean).join(' ')} id={inputId(idPrefix, name)} tabIndex={-1}>
      <legend className="field__label repeat__legend">
        {fieldTitle(field, lang)}
        {!required && ` (${t('form.optional').toLowerCase()})`}
      </legend>
      {own && <p className="field__error">{formErrorText(own, t)}</p>}
      {rows.map((row, index) => (
        <fieldset className="repeat__row" key={index}>
          <legend className="repeat__row-title">{t('form.rowTitle', { item, n: index + 1 })}</legend>
          {Object.entries(field.items.properties).map(([key, child]) => {
            const path = `${name}/${index}/${key}`;
            return (
              <ScalarInput
                key={key}
                field={child}
                path={path}
                value={row[key]}
                required={field.items.required.includes(key)}
                error={errors.get(path)}
                idPrefix={idPrefix}
                onChange={(value) => onChange(rows.map((r, i) => (i === index ? { ...r, [key]: value } : r)))}
              />
            );
          })}
          {rows.length > Math.max(min, 1) && (
            <Button variant="secondary" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
              {t('form.removeRow', { item: item.toLowerCase(), n: index + 1 })}
            </Button>
          )}
        </fieldset>
      ))}
      {rows.length < max && (
        <Button variant="secondary" onClick={() => onChange([...rows, newRow(field)])}>
          + {t('form.addRow', { item: item.toLowerCase() })}
        </Button>
      )}
    </fieldset>
  );
}

export interface SchemaFieldsProps {
  schema: FormSchema;
  /** Which top-level properties to ask, in order. */
  names: readonly string[];
  draft: FormDraft;
  errors: Map<string, FormError>;
  /** Prefix of input ids, unique per form on the page. */
  idPrefix: string;
  onChange: (name: string, value: DraftValue) => void;
}

/** The questions of one wizard step, generated from the procedure's JSON Schema. */
export function SchemaFields({ schema, names, draft, errors, idPrefix, onChange }: SchemaFieldsProps) {
  return (
    <>
      {names.map((name) => {
        const field = schema.properties[name];
        if (!field) return null;
        const required = schema.required.includes(name);
        if (field.type === 'array') {
          const rows = Array.isArray(draft[name]) ? (draft[name] as DraftRow[]) : [];
          return (
            <ArrayInput
              key={name}
              field={field}
              name={name}
              rows={rows}
              required={required}
              errors={errors}
              idPrefix={idPrefix}
              onChange={(value) => onChange(name, value)}
            />
          );
        }
        const value = draft[name];
        return (
          <ScalarInput
            key={name}
            field={field}
            path={name}
            value={Array.isArray(value) ? undefined : value}
            required={required}
            error={errors.get(name)}
            idPrefix={idPrefix}
            onChange={(v) => onChange(name, v)}
          />
        );
      })}
    </>
  );
}
