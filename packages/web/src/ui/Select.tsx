import type { ReactNode, SelectHTMLAttributes } from 'react';
import { useFieldIds } from './fieldIds.ts';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> {
  label: ReactNode;
  options: readonly SelectOption[];
  hint?: ReactNode;
  error?: ReactNode;
  /** First, empty-valued option such as "— Chọn —". */
  placeholder?: string;
}

/** Native <select>: the phone's own picker is the most usable one on cheap devices. */
export function Select({
  label,
  options,
  hint,
  error,
  placeholder,
  id,
  className,
  'aria-describedby': extraDescribedBy,
  ...rest
}: SelectProps) {
  const { controlId, hintId, errorId, described } = useFieldIds(id, hint, error, extraDescribedBy);
  return (
    <div className={['field', error ? 'field--error' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className="field__label" htmlFor={controlId}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
      <select
        id={controlId}
        className="field__control field__control--select"
        aria-describedby={described}
        aria-invalid={error ? true : undefined}
        {...rest}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
