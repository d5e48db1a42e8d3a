import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CRITERION_LABEL, LEVEL_LABEL, RATING_CRITERIA, RATING_LEVELS, type RatingCriterion } from '@motcua/core/voice';
import type { RatingBody, RatingReceipt } from '@motcua/core/api';
import { toApiError, type ApiError } from '../api/client.ts';
import { useLanguage } from '../i18n/index.ts';
import { Alert, Button, RadioGroup, TextArea } from '../ui/index.ts';
import { rateDossier } from './api.ts';
import './i18n/index.ts';
import './voice.css';

/**
 * The rating questionnaire: each criterion as five worded choices (not stars: elderly people read
 * "Hài lòng" more surely than count stars), "overall" first and required, the rest optional.
 * `online` leaves out the online-service criterion for a dossier handed in at the counter.
 */
export function RatingForm({ code, token, online, onDone }: { code: string; token?: string; online: boolean; onDone: (r: RatingReceipt) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [scores, setScores] = useState<Partial<Record<RatingCriterion, number>>>({});
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState(false);
  const criteria: RatingCriterion[] = ['overall', ...RATING_CRITERIA.filter((c) => c !== 'overall' && (online || c !== 'online'))];
  const options = [...RATING_LEVELS].reverse().map((l) => ({ value: String(l), label: `${LEVEL_LABEL[l][lang]} (${l})` }));

  const send = async () => {
    if (!scores.overall) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    setError(null);
    try {
      const body = { scores: scores as RatingBody['scores'], ...(comment.trim() ? { comment: comment.trim() } : {}), ...(token ? { token } : {}) };
      onDone(await rateDossier(code, body));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="rating-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      {missing && (
        <Alert tone="error">
          <p>{t('voice:rate.needOverall')}</p>
        </Alert>
      )}
      {error && (
        <Alert tone="error">
          <p>{error.messageFor(lang)}</p>
        </Alert>
      )}
      {criteria.map((c, i) => (
        <div key={c}>
          {i === 1 && <p className="muted">{t('voice:rate.optional')}</p>}
          <RadioGroup
            legend={CRITERION_LABEL[c][lang]}
            name={`rating-${c}`}
            options={options}
            value={scores[c] ? String(scores[c]) : ''}
            onChange={(v) => setScores((s) => ({ ...s, [c]: Number(v) }))}
            required={c === 'overall'}
            {...(c === 'overall' && missing ? { error: t('voice:rate.needOverall') } : {})}
          />
        </div>
      ))}
      <TextArea
        label={t('voice:rate.comment')}
        hint={t('voice:rate.commentHint')}
        value={comment}
        maxLength={1000}
        onChange={(e) => setComment(e.target.value)}
      />
      <Button type="submit" disabled={busy} block>
        {busy ? t('voice:rate.sending') : t('voice:rate.send')}
      </Button>
    </form>
  );
}
