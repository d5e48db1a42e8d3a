import type { InputHTMLAttributes, ReactNode } from 'react';
import { useFieldIds } from './fieldIds.ts';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'children'> {
  label: ReactNode;
  hint?: ReactNode;
  /** Shown under the label, marks the input aria-invalid. */
  error?: ReactNode;
  /** 'large' for a page's main question, such as the home search. */
  labelSize?: 'normal' | 'large';
}

export function TextField({
  label,
  hint,
  error,
  labelSize = 'normal',
  id,
  className,
  type = 'text',
  'aria-describedby': extraDescribedBy,
  ...rest
}: TextFieldProps) {
  const { controlId, hintId, errorId, described } = useFieldIds(id, hint, error, extraDescribedBy);
  return (
    <div className={['field', error ? 'field--error' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className={`field__label field__label--${labelSize}`} htmlFor={controlId}>
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
      <input
        id={controlId}
        type={type}
        className="field__control"
        aria-describedby={described}
        aria-invalid={error ? true : undefined}
        {...rest}
      />
    </div>
  );
}
