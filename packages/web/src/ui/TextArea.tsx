import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { useFieldIds } from './fieldIds.ts';
import './forms.css';

export interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'children'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
}

export function TextArea({ label, hint, error, id, className, rows = 3, 'aria-describedby': extra, ...rest }: TextAreaProps) {
  const { controlId, hintId, errorId, described } = useFieldIds(id, hint, error, extra);
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
      <textarea
        id={controlId}
        rows={rows}
        className="field__control field__control--textarea"
        aria-describedby={described}
        aria-invalid={error ? true : undefined}
        {...rest}
      />
    </div>
  );
}
