import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Procedure } from '@motcua/core/api';
import { useLanguage } from '../i18n/index.ts';
import { Card } from '../ui/index.ts';
import { OnlineBadge } from './OnlineBadge.tsx';
import { fieldName, procedureName, processingTimeText } from '../format/procedureView.ts';

export function procedurePath(code: string): string {
  return `/thu-tuc/${encodeURIComponent(code)}`;
}

/** Search results: each item is one big link to the procedure, with what matters at a glance. */
export function ProcedureList({ procedures }: { procedures: readonly Procedure[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <ul className="result-list">
      {procedures.map((procedure) => (
        <Card as="li" key={procedure.code} className="result">
          <Link to={procedurePath(procedure.code)} className="result__link">
            {procedureName(procedure, lang)}
          </Link>
          <p className="result__meta">
            <span>{fieldName(procedure, lang)}</span>
            <span>
              {t('procedure.processingTime')}: {processingTimeText(procedure, t, lang)}
            </span>
          </p>
          <OnlineBadge level={procedure.online} />
        </Card>
      ))}
    </ul>
  );
}
