import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../api/client.ts';
import { myNotificationPreference, saveNotificationPreference, type NotificationPreference } from '../api/notifications.ts';
import { useResource } from '../api/useResource.ts';
import { formatDateTime } from '../format/format.ts';
import { useLanguage } from '../i18n/index.ts';
import { Alert, Button, Checkbox, RadioGroup, TextField } from '../ui/index.ts';
import './i18n.ts';

/** "Hồ sơ của tôi": Zalo or SMS for phone notices, Zalo only with the citizen's recorded consent. */
export function NoticeChannelPanel({ defaultPhone }: { defaultPhone?: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const state = useResource('my-notice-channel', (signal) => myNotificationPreference(signal));
  const [channel, setChannel] = useState<'sms' | 'zalo'>('sms');
  const [phone, setPhone] = useState(defaultPhone ?? '');
  const [consent, setConsent] = useState(false);
  const [saved, setSaved] = useState<NotificationPreference | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const current = saved ?? state.data?.preference ?? null;
  useEffect(() => {
    const p = state.data?.preference;
    if (p) {
      setChannel(p.channel);
      setPhone(`0${p.phone.slice(2)}`);
      setConsent(p.channel === 'zalo');
    }
  }, [state.data]);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      setSaved(await saveNotificationPreference({ channel, phone, consent: channel === 'zalo' && consent }));
    } catch (e) {
      setError(toApiError(e).messageFor(lang));
    } finally {
      setBusy(false);
    }
  };
  const name = (c: 'sms' | 'zalo') => t(c === 'zalo' ? 'notices:channel.zalo' : 'notices:channel.sms');
  return (
    <section className="card notice-channel" aria-labelledby="notice-channel-title">
      <h2 id="notice-channel-title" className="card__title">
        {t('notices:channel.title')}
      </h2>
      <p>{t('notices:channel.intro')}</p>
      {current && !saved && <p className="muted">{t('notices:channel.current', { channel: name(current.channel), phone: `0${current.phone.slice(2)}` })}</p>}
      <RadioGroup
        legend={t('notices:channel.legend')}
        name="notice-channel"
        value={channel}
        onChange={(v) => setChannel(v === 'zalo' ? 'zalo' : 'sms')}
        options={[
          { value: 'zalo', label: t('notices:channel.zalo'), hint: t('notices:channel.zaloHint') },
          { value: 'sms', label: t('notices:channel.sms') },
        ]}
      />
      <TextField label={t('notices:channel.phone')} inputMode="tel" autoComplete="tel" value={phone} onChange={(e) => setPhone(e.target.value)} />
      {channel === 'zalo' && (
        <Checkbox label={t('notices:channel.consent')} hint={state.data?.zaloConsentText} checked={consent} onChange={(e) => setConsent(e.target.checked)} />
      )}
      {error && <Alert tone="error" title={error} />}
      {saved && <Alert tone="success" title={t('notices:channel.saved', { channel: name(saved.channel), at: formatDateTime(saved.consentedAt, lang) })} />}
      <Button block onClick={save} disabled={busy || (channel === 'zalo' && !consent)}>
        {t('notices:channel.save')}
      </Button>
    </section>
  );
}
