import { useEffect, useRef, type ReactNode } from 'react';
import './forms.css';

export interface ErrorSummaryItem {
  /** id of the input to focus. */
  targetId: string;
  text: ReactNode;
}

/**
 * The list of problems at the top of a form, focused when it appears so screen-reader and
 * keyboard users land on it; each item jumps to its input.
 */
export function ErrorSummary({ title, items }: { title: ReactNode; items: readonly ErrorSummaryItem[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref}>
      <p className="error-summary__title">{title}</p>
      <ul>
        {items.map((item) => (
          <li key={item.targetId}>
            <a
              href={`#${item.targetId}`}
              onClick={(event) => {
                const target = document.getElementById(item.targetId);
                if (!target) return;
                event.preventDefault();
                target.focus();
                target.scrollIntoView({ block: 'center' });
              }}
            >
              {item.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
