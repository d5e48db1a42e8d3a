import { useTranslation } from 'react-i18next';
import type { Procedure } from '@motcua/core/api';
import { useLanguage } from '../../i18n/index.ts';
import { Alert, Button } from '../../ui/index.ts';
import { describeAnswers, type Answer } from '../../form/answers.ts';
import { formValue } from '../../form/schema.ts';
import { documentName } from '../../format/procedureView.ts';
import type { WizardDraft } from '../../form/draft.ts';
import { missingRequiredDocuments, type StepPlan } from './steps.ts';
import { FeeSummary } from '../../dossier/FeeSummary.tsx';
import { quoteDraft } from '../../dossier/fee.ts';

function AnswerList({ answers }: { answers: Answer[] }) {
  const { t } = useTranslation();
  return (
    <dl className="review">
      {answers.map((answer) =>
        answer.kind === 'line' ? (
          <div key={answer.name}>
            <dt>{answer.title}</dt>
            <dd>{answer.text ?? <span className="muted">{t('wizard.noAnswer')}</span>}</dd>
          </div>
        ) : (
          <div key={answer.name}>
            <dt>{answer.title}</dt>
            <dd>
              <ol>
                {answer.rows.map((row, i) => (
                  <li key={i}>
                    {row
                      .filter((cell) => cell.text !== null)
                      .map((cell) => `${cell.title}: ${cell.text}`)
                      .join('; ')}
                  </li>
                ))}
              </ol>
            </dd>
          </div>
        ),
      )}
    </dl>
  );
}

export interface ReviewStepProps {
  procedure: Procedure;
  draft: WizardDraft;
  steps: StepPlan[];
  unitName: string | undefined;
  hamletName: string | undefined;
  onEdit: (step: number) => void;
}

/** Everything on one page with a way back to each part: read, change, then submit. */
export function ReviewStep({ procedure, draft, steps, unitName, hamletName, onEdit }: ReviewStepProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const yesNo = { yes: t('wizard.yes'), no: t('wizard.no') };
  const value = formValue(procedure.formSchema, draft.form);
  const missing = missingRequiredDocuments(procedure, draft);
  // The amount the server will compute from these answers (same core function).
  const quote = quoteDraft(procedure, value as Record<string, unknown>, 'online');
  const a = draft.applicant;
  const section = (index: number, body: React.ReactNode) => {
    const step = steps[index]!;
    return (
      <section className="review__section" key={index} aria-labelledby={`review-${index}`}>
        <div className="review__head">
          <h3 id={`review-${index}`}>{step.title}</h3>
          <Button variant="quiet" onClick={() => onEdit(index)} aria-label={t('wizard.editSection', { section: step.title })}>
            {t('wizard.edit')}
          </Button>
        </div>
        {body}
      </section>
    );
  };
  const applicantLines: Answer[] = [
    ['idNumber', t('wizard.idNumber'), a.idNumber],
    ['fullName', t('wizard.fullName'), a.fullName],
    ['birthDate', t('wizard.birthDate'), a.birthDate.split('-').reverse().join('/')],
    ['sex', t('wizard.sex'), a.sex === 'male' ? t('wizard.male') : a.sex === 'female' ? t('wizard.female') : ''],
    ['phone', t('wizard.phone'), a.phone],
    ['email', t('wizard.email'), a.email],
    ['commune', t('wizard.commune'), unitName ?? a.unitCode],
    ['hamlet', t('wizard.hamlet'), hamletName ?? ''],
    ['addressLine', t('wizard.addressLine'), a.addressLine],
  ].map(([name, title, text]) => ({ kind: 'line', name: name!, title: title!, text: text ? text : null }));

  const docIndex = steps.findIndex((s) => s.kind === 'documents');
  const deliveryIndex = steps.findIndex((s) => s.kind === 'delivery');
  return (
    <>
      <p>{t('wizard.reviewIntro')}</p>
      {missing.length > 0 && (
        <Alert tone="warning" live={false} title={t('wizard.missingRequiredTitle')}>
          <ul>
            {missing.map((index) => (
              <li key={index} lang="vi">
                {documentName(procedure.documents[index]!, lang)}
              </li>
            ))}
          </ul>
          <p>{t('wizard.missingRequired')}</p>
        </Alert>
      )}
      {section(0, <AnswerList answers={applicantLines} />)}
      {steps.map((step, index) =>
        step.kind === 'form' ? section(index, <AnswerList answers={describeAnswers(procedure.formSchema, value, lang, yesNo, step.fields)} />) : null,
      )}
      {section(
        docIndex,
        <dl className="review">
          {procedure.documents.map((doc, index) => {
            const files = draft.documents[String(index)] ?? [];
            return (
              <div key={index}>
                <dt lang="vi">{documentName(doc, lang)}</dt>
                <dd>{files.length ? files.map((f) => f.filename).join(', ') : <span className="muted">{t('wizard.noFiles')}</span>}</dd>
              </div>
            );
          })}
        </dl>,
      )}
      {section(
        deliveryIndex,
        <p>
          {draft.delivery ? t(`delivery.${draft.delivery}`) : t('wizard.noAnswer')}
          {draft.delivery === 'post' && `: ${draft.postalAddress}`}
        </p>,
      )}
      <FeeSummary amountVnd={quote.fee.amountVnd} fee={quote.fee} feeDueAt={quote.feeDueAt} />
    </>
  );
}
