import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Insights } from '@motcua/core/api';
import { Chart } from '../../charts/Chart.tsx';
import { useLanguage } from '../../i18n/index.ts';
import { channelMix, onTimeByProcedure, ranking, trend } from './charts.ts';
import { numberFormat } from './InsightsTables.tsx';

const pct = (v: number | null, lang: string) =>
  v === null ? '—' : new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(v);

const k = 'office:insights.charts' as const;

/** The leaders' charts: monthly trend, channel mix, on time by procedure, and (province) communes ranked. */
export function InsightsCharts({ data }: { data: Insights }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const n = numberFormat(lang);
  const tr = useMemo(() => trend(data.months), [data.months]);
  const mix = useMemo(() => channelMix(data.dossiers), [data.dossiers]);
  const proc = useMemo(() => onTimeByProcedure(data.procedures), [data.procedures]);
  const rank = useMemo(() => ranking(data.communes.length ? data.breakdown.rows : []), [data.communes, data.breakdown.rows]);

  const trendData = useMemo(
    () => ({
      labels: tr.labels,
      series: [
        { name: t(`${k}.received`), values: tr.received },
        { name: t(`${k}.online`), values: tr.online },
      ],
    }),
    [tr, t],
  );
  const mixData = useMemo(() => ({ labels: mix.channels.map((ch) => t(`channel.${ch}`)), series: [{ name: t(`${k}.count`), values: mix.counts }] }), [mix, t]);
  const procData = useMemo(
    () => ({ labels: proc.rows.map((p) => p.name), series: [{ name: t(`${k}.onTime`), values: proc.rows.map((p) => p.onTimeRate) }] }),
    [proc, t],
  );
  const rankData = useMemo(() => ({ labels: rank.rows.map((r) => r.name), series: [{ name: t(`${k}.share`), values: rank.shares }] }), [rank, t]);

  return (
    <section aria-labelledby="insights-charts">
      <h2 id="insights-charts">{t('office:insights.charts.title')}</h2>
      {tr.labels.length > 0 && (
        <Chart
          id="chart-trend"
          kind="line"
          data={trendData}
          summary={
            tr.busiest
              ? t('office:insights.charts.trendSummary', {
                  month: tr.busiest.month,
                  received: n.format(tr.busiest.received),
                  online: n.format(tr.busiest.online),
                })
              : t('office:insights.charts.trendEmpty')
          }
          tableLabel={t('office:insights.charts.table')}
          table={
            <table className="insights-table">
              <thead>
                <tr>
                  <th scope="col">{t('office:insights.charts.month')}</th>
                  <th scope="col">{t('office:insights.charts.received')}</th>
                  <th scope="col">{t('office:insights.charts.online')}</th>
                </tr>
              </thead>
              <tbody>
                {tr.labels.map((m, i) => (
                  <tr key={m}>
                    <th scope="row">{m}</th>
                    <td>{n.format(tr.received[i]!)}</td>
                    <td>{n.format(tr.online[i]!)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      )}
      <Chart
        id="chart-channels"
        kind="bars"
        data={mixData}
        summary={
          mix.top
            ? t('office:insights.charts.channelSummary', { channel: t(`channel.${mix.top.channel}`), share: pct(mix.top.share, lang) })
            : t('office:insights.charts.channelEmpty')
        }
        tableLabel={t('office:insights.charts.table')}
        table={
          <table className="insights-table">
            <thead>
              <tr>
                <th scope="col">{t('office:insights.channel')}</th>
                <th scope="col">{t('office:insights.count')}</th>
              </tr>
            </thead>
            <tbody>
              {mix.channels.map((ch, i) => (
                <tr key={ch}>
                  <th scope="row">{t(`channel.${ch}`)}</th>
                  <td>{n.format(mix.counts[i]!)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      {proc.rows.length > 0 && (
        <Chart
          id="chart-procedures"
          kind="bars"
          percent
          data={procData}
          summary={proc.lowest ? t('office:insights.charts.procedureSummary', { name: proc.lowest.name, share: pct(proc.lowest.onTimeRate, lang) }) : ''}
          tableLabel={t('office:insights.charts.table')}
          table={
            <table className="insights-table">
              <thead>
                <tr>
                  <th scope="col">{t('office:insights.charts.procedure')}</th>
                  <th scope="col">{t('office:insights.early')}</th>
                  <th scope="col">{t('office:insights.onTime')}</th>
                  <th scope="col">{t('office:insights.late')}</th>
                  <th scope="col">{t('office:insights.charts.onTime')}</th>
                </tr>
              </thead>
              <tbody>
                {proc.rows.map((p) => (
                  <tr key={p.code}>
                    <th scope="row">{p.name}</th>
                    <td>{n.format(p.early)}</td>
                    <td>{n.format(p.onTime)}</td>
                    <td>{n.format(p.late)}</td>
                    <td>{pct(p.onTimeRate, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      )}
      {rank.weakest && (
        <Chart
          id="chart-ranking"
          kind="bars"
          percent
          data={rankData}
          summary={t('office:insights.charts.rankingSummary', {
            name: rank.weakest.name,
            share: pct(rank.shares[0]!, lang),
            count: n.format(rank.rows.length),
          })}
          tableLabel={t('office:insights.charts.table')}
          table={
            <table className="insights-table">
              <thead>
                <tr>
                  <th scope="col">{t('office:insights.charts.rank')}</th>
                  <th scope="col">{t('office:insights.commune')}</th>
                  <th scope="col">{t('office:insights.score')}</th>
                  <th scope="col">{t('office:insights.charts.share')}</th>
                </tr>
              </thead>
              <tbody>
                {rank.rows.map((r, i) => (
                  <tr key={r.key}>
                    <td>{i + 1}</td>
                    <th scope="row">{r.name}</th>
                    <td>
                      {n.format(r.total!)} / {n.format(r.scoredMax!)}
                    </td>
                    <td>{pct(rank.shares[i]!, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      )}
    </section>
  );
}
