import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { useFieldIds } from './fieldIds.ts';
import { FieldFrame } from './FieldFrame.tsx';
import './forms.css';

export interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'children'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
}

export function TextArea({ label, hint, error, id, className, rows = 3, 'aria-describedby': extra, ...rest }: TextAreaProps) {
  const { controlId, hintId, errorId, described } = useFieldIds(id, hint, error, extra);
  return (
    <FieldFrame controlId={controlId} hintId={hintId} errorId={errorId} label={label} hint={hint} error={error} className={className}>
      <textarea
        id={controlId}
        rows={rows}
        className="field__control field__control--textarea"
        aria-describedby={described}
        aria-invalid={error ? true : undefined}
        {...rest}
      />
    </FieldFrame>
  );
}
