import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/index.ts';
import { procedureName } from '../../format/procedureView.ts';
import { Alert, Button, Select, TextField, useDocumentTitle } from '../../ui/index.ts';
import { fieldNow } from '../clock.ts';
import { saveOps } from '../db.ts';
import { hamletName } from '../kit.ts';
import { useField, useOutbox } from '../state.ts';
import { consultationOp } from '../sync/compose.ts';

const OTHER = '__other__';

/** People consulted or guided without a dossier, counted per hamlet and topic. */
export function ConsultPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { kit, sealer } = useField();
  useDocumentTitle(t('field:consult.title'));
  const items = useOutbox(kit.session.id) ?? [];
  const [hamlet, setHamlet] = useState(kit.session.hamletCodes[0] ?? '');
  const [topic, setTopic] = useState(kit.procedures[0]?.code ?? OTHER);
  const [otherTopic, setOtherTopic] = useState('');
  const [people, setPeople] = useState('1');
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const consultations = items.filter((i) => i.kind === 'record_consultation');
  const total = consultations.reduce((n, i) => n + (i.summary.people ?? 0), 0);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const count = Number(people);
    const procedure = kit.procedures.find((p) => p.code === topic);
    const text = procedure ? procedureName(procedure, 'vi') : otherTopic.trim();
    if (!Number.isInteger(count) || count < 1 || count > 500) return setError(t('field:consult.peopleError'));
    if (!text) return setError(t('field:consult.topicError'));
    setError(null);
    await saveOps([
      await consultationOp(sealer, kit.session.id, fieldNow(), {
        hamletCode: hamlet || null,
        topic: text.slice(0, 300),
        people: count,
        ...(procedure ? { procedureCode: procedure.code } : {}),
      }),
    ]);
    setSaved(t('field:consult.saved', { count }));
    setPeople('1');
  };

  const byHamlet = new Map<string, number>();
  for (const c of consultations) byHamlet.set(c.summary.hamletCode ?? '', (byHamlet.get(c.summary.hamletCode ?? '') ?? 0) + (c.summary.people ?? 0));

  return (
    <>
      <h1>{t('field:consult.title')}</h1>
      <p>{t('field:consult.intro')}</p>
      <form onSubmit={(e) => void save(e)} noValidate>
        {error && <Alert tone="error">{error}</Alert>}
        {saved && <Alert tone="success">{saved}</Alert>}
        <Select
          id="consult-hamlet"
          label={t('field:receive.hamlet')}
          value={hamlet}
          onChange={(e) => setHamlet(e.target.value)}
          options={[...kit.hamlets.map((h) => ({ value: h.code, label: h.name })), { value: '', label: t('field:consult.anyHamlet') }]}
        />
        <Select
          id="consult-topic"
          label={t('field:consult.topic')}
          value={topic}
          onChange={(e) => setTopic(e.target.value)}
          options={[...kit.procedures.map((p) => ({ value: p.code, label: procedureName(p, lang) })), { value: OTHER, label: t('field:consult.otherTopic') }]}
        />
        {topic === OTHER && (
          <TextField
            id="consult-other"
            label={t('field:consult.topicOther')}
            value={otherTopic}
            onChange={(e) => setOtherTopic(e.target.value)}
            maxLength={300}
            required
          />
        )}
        <TextField
          id="consult-people"
          label={t('field:consult.people')}
          inputMode="numeric"
          value={people}
          onChange={(e) => setPeople(e.target.value)}
          className="field--short"
          required
        />
        <Button type="submit">{t('field:consult.save')}</Button>
      </form>
      <h2>{t('field:consult.total', { count: total })}</h2>
      <table className="field-table">
        <caption className="visually-hidden">{t('field:report.byHamlet')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('field:report.hamlet')}</th>
            <th scope="col">{t('field:report.consulted')}</th>
          </tr>
        </thead>
        <tbody>
          {[...byHamlet.entries()].map(([code, n]) => (
            <tr key={code}>
              <td>{code ? hamletName(kit, code) : t('field:consult.anyHamlet')}</td>
              <td>{n}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
