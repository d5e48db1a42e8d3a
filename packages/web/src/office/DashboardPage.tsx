import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useResource } from '../api/useResource.ts';
import { useLanguage } from '../i18n/index.ts';
import { officeSummary, unitDetail } from '../api/dossiers.ts';
import { formatDate } from '../format/format.ts';
import { LoadError } from '../ui/LoadError.tsx';
import type { UnitDaySummary } from '@motcua/core/api';
import { Alert, ButtonLink, Select, Spinner, useDocumentTitle } from '../ui/index.ts';
import { canSeeInsights, officePaths, useOfficial } from './context.ts';
import './i18n/index.ts'; // this app's text (i18n namespace), registered before the page renders

type Stat = { key: keyof Omit<UnitDaySummary, 'unitCode' | 'day'>; query: string; tone?: 'danger' | 'warning' };

// Each number links to the list it counts, so the dashboard is also the way into the work.
const STATS: Stat[] = [
  { key: 'receivedToday', query: 'sort=receivedAt' },
  { key: 'dueToday', query: 'sort=dueAt&den-han=hom-nay', tone: 'warning' },
  { key: 'late', query: 'late=1', tone: 'danger' },
  { key: 'returnedToday', query: 'state=returned&sort=receivedAt' },
  { key: 'awaitingCheck', query: 'state=submitted' },
  { key: 'awaitingSupplement', query: 'state=supplement_requested' },
  { key: 'inProgress', query: 'state=in_progress' },
];
// An approver's own work first: decisions proposed to the unit's leadership, waiting for them.
const APPROVAL: Stat = { key: 'awaitingApproval', query: 'state=pending_approval', tone: 'warning' };

/** The tiles an official sees, their own work first. */
export function statsFor(roles: readonly string[]): Stat[] {
  return roles.includes('approver') ? [APPROVAL, ...STATS] : STATS;
}

export default function DashboardPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const official = useOfficial();
  useDocumentTitle(t('office:dashboard.title'));
  const communes = official.unitCodes.filter((u) => /^\d{5}$/.test(u));
  const [unit, setUnit] = useState(communes[0] ?? '');
  const summary = useResource(`summary:${unit}`, unit ? (signal) => officeSummary(unit, signal) : null);
  const unitInfo = useResource(`unit:${unit}`, unit ? (signal) => unitDetail(unit, signal) : null);

  return (
    <>
      <h1>
        {t('office:dashboard.title')}
        {unitInfo.data ? ` – ${unitInfo.data.fullName}` : ''}
      </h1>
      {communes.length > 1 && (
        <Select
          label={t('office:dashboard.unit')}
          options={communes.map((c) => ({ value: c, label: c }))}
          value={unit}
          onChange={(e) => setUnit(e.target.value)}
          className="field--short"
        />
      )}
      {communes.length === 0 && (
        <>
          <Alert tone="info" live={false}>
            <p>{t('office:dashboard.figuresOnly')}</p>
          </Alert>
          {canSeeInsights(official) && <ButtonLink to={officePaths.insights}>{t('office:navInsights')}</ButtonLink>}
        </>
      )}
      {summary.status === 'loading' && <Spinner label={t('common.loading')} />}
      {summary.status === 'error' && <LoadError error={summary.error} onRetry={summary.retry} />}
      {summary.data && (
        <>
          <p className="muted">{t('office:dashboard.day', { date: formatDate(`${summary.data.day}T12:00:00+07:00`, lang) })}</p>
          <ul className="stat-grid">
            {statsFor(official.roles).map((stat) => (
              <li key={stat.key}>
                <Link to={`${officePaths.queue}?${stat.query}&unit=${unit}`} className={['stat', stat.tone ? `stat--${stat.tone}` : ''].join(' ')}>
                  <span className="stat__value">{summary.data![stat.key]}</span>
                  <span className="stat__label">{t(`office:dashboard.${stat.key}`)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
