import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FEEDBACK_TOPIC_LABEL, FEEDBACK_TOPICS, LEVEL_LABEL, RATING_LEVELS, type FeedbackTopic } from '@motcua/core/voice';
import type { FeedbackReceipt, FeedbackStatus } from '@motcua/core/api';
import { toApiError, type ApiError } from '../api/client.ts';
import { useResource } from '../api/useResource.ts';
import { formatDateTime } from '../format/format.ts';
import { useLanguage } from '../i18n/index.ts';
import { useSession } from '../session/SessionProvider.tsx';
import { Alert, Button, ButtonAnchor, Checkbox, RadioGroup, Select, TextArea, TextField, loginHref, useDocumentTitle } from '../ui/index.ts';
import { fileFeedback, lookupFeedback, publishedAnswers, rateAnswer, sendPhoneCode } from './feedbackApi.ts';
import './i18n/index.ts';
import './voice.css';

function ProblemText({ error }: { error: ApiError | null }) {
  const lang = useLanguage();
  if (!error) return null;
  return (
    <Alert tone="error">
      <p>{error.messageFor(lang)}</p>
    </Alert>
  );
}

/** The form: for a logged-in citizen (VNeID), or anyone who confirms their phone with an SMS code. */
function FileForm({ unit }: { unit: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const session = useSession();
  const me = session.status === 'signedIn' && session.me.kind === 'citizen' ? session.me : null;
  const [form, setForm] = useState({
    unitCode: unit,
    topic: 'procedure' as FeedbackTopic,
    dossierCode: '',
    text: '',
    phone: me?.phoneNumber ?? '',
    publishConsent: false,
    fullName: '',
    phoneCode: '',
  });
  const [codeUntil, setCodeUntil] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<FeedbackReceipt | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  if (receipt)
    return (
      <Alert tone="success">
        <p>{t('voice:feedback.sent', { code: receipt.code, due: formatDateTime(receipt.dueAt, lang) })}</p>
      </Alert>
    );
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        setError(null);
        const { dossierCode, fullName, phoneCode, ...rest } = form;
        fileFeedback({
          ...rest,
          ...(dossierCode.trim() ? { dossierCode: dossierCode.trim() } : {}),
          ...(me ? {} : { fullName: fullName.trim(), phoneCode: phoneCode.trim() }),
        })
          .then(setReceipt, (err: unknown) => setError(toApiError(err)))
          .finally(() => setBusy(false));
      }}
    >
      {!me && (
        <Alert tone="info" live={false} actions={<ButtonAnchor href={loginHref('/phan-anh')}>{t('voice:feedback.login')}</ButtonAnchor>}>
          <p>{t('voice:feedback.needLogin')}</p>
          <p>{t('voice:feedback.orPhone')}</p>
        </Alert>
      )}
      <ProblemText error={error} />
      <TextField
        label={t('voice:feedback.unit')}
        value={form.unitCode}
        onChange={(e) => set({ unitCode: e.target.value })}
        inputMode="numeric"
        className="field--short"
        required
      />
      <Select
        label={t('voice:feedback.topic')}
        value={form.topic}
        onChange={(e) => set({ topic: e.target.value as FeedbackTopic })}
        options={FEEDBACK_TOPICS.map((k) => ({ value: k, label: FEEDBACK_TOPIC_LABEL[k][lang] }))}
      />
      <TextField label={t('voice:feedback.dossierCode')} value={form.dossierCode} onChange={(e) => set({ dossierCode: e.target.value })} autoComplete="off" />
      <TextArea label={t('voice:feedback.text')} value={form.text} onChange={(e) => set({ text: e.target.value })} maxLength={4000} required />
      <TextField
        label={t('voice:feedback.phone')}
        value={form.phone}
        onChange={(e) => set({ phone: e.target.value })}
        inputMode="numeric"
        autoComplete="tel"
        className="field--short"
        required
      />
      {!me && (
        <>
          <TextField
            label={t('voice:feedback.fullName')}
            value={form.fullName}
            onChange={(e) => set({ fullName: e.target.value })}
            autoComplete="name"
            required
          />
          <Button
            type="button"
            variant="secondary"
            disabled={busy}
            onClick={() => {
              setError(null);
              sendPhoneCode(form.phone).then(
                (r) => setCodeUntil(r.expiresAt),
                (err: unknown) => setError(toApiError(err)),
              );
            }}
          >
            {t('voice:feedback.sendCode')}
          </Button>
          {codeUntil && <p role="status">{t('voice:feedback.codeSent', { until: formatDateTime(codeUntil, lang) })}</p>}
          <TextField
            label={t('voice:feedback.phoneCode')}
            value={form.phoneCode}
            onChange={(e) => set({ phoneCode: e.target.value })}
            inputMode="numeric"
            autoComplete="one-time-code"
            className="field--short"
            required
          />
        </>
      )}
      <Checkbox label={t('voice:feedback.publish')} checked={form.publishConsent} onChange={(e) => set({ publishConsent: e.target.checked })} />
      <Button type="submit" disabled={busy}>
        {t('voice:feedback.send')}
      </Button>
    </form>
  );
}

