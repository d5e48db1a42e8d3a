import type { HTMLAttributes, ReactNode } from 'react';

export type AlertTone = 'info' | 'success' | 'warning' | 'error';

export interface AlertProps extends Omit<HTMLAttributes<HTMLDivElement>, 'title'> {
  tone?: AlertTone;
  title?: ReactNode;
  /** Buttons or links shown under the message (e.g. "Thử lại"). */
  actions?: ReactNode;
  /**
   * Errors interrupt screen readers (role=alert); other tones wait politely (role=status).
   * Set false for static notices that exist from page load and need no announcement.
   */
  live?: boolean;
}

export function Alert({ tone = 'info', title, actions, live = true, className, children, ...rest }: AlertProps) {
  const role = !live ? undefined : tone === 'error' ? 'alert' : 'status';
  return (
    <div role={role} className={['alert', `alert--${tone}`, className ?? ''].filter(Boolean).join(' ')} {...rest}>
      {title && <p className="alert__title">{title}</p>}
      {children && <div className="alert__body">{children}</div>}
      {actions && <div className="alert__actions">{actions}</div>}
    </div>
  );
}
