import { useTranslation } from 'react-i18next';
import type { FieldOption } from '../format/procedureView.ts';

export interface FieldChipsProps {
  fields: readonly FieldOption[];
  /** fieldKey of the chosen field, or '' for all. */
  selected: string;
  onSelect: (fieldKey: string) => void;
}

/** Toggle buttons (aria-pressed) rather than links: they filter this page, they do not navigate. */
export function FieldChips({ fields, selected, onSelect }: FieldChipsProps) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="fields-title" className="fields">
      <h2 id="fields-title" className="fields__title">
        {t('portal:home.fieldsTitle')}
      </h2>
      <ul className="chips">
        <li>
          <button type="button" className="chip" aria-pressed={selected === ''} onClick={() => onSelect('')}>
            {t('portal:home.allFields')}
          </button>
        </li>
        {fields.map((field) => (
          <li key={field.key}>
            <button type="button" className="chip" aria-pressed={selected === field.key} onClick={() => onSelect(selected === field.key ? '' : field.key)}>
              {field.label}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