/** Look-up by code + phone, the answer, and the person's rating of it. */
function Lookup() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [params] = useSearchParams();
  // The answer notice links here with the code (?ma=); the phone proves the item is theirs.
  const [code, setCode] = useState(params.get('ma') ?? '');
  const [phone, setPhone] = useState('');
  const [status, setStatus] = useState<FeedbackStatus | null>(null);
  const [level, setLevel] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const run = (p: Promise<FeedbackStatus>) => {
    setError(null);
    p.then(setStatus, (e: unknown) => setError(toApiError(e)));
  };
  return (
    <section aria-labelledby="feedback-lookup">
      <h2 id="feedback-lookup">{t('voice:feedback.lookupTitle')}</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          run(lookupFeedback(code, phone));
        }}
      >
        <TextField label={t('voice:feedback.code')} value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" spellCheck={false} />
        <TextField label={t('voice:feedback.phone')} value={phone} onChange={(e) => setPhone(e.target.value)} inputMode="numeric" className="field--short" />
        <Button type="submit" variant="secondary">
          {t('voice:feedback.lookup')}
        </Button>
      </form>
      <ProblemText error={error} />
      {status && (
        <div className="card feedback-status">
          <p>{status.text}</p>
          {!status.answer && <p>{t('voice:feedback.waiting', { due: formatDateTime(status.dueAt, lang) })}</p>}
          {status.answer && (
            <>
              <h3>{t('voice:feedback.answer')}</h3>
              <p>{status.answer}</p>
              {status.answerRating ? (
                <p>{t('voice:feedback.rated', { level: LEVEL_LABEL[status.answerRating as 1][lang] })}</p>
              ) : (
                <>
                  <RadioGroup
                    legend={t('voice:feedback.rateAnswer')}
                    name="answer-rating"
                    value={level}
                    onChange={setLevel}
                    options={[...RATING_LEVELS].reverse().map((l) => ({ value: String(l), label: `${LEVEL_LABEL[l][lang]} (${l})` }))}
                  />
                  <Button disabled={!level} onClick={() => run(rateAnswer(status.code, phone, Number(level)))}>
                    {t('voice:feedback.rateSend')}
                  </Button>
                </>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}

/** Answers published with consent: topic, masked question, answer, month — nobody named. */
function Published({ unit }: { unit: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = useResource(`published:${unit}`, /^\d{5}$/.test(unit) ? (s) => publishedAnswers(unit, s) : null);
  return (
    <section aria-labelledby="feedback-published">
      <h2 id="feedback-published">{t('voice:feedback.publishedTitle')}</h2>
      {list.data && list.data.items.length === 0 && <p className="muted">{t('voice:feedback.none')}</p>}
      <ul className="published-answers">
        {list.data?.items.map((a, i) => (
          <li key={i} className="card">
            <p className="muted">
              {FEEDBACK_TOPIC_LABEL[a.topic][lang]} · {a.month}
            </p>
            <p>{a.question}</p>
            <p>
              <strong>{t('voice:feedback.answer')}:</strong> {a.answer}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** /phan-anh?xa=30421 — file, follow, and read the commune's published answers. */
export default function FeedbackPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('voice:feedback.title'));
  const [params] = useSearchParams();
  const unit = params.get('xa') ?? '';
  return (
    <>
      <h1>{t('voice:feedback.title')}</h1>
      <p>{t('voice:feedback.intro')}</p>
      <FileForm unit={unit} />
      <Lookup />
      {unit && <Published unit={unit} />}
    </>
  );
}
