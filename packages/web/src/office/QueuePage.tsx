import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { toApiError, type ApiError } from '../api/client.ts';
import { useResource } from '../api/useResource.ts';
import { useLanguage } from '../i18n/index.ts';
import { hamletsOf, officeQueue } from '../api/dossiers.ts';
import { StateBadge, TimelinessBadge } from '../dossier/DossierBits.tsx';
import { formatDate } from '../format/format.ts';
import { LoadError } from '../ui/LoadError.tsx';
import type { QueueItem } from '@motcua/core/api';
import { DOSSIER_STATES } from '@motcua/core/dossier';
import { useDebouncedValue } from '../ui/useDebouncedValue.ts';
import { SHOW_FINISHED_PARAM, filtersFrom } from './queueFilters.ts';
import { Button, Checkbox, Select, Spinner, TextField, useDocumentTitle } from '../ui/index.ts';
import { officePaths, useOfficial } from './context.ts';
import './i18n/index.ts'; // this app's text (i18n namespace), registered before the page renders

const CHANNELS = ['online', 'counter', 'outreach', 'postal'] as const;
const SEARCH_ID = 'queue-search';
// Typing filters the list after a short pause; Enter still applies it at once.
const SEARCH_DELAY_MS = 400;

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

export default function QueuePage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const official = useOfficial();
  useDocumentTitle(t('office:queue.title'));
  const [params, setParams] = useSearchParams();
  const defaultUnit = official.unitCodes.find((u) => /^\d{5}$/.test(u));
  const filters = filtersFrom(params, defaultUnit);
  const key = JSON.stringify(filters);
  const [search, setSearch] = useState(filters.q ?? '');
  const typed = useDebouncedValue(search.trim(), SEARCH_DELAY_MS);
  const first = useResource(`queue:${key}`, (signal) => officeQueue({ ...filters, limit: 50 }, signal));
  const [more, setMore] = useState<{ key: string; items: QueueItem[]; cursor: string | null } | null>(null);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const [selected, setSelected] = useState(0);
  const rowLinks = useRef<(HTMLAnchorElement | null)[]>([]);
  const hamlets = useResource(`hamlets:${filters.unit}`, filters.unit ? (signal) => hamletsOf(filters.unit!, signal) : null);

  const extra = more?.key === key ? more : null;
  const items = useMemo(() => [...(first.data?.items ?? []), ...(extra?.items ?? [])], [first.data, extra]);
  const cursor = extra ? extra.cursor : (first.data?.nextCursor ?? null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new query (key) starts at the first row again
  useEffect(() => setSelected(0), [key]);

  // j/k move, Enter opens (the focused link does it natively), / jumps to search.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) {
        if (event.key === 'Escape') (event.target as HTMLElement).blur();
        return;
      }
      if (event.key === '/') {
        event.preventDefault();
        document.getElementById(SEARCH_ID)?.focus();
      } else if (event.key === 'j' || event.key === 'k') {
        if (items.length === 0) return;
        event.preventDefault();
        setSelected((current) => {
          const next = Math.min(Math.max(current + (event.key === 'j' ? 1 : -1), 0), items.length - 1);
          rowLinks.current[next]?.focus();
          return next;
        });
      } else if (event.key === 'Enter' && !(event.target instanceof HTMLAnchorElement || event.target instanceof HTMLButtonElement)) {
        const item = items[selected];
        if (item) navigate(officePaths.dossier(item.code));
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [items, selected, navigate]);

  const setFilter = (name: string, value: string | null) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(name, value);
      else next.delete(name);
      return next;
    });

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new pause in typing applies the text (the URL may change otherwise)
  useEffect(() => {
    // Only while the official is in the search box: a late timer must never move them off a page they opened.
    if (document.activeElement?.id === SEARCH_ID && typed !== (params.get('q') ?? '')) setFilter('q', typed || null);
  }, [typed]);

  const loadMore = async () => {
    if (!cursor) return;
    try {
      const page = await officeQueue({ ...filters, cursor, limit: 50 });
      setMore({ key, items: [...(extra?.items ?? []), ...page.items], cursor: page.nextCursor });
      setMoreError(null);
    } catch (e) {
      setMoreError(toApiError(e));
    }
  };

  return (
    <>
      <h1>{t('office:queue.title')}</h1>
      <section className="shortcuts" aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title" className="visually-hidden">
          {t('office:queue.shortcutsTitle')}
        </h2>
        <ul aria-label={t('office:queue.shortcutsTitle')}>
          <li>
            <kbd>j</kbd> {t('office:queue.shortcutJ')}
          </li>
          <li>
            <kbd>k</kbd> {t('office:queue.shortcutK')}
          </li>
          <li>
            <kbd>Enter</kbd> {t('office:queue.shortcutEnter')}
          </li>
          <li>
            <kbd>/</kbd> {t('office:queue.shortcutSlash')}
          </li>
        </ul>
      </section>
      <form
        role="search"
        aria-label={t('office:queue.filters')}
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          setFilter('q', search.trim() || null);
        }}
      >
        <div className="filters__search">
          <TextField
            id={SEARCH_ID}
            label={t('office:queue.search')}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            enterKeyHint="search"
            autoComplete="off"
          />
        </div>
        <Select
          label={t('office:queue.state')}
          placeholder={t('office:queue.allStates')}
          options={DOSSIER_STATES.map((s) => ({ value: s, label: t(`state.${s}`) }))}
          value={params.get('state') ?? ''}
          onChange={(e) => setFilter('state', e.target.value)}
        />
        <Select
          label={t('office:queue.channel')}
          placeholder={t('office:queue.allChannels')}
          options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
          value={filters.channel ?? ''}
          onChange={(e) => setFilter('channel', e.target.value)}
        />
        <Select
          label={t('office:queue.hamlet')}
          placeholder={t('office:queue.allHamlets')}
          options={(hamlets.data ?? []).map((h) => ({ value: h.code, label: h.name }))}
          value={filters.hamlet ?? ''}
          onChange={(e) => setFilter('hamlet', e.target.value)}
        />
        <Select
          label={t('office:queue.sort')}
          options={[
            { value: 'dueAt', label: t('office:queue.sortDue') },
            { value: 'receivedAt', label: t('office:queue.sortReceived') },
          ]}
          value={filters.sort ?? 'dueAt'}
          onChange={(e) => setFilter('sort', e.target.value === 'dueAt' ? null : e.target.value)}
        />
        <Checkbox label={t('office:queue.lateOnly')} checked={filters.late === true} onChange={(e) => setFilter('late', e.target.checked ? '1' : null)} />
        <Checkbox label={t('office:queue.mine')} checked={filters.assignedToMe === true} onChange={(e) => setFilter('mine', e.target.checked ? '1' : null)} />
        <Checkbox
          label={t('office:queue.showFinished')}
          checked={params.get(SHOW_FINISHED_PARAM) === '1'}
          onChange={(e) => setFilter(SHOW_FINISHED_PARAM, e.target.checked ? '1' : null)}
        />
      </form>

      {first.status === 'loading' && <Spinner label={t('common.loading')} />}
      {first.status === 'error' && <LoadError error={first.error} onRetry={first.retry} />}
      <p role="status" className="results__status">
        {first.status === 'success' ? (items.length ? t('office:queue.shown', { count: items.length }) : t('office:queue.empty')) : ''}
      </p>
      {items.length > 0 && (
        <div className="table-scroll">
          <table className="queue-table">
            <caption className="visually-hidden">{t('office:queue.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('office:queue.code')}</th>
                <th scope="col">{t('office:queue.applicant')}</th>
                <th scope="col">{t('office:queue.procedure')}</th>
                <th scope="col">{t('office:queue.stateColumn')}</th>
                <th scope="col">{t('office:queue.due')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, index) => (
                <tr key={item.code} data-selected={index === selected || undefined} aria-current={index === selected ? 'true' : undefined}>
                  <td data-label={t('office:queue.code')}>
                    <Link
                      to={officePaths.dossier(item.code)}
                      ref={(el) => {
                        rowLinks.current[index] = el;
                      }}
                      onFocus={() => setSelected(index)}
                    >
                      {item.code}
                    </Link>
                  </td>
                  <td data-label={t('office:queue.applicant')}>{item.applicantName}</td>
                  <td data-label={t('office:queue.procedure')} lang="vi">
                    {item.procedureName}
                  </td>
                  <td data-label={t('office:queue.stateColumn')}>
                    <StateBadge state={item.state} /> <span className="muted">{t(`channel.${item.channel}`)}</span>
                  </td>
                  <td data-label={t('office:queue.due')}>
                    {item.dueAt ? (
                      <>
                        {formatDate(item.dueAt, lang)} <TimelinessBadge timeliness={item.timeliness} />
                      </>
                    ) : (
                      <span className="muted">{t('office:queue.noDue')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {moreError && <LoadError error={moreError} onRetry={() => void loadMore()} />}
      {cursor && (
        <Button variant="secondary" onClick={() => void loadMore()}>
          {t('office:queue.more')}
        </Button>
      )}
    </>
  );
}
