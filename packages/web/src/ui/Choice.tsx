import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import './forms.css';

export interface RadioOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

export interface RadioGroupProps {
  legend: ReactNode;
  name: string;
  options: readonly RadioOption[];
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  /** Set on the group so the first radio can take focus when an error summary links here. */
  id?: string;
}

/**
 * Radio buttons in a fieldset: every choice visible at once, large targets, the legend read as the
 * question. Better than a <select> for a handful of options on a phone.
 */
export function RadioGroup({ legend, name, options, value, onChange, hint, error, required, id }: RadioGroupProps) {
  const generated = useId().replace(/:/g, '');
  const base = id ?? `r${generated}`;
  const hintId = hint ? `${base}-hint` : undefined;
  const errorId = error ? `${base}-error` : undefined;
  return (
    <fieldset
      className={['field', 'choice-group', error ? 'field--error' : ''].filter(Boolean).join(' ')}
      aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
    >
      <legend className="field__label">{legend}</legend>
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
      {options.map((option, index) => {
        const optionId = index === 0 ? base : `${base}-${index}`;
        const optionHint = option.hint ? `${optionId}-hint` : undefined;
        return (
          <div className="choice" key={option.value}>
            <input
              type="radio"
              className="choice__input"
              id={optionId}
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              required={required}
              aria-describedby={optionHint}
              aria-invalid={error ? true : undefined}
            />
            <label className="choice__label" htmlFor={optionId}>
              {option.label}
              {option.hint && (
                <span className="choice__hint" id={optionHint}>
                  {option.hint}
                </span>
              )}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

export interface CheckboxProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'children'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
}

export function Checkbox({ label, hint, error, id, className, ...rest }: CheckboxProps) {
  const generated = useId().replace(/:/g, '');
  const controlId = id ?? `c${generated}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  return (
    <div className={['field', 'choice', error ? 'field--error' : '', className ?? ''].filter(Boolean).join(' ')}>
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
      <input
        type="checkbox"
        className="choice__input"
        id={controlId}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        aria-invalid={error ? true : undefined}
        {...rest}
      />
      <label className="choice__label" htmlFor={controlId}>
        {label}
        {hint && (
          <span className="choice__hint" id={hintId}>
            {hint}
          </span>
        )}
      </label>
    </div>
  );
}
