import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FEEDBACK_TOPIC_LABEL } from '@motcua/core/voice';
import type { FeedbackItem } from '@motcua/core/api';
import { toApiError, type ApiError } from '../api/client.ts';
import { useResource } from '../api/useResource.ts';
import { formatDateTime } from '../format/format.ts';
import { useLanguage } from '../i18n/index.ts';
import { useOfficial } from '../office/context.ts';
import { Alert, Badge, Button, TextArea, useDocumentTitle } from '../ui/index.ts';
import { LoadError } from '../ui/LoadError.tsx';
import { answerFeedback, feedbackQueue } from './feedbackApi.ts';
import './i18n/index.ts';
import './voice.css';

const STAGE_TONE = { late: 'danger', due_soon: 'warning', on_time: 'neutral', answered: 'success' } as const;
const STAGE_KEY = { late: 'late', due_soon: 'dueSoon', on_time: 'onTime', answered: 'answered' } as const;

function Item({ item, onAnswered }: { item: FeedbackItem; onAnswered: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [answer, setAnswer] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <li className="card feedback-item">
      <p>
        <strong>{item.code}</strong> <Badge tone={STAGE_TONE[item.stage]}>{t(`voice:feedback.${STAGE_KEY[item.stage]}`)}</Badge>{' '}
        {t('voice:feedback.due', { due: formatDateTime(item.dueAt, lang) })}
      </p>
      <p className="muted">
        {FEEDBACK_TOPIC_LABEL[item.topic][lang]} · {item.fullName} · {item.phone}
        {item.dossierCode ? ` · ${item.dossierCode}` : ''}
      </p>
      <p>{item.text}</p>
      {item.answer ? (
        <p>
          <strong>{t('voice:feedback.answer')}:</strong> {item.answer}
        </p>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            answerFeedback(item.code, answer).then(onAnswered, (err: unknown) => setError(toApiError(err)));
          }}
        >
          {error && (
            <Alert tone="error">
              <p>{error.messageFor(lang)}</p>
            </Alert>
          )}
          <TextArea label={`${t('voice:feedback.answerLabel')} ${item.code}`} value={answer} onChange={(e) => setAnswer(e.target.value)} maxLength={8000} />
          <Button type="submit">{t('voice:feedback.answerSend')}</Button>
        </form>
      )}
    </li>
  );
}

/** /can-bo/phan-anh — the unit's feedback, the most urgent first, with the answer form. */
export default function OfficeFeedbackPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('voice:feedback.queueTitle'));
  const official = useOfficial();
  const unit = official.unitCodes.find((u) => /^\d{5}$/.test(u)) ?? '';
  const queue = useResource(`feedback:${unit}`, unit ? (s) => feedbackQueue(unit, s) : null);
  return (
    <>
      <h1>{t('voice:feedback.queueTitle')}</h1>
      {queue.error && <LoadError error={queue.error} onRetry={queue.retry} />}
      {queue.data && queue.data.items.length === 0 && <p className="muted">{t('voice:feedback.queueEmpty')}</p>}
      <ul className="feedback-queue">
        {queue.data?.items.map((i) => (
          <Item key={i.code} item={i} onAnswered={queue.retry} />
        ))}
      </ul>
    </>
  );
}
