import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/index.ts';
import { useLanguage } from '../../i18n/index.ts';
import type { DossierFigures, Insights } from '@motcua/core/api';
import type { Channel } from '@motcua/core/api';
import { barWidth, percent, ratioText } from './figures.ts';

export const numberFormat = (lang: Language) => new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB');

/** A Vietnam calendar date (YYYY-MM-DD) as dd/mm/yyyy, the way both audiences read it. */
export function shortDate(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(`${iso}T12:00:00+07:00`),
  );
}

const CHANNELS: Channel[] = ['online', 'counter', 'outreach', 'postal'];

/** Received dossiers per channel: a real table, the bar only repeats the percentage for the eye. */
export function ChannelTable({ figures }: { figures: DossierFigures }) {
  const { t } = useTranslation();
  const n = numberFormat(useLanguage());
  return (
    <table className="insights-table insights-channels">
      <caption>{t('office:insights.channels')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('office:insights.channel')}</th>
          <th scope="col" className="num">
            {t('office:insights.count')}
          </th>
          <th scope="col">{t('office:insights.share')}</th>
        </tr>
      </thead>
      <tbody>
        {CHANNELS.map((channel) => {
          const p = percent(figures[channel], figures.received);
          return (
            <tr key={channel} data-channel={channel}>
              <th scope="row">{t(`channel.${channel}`)}</th>
              <td className="num">{n.format(figures[channel])}</td>
              <td>
                <span className="bar">
                  {figures[channel] > 0 && <span className="bar__fill" style={{ width: barWidth(figures[channel], figures.received) }} aria-hidden="true" />}
                  <span className="bar__text">{p === null ? '—' : `${p}%`}</span>
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** A province's communes side by side; scrolls sideways on a phone (and by keyboard). */
export function CommuneTable({ rows }: { rows: Insights['communes'] }) {
  const { t } = useTranslation();
  const n = numberFormat(useLanguage());
  if (rows.length === 0) {
    return (
      <section aria-labelledby="insights-communes">
        <h2 id="insights-communes">{t('office:insights.communes')}</h2>
        <p>{t('office:insights.noCommunes')}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="insights-communes">
      <h2 id="insights-communes">{t('office:insights.communes')}</h2>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be reachable by keyboard (axe scrollable-region-focusable) */}
      <div className="table-scroll" role="region" aria-labelledby="insights-communes-caption" tabIndex={0}>
        <table className="insights-table">
          <caption id="insights-communes-caption">{t('office:insights.communesCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('office:insights.commune')}</th>
              <th scope="col" className="num">
                {t('office:insights.received')}
              </th>
              <th scope="col" className="num">
                {t('office:insights.onlineRate')}
              </th>
              <th scope="col" className="num">
                {t('office:insights.finished')}
              </th>
              <th scope="col" className="num">
                {t('office:insights.onTimeRate')}
              </th>
              <th scope="col" className="num">
                {t('office:insights.lateNow')}
              </th>
              <th scope="col" className="num">
                {t('office:insights.apologies')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.code}>
                <th scope="row">{row.fullName}</th>
                <td className="num">{n.format(row.received)}</td>
                <td className="num">{ratioText(row.online, row.received, n)}</td>
                <td className="num">{n.format(row.finished)}</td>
                <td className="num">{ratioText(row.finishedOnTime, row.finished, n)}</td>
                <td className="num">{n.format(row.lateNow)}</td>
                <td className="num">{n.format(row.apologies)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
