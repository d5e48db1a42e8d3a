import { useTranslation } from 'react-i18next';
import type { BreakdownRow, Insights } from '@motcua/core/api';
import { useLanguage } from '../../i18n/index.ts';
import { excelUrl } from './api.ts';
import { numberFormat } from './InsightsTables.tsx';

const pct = (v: number | null, lang: string) =>
  v === null ? '—' : new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(v);
const num = (v: number | null, n: Intl.NumberFormat) => (v === null ? '—' : n.format(v));

/** The Decision 766 scorecard: each group's indicators with numerator, denominator, rate and points, as tables. */
export function Decision766({ data }: { data: Insights }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const n = numberFormat(lang);
  return (
    <section aria-labelledby="insights-766">
      <h2 id="insights-766">{t('office:insights.d766')}</h2>
      <p className="insights-sentence" data-figure="d766-total">
        {t('office:insights.d766Total', { total: n.format(data.total), scored: n.format(data.scoredMax), max: n.format(data.max) })}
      </p>
      <p>
        <a className="button" href={excelUrl(data.unit.code, data.period)} download data-action="excel">
          {t('office:insights.excel')}
        </a>
      </p>
      {data.groups.map((g) => (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be reachable by keyboard (axe scrollable-region-focusable)
        <div className="table-scroll" key={g.key} role="region" aria-label={lang === 'vi' ? g.name : g.nameEn} tabIndex={0}>
          <table className="insights-table" data-group={g.key}>
            <caption>
              {lang === 'vi' ? g.name : g.nameEn} — {g.score === null ? '—' : n.format(g.score)} / {g.max === null ? '—' : n.format(g.max)}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('office:insights.indicator')}</th>
                <th scope="col">{t('office:insights.numerator')}</th>
                <th scope="col">{t('office:insights.denominator')}</th>
                <th scope="col">{t('office:insights.value')}</th>
                <th scope="col">{t('office:insights.points')}</th>
              </tr>
            </thead>
            <tbody>
              {g.indicators.map((i) => (
                <tr key={i.key} data-indicator={i.key}>
                  <th scope="row">
                    {lang === 'vi' ? i.name : i.nameEn}
                    {i.note && <span className="muted"> — {lang === 'vi' ? i.note : i.noteEn}</span>}
                  </th>
                  <td>{num(i.numerator, n)}</td>
                  <td>{num(i.denominator, n)}</td>
                  <td>{pct(i.value, lang)}</td>
                  <td>
                    {num(i.score, n)} / {num(i.max, n)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

/** A breakdown (communes ranked weakest first, or months) as a table with a one-line summary. */
export function BreakdownTable({ id, title, rows, ranked }: { id: string; title: string; rows: BreakdownRow[]; ranked?: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const n = numberFormat(lang);
  if (rows.length === 0) return null;
  const first = rows[0]!;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {ranked && first.total !== null && (
        <p className="insights-sentence" data-figure="ranking-summary">
          {t('office:insights.rankingSummary', { name: first.name, total: n.format(first.total) })}
        </p>
      )}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be reachable by keyboard (axe scrollable-region-focusable) */}
      <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
        <table className="insights-table" data-breakdown={id}>
          <thead>
            <tr>
              <th scope="col">{ranked ? t('office:insights.unit') : t('office:insights.months')}</th>
              <th scope="col">{t('office:insights.score')}</th>
              <th scope="col">{t('office:insights.received')}</th>
              <th scope="col">{t('office:insights.onlineRate')}</th>
              <th scope="col">{t('office:insights.onTimeRate')}</th>
              {ranked && <th scope="col">{t('office:insights.weakest')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.name}</th>
                <td>{r.total === null ? '—' : `${n.format(r.total)} / ${n.format(r.scoredMax ?? 0)}`}</td>
                <td>{n.format(r.received)}</td>
                <td>{pct(r.onlineRate, lang)}</td>
                <td>{pct(r.onTimeRate, lang)}</td>
                {ranked && <td>{r.weakest ?? '—'}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
