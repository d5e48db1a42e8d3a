import { foldKey } from '@motcua/core/text';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useLanguage } from '../../i18n/index.ts';
import { documentName, feeText, procedureName, processingTimeText } from '../../format/procedureView.ts';
import { Alert, Badge, ButtonLink, TextField, useDocumentTitle } from '../../ui/index.ts';
import { procedureOf } from '../kit.ts';
import { fieldPaths, useField } from '../state.ts';

/** Procedures offered on this round, searchable without diacritics, from the kit (offline). */
export function ProceduresPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { kit } = useField();
  useDocumentTitle(t('field:procedures.title'));
  const [query, setQuery] = useState('');
  const key = foldKey(query);
  const shown = kit.procedures.filter((p) => !key || foldKey(`${p.name} ${p.nameEn} ${p.code}`).includes(key));
  return (
    <>
      <h1>{t('field:procedures.title')}</h1>
      <TextField label={t('field:procedures.search')} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      {shown.length === 0 && <p>{t('field:procedures.none')}</p>}
      <ul className="field-list">
        {shown.map((p) => (
          <li key={p.code}>
            <Link to={fieldPaths.procedure(p.code)}>{procedureName(p, lang)}</Link>
            <p>
              {processingTimeText(p, t, lang)} · {feeText(p, t, lang)}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Explaining one procedure to a resident: what to bring, the fee, how long it takes. */
export function ProcedurePage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { kit } = useField();
  const { code } = useParams();
  const procedure = procedureOf(kit, code);
  useDocumentTitle(procedure ? procedureName(procedure, lang) : t('field:procedures.title'));
  if (!procedure) return <Alert tone="warning">{t('field:procedures.none')}</Alert>;
  return (
    <article>
      <h1>{procedureName(procedure, lang)}</h1>
      <dl className="field-receipt__facts">
        <dt>{t('field:procedures.time')}</dt>
        <dd>
          {processingTimeText(procedure, t, lang)} {procedure.sameDay && <Badge tone="success">{t('field:procedures.onSpot')}</Badge>}
        </dd>
        <dt>{t('field:procedures.fee')}</dt>
        <dd>
          {feeText(procedure, t, lang)}
          {procedure.feeNote && <span lang="vi"> — {procedure.feeNote}</span>}
        </dd>
      </dl>
      <h2>{t('field:procedures.documents')}</h2>
      <ul>
        {procedure.documents.map((d) => (
          <li key={d.name}>
            {documentName(d, lang)}
            {d.copies ? ` — ${t('field:procedures.copies', { count: d.copies })}` : ''}
            {!d.required && ` ${t('field:procedures.optional')}`}
          </li>
        ))}
      </ul>
      <h2>{t('field:procedures.result')}</h2>
      <p lang="vi">{procedure.result}</p>
      <ButtonLink to={fieldPaths.receive(procedure.code)}>{t('field:procedures.receiveThis')}</ButtonLink>
    </article>
  );
}
