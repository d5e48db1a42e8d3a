import { useId } from 'react';

/** Ids that tie a control to its hint and error, so screen readers read both with the label. */
export function useFieldIds(id: string | undefined, hint: unknown, error: unknown, describedBy?: string) {
  const generated = useId();
  const controlId = id ?? `f${generated.replace(/:/g, '')}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const described = [hintId, errorId, describedBy].filter(Boolean).join(' ') || undefined;
  return { controlId, hintId, errorId, described };
}
