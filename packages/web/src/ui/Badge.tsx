import type { HTMLAttributes } from 'react';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: BadgeTone;
}

/** Short status text. Colour is never the only signal: the text itself says the status. */
export function Badge({ tone = 'neutral', className, ...rest }: BadgeProps) {
  return <span className={['badge', `badge--${tone}`, className ?? ''].filter(Boolean).join(' ')} {...rest} />;
}
