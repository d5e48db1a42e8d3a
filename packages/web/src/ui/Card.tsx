import type { HTMLAttributes, ReactNode } from 'react';

export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  /** 'section' for standalone regions, 'li' inside result lists, 'article' for self-contained items. */
  as?: 'div' | 'section' | 'article' | 'li';
  title?: ReactNode;
  /** Keeps the document outline right wherever the card sits. */
  headingLevel?: 2 | 3 | 4;
  tone?: 'plain' | 'highlight';
  children?: ReactNode;
}

export function Card({ as: Tag = 'div', title, headingLevel = 2, tone = 'plain', className, children, ...rest }: CardProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <Tag className={['card', `card--${tone}`, className ?? ''].filter(Boolean).join(' ')} {...rest}>
      {title && <Heading className="card__title">{title}</Heading>}
      {children}
    </Tag>
  );
}
