import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../../format/format.ts';
import { procedureName } from '../../format/procedureView.ts';
import { ButtonLink, useDocumentTitle } from '../../ui/index.ts';
import { hamletName, procedureOf } from '../kit.ts';
import { fieldPaths, useField, useOutbox } from '../state.ts';
import type { OutboxItem } from '../sync/types.ts';
import { useOpBody, type ReceiveBody } from './opBody.ts';
import { StateBadge } from './StateBadge.tsx';

/** Dossiers received in this session, newest first, with their sync state. */
export function DossiersPage() {
  const { t } = useTranslation();
  const { kit } = useField();
  useDocumentTitle(t('field:dossiers.title'));
  const items = useOutbox(kit.session.id) ?? [];
  const received = items.filter((i) => i.kind === 'receive_dossier').reverse();
  const completed = new Set(items.filter((i) => i.kind === 'complete_on_spot').map((i) => i.dependsOn));
  return (
    <>
      <h1>{t('field:dossiers.title')}</h1>
      <p>{t('field:dossiers.count', { count: received.length })}</p>
      <ButtonLink to={fieldPaths.receive()}>{t('field:nav.receive')}</ButtonLink>
      {received.length === 0 ? (
        <p>{t('field:dossiers.empty')}</p>
      ) : (
        <ul className="field-list" aria-label={t('field:dossiers.title')}>
          {received.map((item) => (
            <DossierRow key={item.id} item={item} completed={completed.has(item.id)} />
          ))}
        </ul>
      )}
    </>
  );
}

function DossierRow({ item, completed }: { item: OutboxItem; completed: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { kit, sealer } = useField();
  const body = useOpBody<ReceiveBody>(sealer, item);
  const procedure = procedureOf(kit, item.summary.procedureCode);
  return (
    <li data-testid="field-dossier">
      <div className="field-row">
        <Link to={fieldPaths.receipt(item.id)}>
          <strong>{item.summary.dossierCode}</strong>
        </Link>
        <StateBadge item={item} />
      </div>
      <p>
        {procedure ? procedureName(procedure, lang) : item.summary.procedureCode} · {hamletName(kit, item.summary.hamletCode)}
      </p>
      <p>{body ? body.dossier.applicant.fullName : t(item.dismissed ? 'field:dossiers.dropped' : 'field:dossiers.removedAfterSync')}</p>
      <p>{completed ? t('field:dossiers.completed') : t('field:dossiers.appointment', { time: formatDateTime(item.summary.dueAt, lang) })}</p>
    </li>
  );
}
