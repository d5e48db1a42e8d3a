import type { ReactNode } from 'react';

/**
 * The label, hint and error every form control shows, in the order screen readers announce them;
 * the control itself (input, textarea, select) is the child and carries the ids.
 */
export function FieldFrame({
  controlId,
  hintId,
  errorId,
  label,
  hint,
  error,
  labelSize = 'normal',
  className,
  children,
}: {
  controlId: string;
  hintId: string | undefined;
  errorId: string | undefined;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  labelSize?: 'normal' | 'large';
  className?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className={['field', error ? 'field--error' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label className={labelSize === 'large' ? 'field__label field__label--large' : 'field__label'} htmlFor={controlId}>
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
      {children}
    </div>
  );
}
