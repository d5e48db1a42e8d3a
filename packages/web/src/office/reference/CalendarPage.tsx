import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnouncementKind, HolidayAnnouncement } from '@motcua/core/api';
import { toApiError, type ApiError } from '../../api/client.ts';
import { useResource } from '../../api/useResource.ts';
import { formatDate, formatDateTime } from '../../format/format.ts';
import { useLanguage } from '../../i18n/index.ts';
import { Alert, Badge, Button, Select, TextField, useDocumentTitle } from '../../ui/index.ts';
import { LoadError } from '../../ui/LoadError.tsx';
import { calendarYear, recordAnnouncement, withdrawAnnouncement } from './api.ts';
import './i18n.ts';

function Announcement({ a, onChange }: { a: HolidayAnnouncement; onChange: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <li className="card">
      <p>
        <strong>{formatDate(a.day, lang)}</strong>{' '}
        <Badge tone={a.kind === 'day_off' ? 'warning' : 'neutral'}>{t(`reference:${a.kind === 'day_off' ? 'dayOff' : 'makeUp'}`)}</Badge>
      </p>
      <p>{t('reference:source', { number: a.source.number, date: formatDate(a.source.date, lang), issuer: a.source.issuer })}</p>
      {a.note && <p>{a.note}</p>}
      <p className="muted">{t('reference:recordedBy', { name: a.recordedBy, at: formatDateTime(a.recordedAt, lang) })}</p>
      {a.withdrawnAt ? (
        <p>
          <Badge tone="neutral">{t('reference:withdrawn', { name: a.withdrawnBy, at: formatDateTime(a.withdrawnAt, lang), reason: a.withdrawReason })}</Badge>
        </p>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            withdrawAnnouncement(a.id, reason).then(onChange, (err: unknown) => setError(toApiError(err)));
          }}
        >
          {error && (
            <Alert tone="error">
              <p>{error.messageFor(lang)}</p>
            </Alert>
          )}
          <TextField label={t('reference:withdrawReason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          <Button type="submit" variant="secondary">
            {t('reference:withdraw')}
          </Button>
        </form>
      )}
    </li>
  );
}

/** /can-bo/lich-nghi — the system administrator records announced days off and make-up days. */
export default function CalendarPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  useDocumentTitle(t('reference:calendarTitle'));
  const [year, setYear] = useState(new Date().getFullYear() + 1);
  const data = useResource(`calendar:${year}`, (s) => calendarYear(year, s));
  const [form, setForm] = useState({ day: '', kind: 'day_off' as AnnouncementKind, number: '', date: '', issuer: '', note: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const field = (k: keyof typeof form) => ({ value: form[k], onChange: (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value }) });
  const years = Array.from({ length: 6 }, (_, i) => new Date().getFullYear() - 1 + i);
  const y = data.data;
  return (
    <>
      <h1>{t('reference:calendarTitle')}</h1>
      <p>{t('reference:calendarIntro')}</p>
      <Select
        label={t('reference:year')}
        value={String(year)}
        onChange={(e) => setYear(Number(e.target.value))}
        options={years.map((n) => ({ value: String(n), label: String(n) }))}
      />
      {data.error && <LoadError error={data.error} onRetry={data.retry} />}
      {y && (
        <>
          <Alert tone={y.provisional ? 'warning' : 'info'} live={false}>
            <p>{t(y.provisional ? 'reference:provisional' : 'reference:announced', { year: y.year })}</p>
          </Alert>
          <h2>{t('reference:holidays')}</h2>
          <ul>
            {y.holidays.map((h) => (
              <li key={h.date}>
                {formatDate(h.date, lang)}: {lang === 'vi' ? h.nameVi : h.nameEn}
              </li>
            ))}
          </ul>
          {(y.builtIn.extraDaysOff.length > 0 || y.builtIn.makeUpWorkingDays.length > 0) && (
            <p className="muted">
              {t('reference:builtIn', {
                off: y.builtIn.extraDaysOff.map((d) => formatDate(d, lang)).join(', ') || '—',
                makeUp: y.builtIn.makeUpWorkingDays.map((d) => formatDate(d, lang)).join(', ') || '—',
              })}
            </p>
          )}
          <h2>{t('reference:recorded')}</h2>
          {y.announcements.length === 0 && <p className="muted">{t('reference:none')}</p>}
          <ul className="feedback-queue">
            {y.announcements.map((a) => (
              <Announcement key={a.id} a={a} onChange={data.retry} />
            ))}
          </ul>
        </>
      )}
      <h2>{t('reference:addTitle')}</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setDone(false);
          recordAnnouncement({
            day: form.day,
            kind: form.kind,
            source: { number: form.number, date: form.date, issuer: form.issuer },
            ...(form.note.trim() ? { note: form.note } : {}),
          }).then(
            (a) => {
              setError(null);
              setDone(true);
              setForm({ ...form, day: '', note: '' });
              const announcedYear = Number(a.day.slice(0, 4));
              if (announcedYear === year) data.retry();
              else setYear(announcedYear);
            },
            (err: unknown) => setError(toApiError(err)),
          );
        }}
      >
        {error && (
          <Alert tone="error">
            <p>{error.messageFor(lang)}</p>
          </Alert>
        )}
        {done && (
          <Alert tone="success">
            <p>{t('reference:added')}</p>
          </Alert>
        )}
        <TextField label={t('reference:day')} type="date" required {...field('day')} />
        <Select
          label={t('reference:kind')}
          value={form.kind}
          onChange={(e) => setForm({ ...form, kind: e.target.value as AnnouncementKind })}
          options={[
            { value: 'day_off', label: t('reference:dayOff') },
            { value: 'make_up', label: t('reference:makeUp') },
          ]}
        />
        <TextField label={t('reference:sourceNumber')} required maxLength={80} {...field('number')} />
        <TextField label={t('reference:sourceDate')} type="date" required {...field('date')} />
        <TextField label={t('reference:sourceIssuer')} required maxLength={200} {...field('issuer')} />
        <TextField label={t('reference:note')} maxLength={500} {...field('note')} />
        <Button type="submit">{t('reference:add')}</Button>
      </form>
    </>
  );
}
