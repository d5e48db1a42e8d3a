import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/index.ts';
import { formatDate, formatDateTime } from '../../format/format.ts';
import { Alert, ButtonLink, Card, useDocumentTitle } from '../../ui/index.ts';
import { db } from '../db.ts';
import { hamletName } from '../kit.ts';
import { offlineReady } from '../serviceWorker.ts';
import { fieldPaths, useField, useLive } from '../state.ts';

/** The session at a glance: where, who, codes left, whether the app is ready to open offline. */
export function HomePage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { kit } = useField();
  useDocumentTitle(t('field:home.title'));
  const stored = useLive(() => db.kits.get(kit.session.id), [kit.session.id]);
  const [ready, setReady] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    const check = () => void offlineReady().then((ok) => live && setReady(ok));
    check();
    navigator.serviceWorker?.addEventListener('controllerchange', check);
    const timer = window.setInterval(check, 2_000);
    return () => {
      live = false;
      window.clearInterval(timer);
      navigator.serviceWorker?.removeEventListener('controllerchange', check);
    };
  }, []);
  const s = kit.session;
  const codesLeft = stored ? stored.blockSize - stored.nextOffset : null;
  return (
    <>
      <h1>{s.roundTitle}</h1>
      <p>
        <strong>{formatDate(s.day, lang)}</strong> ({t(`field:part.${s.part === 'afternoon' ? 'afternoon' : 'morning'}`)}) · {s.unitName}
      </p>
      <p>{t('field:home.meetingPoint', { place: s.meetingPoint })}</p>
      <p>{t('field:home.hamlets', { names: s.hamletCodes.map((c) => hamletName(kit, c)).join(', ') })}</p>
      <Alert tone={ready ? 'success' : 'info'} live={false}>
        <p data-testid="offline-ready">{ready ? t('field:home.installed') : t('field:home.installing')}</p>
      </Alert>
      <div className="field-actions">
        <ButtonLink to={fieldPaths.receive()}>{t('field:nav.receive')}</ButtonLink>
        <ButtonLink to={fieldPaths.consult} variant="secondary">
          {t('field:nav.consult')}
        </ButtonLink>
        <ButtonLink to={fieldPaths.survey} variant="secondary">
          {t('field:nav.survey')}
        </ButtonLink>
      </div>
      <ul>
        <li>{t('field:home.credential', { time: formatDateTime(kit.credential.expiresAt, lang) })}</li>
        {codesLeft !== null && <li>{t('field:home.codes', { count: codesLeft })}</li>}
      </ul>
      {kit.residentsNeedingHelp.length > 0 && (
        <Card title={t('field:home.residents')}>
          <ul>
            {kit.residentsNeedingHelp.map((r) => (
              <li key={r.id}>
                {r.fullName} — {hamletName(kit, r.hamletCode)} (
                {t(`field:home.reason.${(['elderly', 'disabled', 'ill'] as const).find((x) => x === r.reason) ?? 'other'}`)}){r.note ? `: ${r.note}` : ''}
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card title={t('field:home.team')}>
        <ul>
          {kit.team.map((m) => (
            <li key={m.userId}>{m.fullName}</li>
          ))}
        </ul>
      </Card>
      <p>
        <ButtonLink to={fieldPaths.setup} variant="quiet">
          {t('field:setup.switch')}
        </ButtonLink>
      </p>
    </>
  );
}
