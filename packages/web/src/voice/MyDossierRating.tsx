import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isRateable } from '@motcua/core/voice';
import type { Dossier } from '@motcua/core/api';
import { Alert, Button } from '../ui/index.ts';
import { RatingForm } from './RatingForm.tsx';
import './i18n/index.ts';

/** "Đánh giá" on a dossier of "Hồ sơ của tôi", once its outcome is known and while it is not rated. */
export function MyDossierRating({ dossier, rated }: { dossier: Dossier; rated: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  if (!isRateable(dossier.state)) return null;
  if (rated || done) {
    return (
      <Alert tone="success" live={done}>
        <p>{done ? t('voice:rate.thanks') : t('voice:rate.rated')}</p>
      </Alert>
    );
  }
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t('voice:rate.rateButton')}
      </Button>
    );
  }
  return (
    <section aria-label={t('voice:rate.title')}>
      <h3>{t('voice:rate.title')}</h3>
      <p className="muted">{t('voice:rate.intro')}</p>
      <RatingForm code={dossier.code} online={dossier.channel === 'online'} onDone={() => setDone(true)} />
    </section>
  );
}
