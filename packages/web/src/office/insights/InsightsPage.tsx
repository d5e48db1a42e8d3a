import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useResource } from '../../api/useResource.ts';
import { useLanguage } from '../../i18n/index.ts';
import { LoadError } from '../../ui/LoadError.tsx';
import { Alert, Spinner, useDocumentTitle } from '../../ui/index.ts';
import { canSeeInsights, useOfficial } from '../context.ts';
import type { Insights } from '@motcua/core/api';
import { getInsights } from './api.ts';
import { insightUnits, lastMonth, periodFrom, ratioText, thisMonth, type Period } from './figures.ts';
import { ChannelTable, CommuneTable, numberFormat, shortDate } from './InsightsTables.tsx';
import { PeriodForm } from './PeriodForm.tsx';
import { BreakdownTable, Decision766 } from './Decision766.tsx';
import { InsightsCharts } from './InsightsCharts.tsx';
import './insights.css';
import '../i18n/index.ts'; // this app's text (i18n namespace), registered before the page renders

/**
 * Leaders' figures (/can-bo/so-lieu): what a commune chairman or the province reports — received,
 * channels, online share, results on time, late now, apologies, the outreach tally and
 * satisfaction. The unit and period live in the address, so a page can be bookmarked or sent.
 */
export default function InsightsPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const official = useOfficial();
  useDocumentTitle(t('office:insights.title'));
  const [params, setParams] = useSearchParams();
  const units = insightUnits(official.unitCodes);
  const asked = params.get('don-vi') ?? '';
  // A system administrator covers every unit and has none listed: they type the code.
  const unit = units.includes(asked) || (units.length === 0 && /^\d{2}(\d{3})?$/.test(asked)) ? asked : (units[0] ?? '');
  // `now` is read once per render of the address, so "this month" does not drift while reading.
  const period = useMemo(() => periodFrom(params, new Date()), [params]);
  const allowed = canSeeInsights(official);
  const figures = useResource(`insights:${unit}:${period.from}:${period.to}`, unit && allowed ? (signal) => getInsights(unit, period, signal) : null);

  const go = (next: { unit: string } & Period) => setParams({ 'don-vi': next.unit, tu: next.from, den: next.to });
  const quick = (p: Period) => `?${new URLSearchParams({ 'don-vi': unit, tu: p.from, den: p.to })}`;

  if (!allowed) {
    return (
      <>
        <h1>{t('office:insights.title')}</h1>
        <Alert tone="info" live={false}>
          <p>{t('office:insights.notAllowed')}</p>
        </Alert>
      </>
    );
  }

  return (
    <>
      <h1>
        {t('office:insights.title')}
        {figures.data ? ` – ${figures.data.unit.fullName}` : ''}
      </h1>
      <PeriodForm key={`${unit}|${period.from}|${period.to}`} units={units} unit={unit} period={period} onSubmit={go} />
      <p className="insights-quick">
        {t('office:insights.quick')} <Link to={quick(thisMonth(new Date()))}>{t('office:insights.thisMonth')}</Link> ·{' '}
        <Link to={quick(lastMonth(new Date()))}>{t('office:insights.lastMonth')}</Link>
      </p>
      <p role="status" className="muted">
        {figures.status === 'success'
          ? t('office:insights.periodShown', { from: shortDate(figures.data.period.from, lang), to: shortDate(figures.data.period.to, lang) })
          : ''}
      </p>
      {figures.status === 'loading' && <Spinner label={t('common.loading')} />}
      {figures.status === 'error' && <LoadError error={figures.error} onRetry={figures.retry} />}
      {figures.data && <Figures data={figures.data} />}
    </>
  );
}

function Figures({ data }: { data: Insights }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const n = numberFormat(lang);
  const d = data.dossiers;
  const o = data.outreach;
  const stats: { key: 'received' | 'finished' | 'inProgress' | 'lateNow' | 'apologies'; tone?: 'danger' | 'warning' }[] = [
    { key: 'received' },
    { key: 'finished' },
    { key: 'inProgress' },
    { key: 'lateNow', tone: 'danger' },
    { key: 'apologies', tone: 'warning' },
  ];
  return (
    <>
      <Decision766 data={data} />
      <InsightsCharts data={data} />
      {data.unit.code.length === 2 && (
        <BreakdownTable
          id="insights-ranking"
          title={t('office:insights.ranking')}
          rows={data.communes.length ? (data.breakdown.by === 'commune' ? data.breakdown.rows : []) : []}
          ranked
        />
      )}
      <BreakdownTable id="insights-months" title={t('office:insights.months')} rows={data.months} />
      <section aria-labelledby="insights-dossiers">
        <h2 id="insights-dossiers">{t('office:insights.dossiers')}</h2>
        <ul className="stat-grid">
          {stats.map(({ key, tone }) => (
            <li key={key}>
              <p className={['stat', tone && d[key] > 0 ? `stat--${tone}` : ''].join(' ')} data-figure={key}>
                <span className="stat__value">{n.format(d[key])}</span>
                <span className="stat__label">{t(`office:insights.${key}`)}</span>
              </p>
            </li>
          ))}
        </ul>
        <div className="insights-rates">
          <p className="stat" data-figure="onlineRate">
            <span className="stat__label">{t('office:insights.onlineRate')}</span>
            <span className="stat__value">{ratioText(d.online, d.received, n)}</span>
            <span className="muted">{t('office:insights.onlineRateHint')}</span>
          </p>
          <p className="stat" data-figure="onTimeRate">
            <span className="stat__label">{t('office:insights.onTimeRate')}</span>
            <span className="stat__value">{ratioText(d.finishedOnTime, d.finished, n)}</span>
            <span className="muted">{t('office:insights.onTimeRateHint')}</span>
          </p>
        </div>
        <ChannelTable figures={d} />
      </section>
      <section aria-labelledby="insights-outreach">
        <h2 id="insights-outreach">{t('office:insights.outreach')}</h2>
        <p className="insights-sentence" data-figure="outreach">
          {t('office:insights.outreachTally', {
            received: n.format(o.received),
            onSpot: n.format(o.completedOnSpot),
            toReturn: n.format(o.toReturn),
            guided: n.format(o.peopleGuided),
          })}
        </p>
        <h3>{t('office:insights.surveys')}</h3>
        <p className="insights-sentence" data-figure="surveys">
          {o.surveys === 0
            ? t('office:insights.noSurveys')
            : t('office:insights.surveysLine', {
                surveys: n.format(o.surveys),
                ratio: ratioText(o.satisfied, o.surveys, n),
                average:
                  o.averageRating === null
                    ? '—'
                    : new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(o.averageRating),
              })}
        </p>
      </section>
      {data.unit.code.length === 2 && <CommuneTable rows={data.communes} />}
    </>
  );
}
