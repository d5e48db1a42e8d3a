import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { searchProcedures } from '../api/catalog.ts';
import { useResource } from '../api/useResource.ts';
import { useLanguage } from '../i18n/index.ts';
import { ButtonLink, Card, Spinner, TextField, useDocumentTitle } from '../ui/index.ts';
import { FieldChips } from './FieldChips.tsx';
import { LoadError } from '../ui/LoadError.tsx';
import { ProcedureList } from './ProcedureList.tsx';
import { popularFields } from '../format/procedureView.ts';
import { useDebouncedValue } from '../ui/useDebouncedValue.ts';
import './portal.css';
import './i18n/index.ts'; // this app's text (i18n namespace), registered before the page renders

const SEARCH_DELAY_MS = 300;
// One letter matches nearly everything; Vietnamese words are short, so two is enough.
const MIN_QUERY_LENGTH = 2;
// URL parameters keep the search when the citizen comes back from a procedure page.
const QUERY_PARAM = 'q';
const FIELD_PARAM = 'linh-vuc';

export default function HomePage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  useDocumentTitle(undefined);
  const [params, setParams] = useSearchParams();
  const field = params.get(FIELD_PARAM) ?? '';
  const [text, setText] = useState(() => params.get(QUERY_PARAM) ?? '');
  const query = useDebouncedValue(text.trim(), SEARCH_DELAY_MS);

  useEffect(() => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (query) next.set(QUERY_PARAM, query);
        else next.delete(QUERY_PARAM);
        return next;
      },
      { replace: true },
    );
  }, [query, setParams]);

  const selectField = (fieldKey: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (fieldKey) next.set(FIELD_PARAM, fieldKey);
        else next.delete(FIELD_PARAM);
        return next;
      },
      { replace: true },
    );

  // The whole catalogue (a few dozen procedures) gives the field chips their names and order.
  const catalogue = useResource('catalogue', (signal) => searchProcedures({}, signal));
  const fields = useMemo(() => popularFields(catalogue.data ?? [], lang), [catalogue.data, lang]);

  const typed = query.length >= MIN_QUERY_LENGTH;
  const active = typed || field !== '';
  const resultsRef = useRef<HTMLDivElement>(null);
  const results = useResource(
    `search:${query}|${field}`,
    active ? (signal) => searchProcedures({ q: query.length >= MIN_QUERY_LENGTH ? query : '', field }, signal) : null,
  );

  const failure = results.status === 'error' ? results : catalogue.status === 'error' ? catalogue : null;
  const retry = () => {
    if (catalogue.status === 'error') catalogue.retry();
    if (results.status === 'error') results.retry();
  };

  const chips = fields.length > 0 ? <FieldChips fields={fields} selected={field} onSelect={selectField} /> : null;

  let status = '';
  // While the first results load the spinner speaks; afterwards this line does.
  if (results.status === 'loading') status = results.data ? t('portal:home.searching') : '';
  else if (results.status === 'success')
    status = results.data.length ? t('portal:home.resultsCount', { count: results.data.length }) : t('portal:home.noResults');

  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t('portal:home.heroTitle')}</h1>
        {/* Once the citizen is searching, the welcome text gives its room on a phone to the results. */}
        {!typed && <p className="hero__text">{t('portal:home.heroText')}</p>}
      </section>

      <form
        role="search"
        className="search"
        onSubmit={(event) => {
          event.preventDefault();
          // "Search" on a phone's keyboard: close the keyboard and bring the results into view.
          (document.activeElement as HTMLElement | null)?.blur();
          resultsRef.current?.scrollIntoView({ block: 'start' });
        }}
      >
        <TextField
          label={t('portal:home.searchLabel')}
          labelSize="large"
          hint={t('portal:home.searchHint')}
          type="search"
          inputMode="search"
          autoComplete="off"
          enterKeyHint="search"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </form>

      {catalogue.status === 'loading' && <Spinner label={t('common.loading')} size="small" />}
      {/* While the citizen types, results come first: on a phone the field buttons would push them below the fold. */}
      {!typed && chips}

      {failure && <LoadError error={failure.error} onRetry={retry} />}

      <div className="results" ref={resultsRef}>
        {/* Always mounted, so screen readers hear the count change. */}
        <p className="results__status" role="status">
          {active ? status : t('portal:home.idle')}
        </p>
        {results.status === 'loading' && !results.data && <Spinner label={t('portal:home.searching')} />}
        {results.data && results.data.length > 0 && active && <ProcedureList procedures={results.data} />}
      </div>
      {typed && chips}

      <Card as="section" tone="highlight" title={t('portal:home.lookupTitle')} className="lookup">
        <p>{t('portal:home.lookupText')}</p>
        <ButtonLink to="/tra-cuu" variant="secondary">
          {t('portal:home.lookupAction')}
        </ButtonLink>
      </Card>

      <Card as="section" title={t('portal:transparency.title')} className="lookup">
        <p>{t('portal:transparency.homeText')}</p>
        <ButtonLink to="/minh-bach" variant="secondary">
          {t('portal:transparency.homeLink')}
        </ButtonLink>
      </Card>
    </>
  );
}
