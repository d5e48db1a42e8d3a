import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Select, TextArea, useDocumentTitle } from '../../ui/index.ts';
import { fieldNow } from '../clock.ts';
import { saveOps } from '../db.ts';
import { useField, useOutbox } from '../state.ts';
import { surveyOp } from '../sync/compose.ts';

type Aspect = 'overall' | 'staff' | 'convenience';
const ASPECTS: Aspect[] = ['overall', 'staff', 'convenience'];

/** The quick satisfaction survey: three 1–5 ratings and an optional comment. */
export function SurveyPage() {
  const { t } = useTranslation();
  const { kit, sealer } = useField();
  useDocumentTitle(t('field:survey.title'));
  const items = useOutbox(kit.session.id) ?? [];
  const [hamlet, setHamlet] = useState(kit.session.hamletCodes[0] ?? '');
  const [ratings, setRatings] = useState<Record<Aspect, number | null>>({ overall: null, staff: null, convenience: null });
  const [comment, setComment] = useState('');
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const count = items.filter((i) => i.kind === 'record_survey').length;

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (ASPECTS.some((a) => ratings[a] === null)) return setMessage({ tone: 'error', text: t('field:survey.missing') });
    await saveOps([await surveyOp(sealer, kit.session.id, fieldNow(), { hamletCode: hamlet || null, ratings: ratings as Record<Aspect, number>, comment })]);
    setRatings({ overall: null, staff: null, convenience: null });
    setComment('');
    setMessage({ tone: 'success', text: t('field:survey.saved') });
  };

  return (
    <>
      <h1>{t('field:survey.title')}</h1>
      <p>{t('field:survey.count', { count })}</p>
      <form onSubmit={(e) => void save(e)} noValidate>
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
        <Select
          id="survey-hamlet"
          label={t('field:receive.hamlet')}
          value={hamlet}
          onChange={(e) => setHamlet(e.target.value)}
          options={[...kit.hamlets.map((h) => ({ value: h.code, label: h.name })), { value: '', label: t('field:consult.anyHamlet') }]}
        />
        <p id="survey-scale">{t('field:survey.scale')}</p>
        {ASPECTS.map((aspect) => (
          <fieldset key={aspect} className="field-rating" aria-describedby="survey-scale">
            <legend>{t(`field:survey.${aspect}`)}</legend>
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n}>
                <input
                  type="radio"
                  name={`rating-${aspect}`}
                  value={n}
                  checked={ratings[aspect] === n}
                  onChange={() => setRatings((r) => ({ ...r, [aspect]: n }))}
                />
                {n}
              </label>
            ))}
          </fieldset>
        ))}
        <TextArea id="survey-comment" label={t('field:survey.comment')} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={1000} />
        <Button type="submit">{t('field:survey.save')}</Button>
      </form>
    </>
  );
}
