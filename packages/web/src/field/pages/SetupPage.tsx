import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, api, toApiError } from '../../api/client.ts';
import { useLanguage } from '../../i18n/index.ts';
import { getMe } from '../../api/dossiers.ts';
import { formatDate } from '../../format/format.ts';
import type { Me } from '@motcua/core/api';
import { Alert, Button, ButtonAnchor, Card, Spinner, loginHref, useDocumentTitle } from '../../ui/index.ts';
import { addDays, vnDate } from '@motcua/core/calendar';
import { fieldNow, timed } from '../clock.ts';
import { db, deviceId, deviceSealer, saveKit, type StoredKit } from '../db.ts';
import type { RoundList, RoundView } from '@motcua/core/api';
import type { FieldKit, PlannedSession } from '../kit.ts';
import { fieldPaths, useLive, useOnline } from '../state.ts';

type Official = Extract<Me, { kind: 'official' }>;
const FIELD_ROLES = ['outreach', 'receptionist'];

interface Choice extends PlannedSession {
  roundTitle: string;
}

/** The sessions the official can work: planned, from today on, of rounds they are on. */
async function upcomingSessions(official: Official): Promise<Choice[]> {
  // A day of slack: before its first kit the phone's clock is not corrected yet (clock.ts), and a
  // phone running fast near midnight would otherwise hide today's session.
  const from = addDays(vnDate(fieldNow()), -1);
  const out: Choice[] = [];
  for (const unit of official.unitCodes) {
    const { items } = await api.get<RoundList>('/api/office/outreach/rounds', { query: { unit } });
    for (const round of items.filter((r) => r.teamUserIds.includes(official.userId))) {
      const full = await api.get<RoundView>(`/api/office/outreach/rounds/${round.id}`);
      out.push(...full.sessions.filter((s) => s.status === 'planned' && s.day >= from).map((s) => ({ ...s, roundTitle: round.title })));
    }
  }
  return out.sort((a, b) => `${a.day} ${a.startsAt}`.localeCompare(`${b.day} ${b.startsAt}`)).slice(0, 12);
}

type Load =
  | { status: 'loading' }
  | { status: 'login' }
  | { status: 'notField' }
  | { status: 'error'; message: string }
  | { status: 'ready'; sessions: Choice[] };

/** Before leaving: sign in, pick a session, download its kit into IndexedDB (sealed). */
export function SetupPage({ onKit }: { onKit: () => Promise<void> }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const online = useOnline();
  const navigate = useNavigate();
  useDocumentTitle(t('field:setup.title'));
  const kits = useLive(() => db.kits.toArray(), []);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  useEffect(() => {
    if (!online) return;
    let live = true;
    (async () => {
      try {
        const me = await getMe();
        if (me.kind !== 'official') return live && setLoad({ status: 'login' });
        if (!me.roles.some((r) => FIELD_ROLES.includes(r))) return live && setLoad({ status: 'notField' });
        const sessions = await upcomingSessions(me);
        if (live) setLoad({ status: 'ready', sessions });
      } catch (e) {
        const error = toApiError(e);
        if (live) setLoad(error.status === 401 ? { status: 'login' } : { status: 'error', message: error.messageFor(lang) });
      }
    })();
    return () => {
      live = false;
    };
  }, [online, lang]);

  const download = async (session: Choice) => {
    setBusy(session.id);
    setMessage(null);
    try {
      const id = await deviceId();
      // The kit's server clock gives the first reading of this phone's offset (clock.ts).
      const kit = await timed(() => api.get<FieldKit>(`/api/office/outreach/sessions/${session.id}/kit`, { query: { deviceId: id } }));
      await saveKit(kit, await deviceSealer());
      setMessage({ tone: 'success', text: t('field:setup.downloaded', { day: formatDate(kit.session.day, lang) }) });
      await onKit();
      navigate(fieldPaths.home);
    } catch (e) {
      setMessage({ tone: 'error', text: e instanceof ApiError ? e.messageFor(lang) : String(e) });
    } finally {
      setBusy(null);
    }
  };

  const open = async (kit: StoredKit) => {
    await db.meta.put({ key: 'activeSession', value: kit.sessionId });
    await onKit();
    navigate(fieldPaths.home);
  };

  return (
    <>
      <h1>{t('field:setup.title')}</h1>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {kits && kits.length > 0 && (
        <Card title={t('field:setup.kits')}>
          <ul className="field-list">
            {kits.map((k) => (
              <li key={k.sessionId} className="field-row">
                <span>
                  {t('field:setup.sessionLine', {
                    day: formatDate(k.day, lang),
                    part: t(`field:part.${k.part === 'afternoon' ? 'afternoon' : 'morning'}`),
                    round: k.roundTitle,
                  })}
                </span>
                <Button variant="secondary" onClick={() => void open(k)}>
                  {t('field:setup.open')}
                </Button>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {!online ? (
        <Alert tone="warning">{t('field:setup.offlineNoKit')}</Alert>
      ) : load.status === 'loading' ? (
        <Spinner label={t('common.loading')} />
      ) : load.status === 'login' ? (
        <Alert tone="info" live={false} actions={<ButtonAnchor href={loginHref(fieldPaths.home)}>{t('field:setup.loginAction')}</ButtonAnchor>}>
          <p>{t('field:setup.loginText')}</p>
        </Alert>
      ) : load.status === 'notField' ? (
        <Alert tone="warning">{t('field:setup.notFieldRole')}</Alert>
      ) : load.status === 'error' ? (
        <Alert tone="error">{load.message}</Alert>
      ) : (
        <section aria-labelledby="sessions-title">
          <h2 id="sessions-title">{t('field:setup.sessionsTitle')}</h2>
          {load.sessions.length === 0 && <p>{t('field:setup.noSessions')}</p>}
          <ul className="field-list">
            {load.sessions.map((s) => (
              <li key={s.id}>
                <p>
                  <strong>
                    {t('field:setup.sessionLine', {
                      day: formatDate(s.day, lang),
                      part: t(`field:part.${s.part === 'afternoon' ? 'afternoon' : 'morning'}`),
                      round: s.roundTitle,
                    })}
                  </strong>
                </p>
                <p>
                  {t('field:home.meetingPoint', { place: s.meetingPoint })} · {s.startsAt}
                </p>
                <Button onClick={() => void download(s)} disabled={busy !== null} aria-label={`${t('field:setup.download')}: ${formatDate(s.day, lang)}`}>
                  {busy === s.id ? t('field:setup.downloading') : t('field:setup.download')}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
