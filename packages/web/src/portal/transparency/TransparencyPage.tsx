import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PublicInsights } from '@motcua/core/api';
import { useResource } from '../../api/useResource.ts';
import { Chart } from '../../charts/Chart.tsx';
import { useLanguage } from '../../i18n/index.ts';
import { LoadError } from '../../ui/LoadError.tsx';
import { Spinner, TextField, useDocumentTitle } from '../../ui/index.ts';
import { useDebouncedValue } from '../../ui/useDebouncedValue.ts';
import { findUnits, getPublicInsights } from './api.ts';
import { yearToDate } from './period.ts';
import '../portal.css';
import '../i18n/index.ts';

const nf = (lang: string) => new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 });
const pct = (v: number | null, lang: string) =>
  v === null ? '—' : new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(v);

/**
 * The public transparency page (/minh-bach, /minh-bach/{code}): a commune's or province's Decision
 * 766 score, its groups and the monthly trend, like the national public index. Counts only: the
 * public API carries no dossier and no person.
 */
export default function TransparencyPage() {
  const { code = '' } = useParams();
  return code ? <UnitFigures code={code} /> : <PickUnit />;
}

function PickUnit() {
  const { t } = useTranslation();
  useDocumentTitle(t('portal:transparency.title'));
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 300);
  const found = useResource(`units:${q}`, q.length >= 2 ? (signal) => findUnits(q, signal) : null);
  return (
    <>
      <h1>{t('portal:transparency.title')}</h1>
      <p>{t('portal:transparency.intro')}</p>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <TextField
          label={t('portal:transparency.searchLabel')}
          hint={t('portal:transparency.searchHint')}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </form>
      <p role="status">{found.status === 'success' ? t('portal:transparency.found', { count: found.data.length }) : ''}</p>
      {found.status === 'loading' && <Spinner label={t('common.loading')} size="small" />}
      {found.status === 'error' && <LoadError error={found.error} onRetry={found.retry} />}
      {found.data && found.data.length > 0 && (
        <ul className="transparency-units">
          {found.data.map((u) => (
            <li key={u.code}>
              <Link to={`/minh-bach/${u.code}`}>{u.fullName}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function UnitFigures({ code }: { code: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const period = useMemo(() => yearToDate(new Date()), []);
  const figures = useResource(`public-insights:${code}:${period.from}:${period.to}`, (signal) => getPublicInsights(code, period, signal));
  useDocumentTitle(figures.data ? `${t('portal:transparency.title')} – ${figures.data.unit.fullName}` : t('portal:transparency.title'));
  return (
    <>
      <p>
        <Link to="/minh-bach">{t('portal:transparency.other')}</Link>
      </p>
      <h1>
        {t('portal:transparency.title')}
        {figures.data ? ` – ${figures.data.unit.fullName}` : ''}
      </h1>
      {figures.status === 'loading' && <Spinner label={t('common.loading')} />}
      {figures.status === 'error' && <LoadError error={figures.error} onRetry={figures.retry} />}
      {figures.data && <Scores data={figures.data} lang={lang} />}
    </>
  );
}

function Scores({ data, lang }: { data: PublicInsights; lang: string }) {
  const { t } = useTranslation();
  const n = nf(lang);
  const trend = useMemo(
    () => ({
      labels: data.months.map((m) => m.key),
      series: [{ name: t('portal:transparency.share'), values: data.months.map((m) => (m.total !== null && m.scoredMax ? m.total / m.scoredMax : null)) }],
    }),
    [data.months, t],
  );
  const best = data.months.filter((m) => m.total !== null && m.scoredMax).at(-1);
  return (
    <>
      <p className="muted">{t('portal:transparency.period', { from: data.period.from, to: data.period.to })}</p>
      <p className="transparency-total" data-figure="public-total">
        {t('portal:transparency.total', { total: n.format(data.total), scored: n.format(data.scoredMax), max: n.format(data.max) })}
      </p>
      <p>{t('portal:transparency.explain')}</p>
      <div className="table-scroll">
        <table className="transparency-table" data-public="groups">
          <caption>{t('portal:transparency.groups')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('portal:transparency.group')}</th>
              <th scope="col">{t('portal:transparency.points')}</th>
            </tr>
          </thead>
          <tbody>
            {data.groups.map((g) => (
              <tr key={g.key}>
                <th scope="row">{lang === 'vi' ? g.name : g.nameEn}</th>
                <td>
                  {g.score === null ? '—' : n.format(g.score)} / {g.max === null ? '—' : n.format(g.max)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {trend.labels.length > 0 && (
        <Chart
          id="public-trend"
          kind="line"
          percent
          data={trend}
          summary={
            best
              ? t('portal:transparency.trendSummary', { month: best.key, share: pct(best.total! / best.scoredMax!, lang) })
              : t('portal:transparency.trendEmpty')
          }
          tableLabel={t('portal:transparency.table')}
          table={
            <table className="transparency-table">
              <thead>
                <tr>
                  <th scope="col">{t('portal:transparency.month')}</th>
                  <th scope="col">{t('portal:transparency.points')}</th>
                  <th scope="col">{t('portal:transparency.received')}</th>
                  <th scope="col">{t('portal:transparency.onTime')}</th>
                </tr>
              </thead>
              <tbody>
                {data.months.map((m) => (
                  <tr key={m.key}>
                    <th scope="row">{m.key}</th>
                    <td>{m.total === null ? '—' : `${n.format(m.total)} / ${n.format(m.scoredMax ?? 0)}`}</td>
                    <td>{n.format(m.received)}</td>
                    <td>{pct(m.onTimeRate, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      )}
      {data.communes.length > 0 && (
        <div className="table-scroll">
          <table className="transparency-table" data-public="communes">
            <caption>{t('portal:transparency.communes')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('portal:transparency.commune')}</th>
                <th scope="col">{t('portal:transparency.points')}</th>
                <th scope="col">{t('portal:transparency.received')}</th>
                <th scope="col">{t('portal:transparency.onTime')}</th>
              </tr>
            </thead>
            <tbody>
              {data.communes.map((c) => (
                <tr key={c.key}>
                  <th scope="row">
                    <Link to={`/minh-bach/${c.key}`}>{c.name}</Link>
                  </th>
                  <td>{c.total === null ? '—' : `${n.format(c.total)} / ${n.format(c.scoredMax ?? 0)}`}</td>
                  <td>{n.format(c.received)}</td>
                  <td>{pct(c.onTimeRate, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
