import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isRateable } from '@motcua/core/voice';
import type { Dossier, KioskLink } from '@motcua/core/api';
import { toApiError, type ApiError } from '../api/client.ts';
import { useLanguage } from '../i18n/index.ts';
import { Alert, Button } from '../ui/index.ts';
import { openKiosk } from './api.ts';
import './i18n/index.ts';
import './voice.css';

/** The QR of the kiosk link, drawn locally (as the receipt's QR) for the person's own phone. */
function KioskQr({ url }: { url: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode').then((qrcode) => qrcode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then((m) => live && setSvg(m)));
    return () => {
      live = false;
    };
  }, [url]);
  if (!svg) return null;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: SVG made here from our own URL, no outside input
  return <div className="kiosk-qr" role="img" aria-label={url} dangerouslySetInnerHTML={{ __html: svg }} />;
}

/** On the office dossier page: a one-use rating form for the person at the counter (tablet or QR). */
export function KioskButton({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [link, setLink] = useState<KioskLink | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  if (!isRateable(dossier.state)) return null;
  const url = link ? new URL(link.path, window.location.origin).href : null;
  return (
    <section aria-labelledby="kiosk-title" className="no-print">
      <h2 id="kiosk-title">{t('voice:kiosk.open')}</h2>
      <p className="muted">{t('voice:kiosk.hint')}</p>
      {error && (
        <Alert tone="error">
          <p>{error.messageFor(lang)}</p>
        </Alert>
      )}
      {url ? (
        <>
          <KioskQr url={url} />
          <p>
            <a href={url} target="_blank" rel="noreferrer">
              {t('voice:kiosk.link')}
            </a>
          </p>
        </>
      ) : (
        <Button
          variant="secondary"
          onClick={() => {
            setError(null);
            openKiosk(dossier.code).then(setLink, (e: unknown) => setError(toApiError(e)));
          }}
        >
          {t('voice:kiosk.open')}
        </Button>
      )}
    </section>
  );
}
