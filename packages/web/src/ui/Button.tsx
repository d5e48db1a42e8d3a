import type { AnchorHTMLAttributes, ButtonHTMLAttributes } from 'react';
import { Link, type LinkProps } from 'react-router';

export type ButtonVariant = 'primary' | 'secondary' | 'quiet';

interface StyleProps {
  variant?: ButtonVariant;
  /** Stretch to the container's width (good for the main action on a phone). */
  block?: boolean;
}

export function buttonClassName({ variant = 'primary', block = false }: StyleProps, extra?: string): string {
  return ['btn', `btn--${variant}`, block ? 'btn--block' : '', extra ?? ''].filter(Boolean).join(' ');
}

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & StyleProps;

/** A real <button>; `type` defaults to "button" so it never submits a form by accident. */
export function Button({ variant, block, className, type = 'button', ...rest }: ButtonProps) {
  return <button type={type} className={buttonClassName({ variant, block }, className)} {...rest} />;
}

export type ButtonLinkProps = LinkProps & StyleProps;

/** In-app navigation that looks like a button (it is still a link for assistive tech). */
export function ButtonLink({ variant, block, className, ...rest }: ButtonLinkProps) {
  return <Link className={buttonClassName({ variant, block }, typeof className === 'string' ? className : undefined)} {...rest} />;
}

export type ButtonAnchorProps = AnchorHTMLAttributes<HTMLAnchorElement> & StyleProps & { href: string };

/** A full page load that looks like a button: for server routes such as /auth/login. */
export function ButtonAnchor({ variant, block, className, ...rest }: ButtonAnchorProps) {
  return <a className={buttonClassName({ variant, block }, className)} {...rest} />;
}
