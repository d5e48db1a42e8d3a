import type { ReactNode, SelectHTMLAttributes } from 'react';
import { useFieldIds } from './fieldIds.ts';
import { FieldFrame } from './FieldFrame.tsx';

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
export function Select({ label, options, hint, error, placeholder, id, className, 'aria-describedby': extraDescribedBy, ...rest }: SelectProps) {
  const { controlId, hintId, errorId, described } = useFieldIds(id, hint, error, extraDescribedBy);
  return (
    <FieldFrame controlId={controlId} hintId={hintId} errorId={errorId} label={label} hint={hint} error={error} className={className}>
      <select id={controlId} className="field__control field__control--select" aria-describedby={described} aria-invalid={error ? true : undefined} {...rest}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
