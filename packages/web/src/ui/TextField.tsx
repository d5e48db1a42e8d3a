import type { InputHTMLAttributes, ReactNode } from 'react';
import { useFieldIds } from './fieldIds.ts';
import { FieldFrame } from './FieldFrame.tsx';

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
    <FieldFrame controlId={controlId} hintId={hintId} errorId={errorId} label={label} hint={hint} error={error} className={className} labelSize={labelSize}>
      <input id={controlId} type={type} className="field__control" aria-describedby={described} aria-invalid={error ? true : undefined} {...rest} />
    </FieldFrame>
  );
}
