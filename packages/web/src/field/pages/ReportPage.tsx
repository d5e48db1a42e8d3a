import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/index.ts';
import { formatDate } from '../../format/format.ts';
import { Alert, ButtonAnchor, useDocumentTitle } from '../../ui/index.ts';
import { hamletName } from '../kit.ts';
import { sessionTally } from '../report.ts';
import { useField, useOnline, useOutbox } from '../state.ts';

/** What the team did today, counted on the device; the server's round report once online. */
export function ReportPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { kit } = useField();
  const online = useOnline();
  useDocumentTitle(t('field:report.title'));
  const tally = sessionTally(useOutbox(kit.session.id) ?? []);
  const number = (n: number | null) => (n === null ? '—' : new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 }).format(n));
  const stats: [string, number | null][] = [
    [t('field:report.received'), tally.received],
    [t('field:report.completed'), tally.completedOnSpot],
    [t('field:report.toReturn'), tally.scheduledForReturn],
    [t('field:report.consulted'), tally.consulted],
    [t('field:report.surveys'), tally.surveys],
    [t('field:report.average'), tally.averages.overall],
  ];
  const round = `/api/office/outreach/rounds/${kit.session.roundId}`;
  return (
    <>
      <h1>{t('field:report.title')}</h1>
      <p>
        {formatDate(kit.session.day, lang)} · {kit.session.roundTitle}
      </p>
      <div className="field-grid" data-testid="field-report">
        {stats.map(([label, value]) => (
          <div key={label} className="field-stat">
            <strong>{number(value)}</strong>
            {label}
          </div>
        ))}
      </div>
      {/* Five columns do not fit 360 px: the table scrolls inside its own region, not the page. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region with no focusable content must take focus to be scrolled by keyboard (WCAG 2.1.1, axe scrollable-region-focusable) */}
      <div className="field-table-wrap" role="region" aria-labelledby="by-hamlet" tabIndex={0}>
        <table className="field-table">
          <caption id="by-hamlet">{t('field:report.byHamlet')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field:report.hamlet')}</th>
              <th scope="col">{t('field:report.received')}</th>
              <th scope="col">{t('field:report.completed')}</th>
              <th scope="col">{t('field:report.consulted')}</th>
              <th scope="col">{t('field:report.surveys')}</th>
            </tr>
          </thead>
          <tbody>
            {tally.byHamlet.map((h) => (
              <tr key={h.hamletCode ?? '-'}>
                <th scope="row">{h.hamletCode ? hamletName(kit, h.hamletCode) : t('field:consult.anyHamlet')}</th>
                <td>{h.received}</td>
                <td>{h.completedOnSpot}</td>
                <td>{h.consulted}</td>
                <td>{h.surveys}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('field:report.serverReport')}</h2>
      {online ? (
        <div className="field-actions">
          <ButtonAnchor href={`${round}/report.html`} variant="secondary">
            {t('field:report.html')}
          </ButtonAnchor>
          <ButtonAnchor href={`${round}/report.xlsx`} variant="secondary">
            {t('field:report.xlsx')}
          </ButtonAnchor>
        </div>
      ) : (
        <Alert tone="info" live={false}>
          {t('field:report.needsOnline')}
        </Alert>
      )}
    </>
  );
}
