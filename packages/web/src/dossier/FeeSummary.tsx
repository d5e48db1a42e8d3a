import { useTranslation } from 'react-i18next';
import type { FeeAdjustment, FeeDueAt, FeeQuote } from '@motcua/core/api';
import { useLanguage } from '../i18n/index.ts';
import { formatVnd } from '../format/money.ts';

const DUE_AT_KEY = { submission: 'fee.dueAtSubmission', intake: 'fee.dueAtIntake', result: 'fee.dueAtResult' } as const;

export interface FeeSummaryProps {
  /** The amount due now (the dossier's feeVnd, or the quote's amount before filing). */
  amountVnd: number | null;
  fee: FeeQuote | null;
  feeDueAt: FeeDueAt;
  adjustments?: readonly FeeAdjustment[];
}

/** The fee due with its line items, exemption, reductions, legal basis and when to pay. */
export function FeeSummary({ amountVnd, fee, feeDueAt, adjustments = [] }: FeeSummaryProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const en = lang === 'en';
  const money = (n: number | null) => (n === null ? '—' : formatVnd(n, lang));
  return (
    <section className="fee" aria-labelledby="fee-title" data-testid="fee-summary">
      <h3 id="fee-title">{t('fee.title')}</h3>
      <p className="fee__amount" data-testid="fee-amount">
        <strong>{amountVnd === null ? t('fee.unknown') : amountVnd === 0 ? t('fee.free') : money(amountVnd)}</strong>
      </p>
      {fee && fee.lines.length > 0 && (
        <ul className="fee__lines">
          {fee.lines.map((l, i) => (
            <li key={i}>
              {en ? l.labelEn : l.label}: {money(l.amountVnd)}
            </li>
          ))}
        </ul>
      )}
      {fee?.exemption && (
        <p>
          {t('fee.exempt', { label: en ? fee.exemption.labelEn : fee.exemption.label })}
          {fee.exemption.evidence && (
            <>
              <br />
              {t('fee.evidence', { evidence: en ? fee.exemption.evidenceEn : fee.exemption.evidence })}
            </>
          )}
        </p>
      )}
      {fee?.reductions.map((r, i) => (
        <p key={i}>{t('fee.reduction', { percent: r.percentOff, label: en ? r.labelEn : r.label })}</p>
      ))}
      {adjustments.map((a, i) => (
        <p key={i} className="fee__adjusted">
          {t('fee.adjusted', { from: money(a.fromVnd), to: money(a.toVnd), reason: a.reason, by: a.byName })}
        </p>
      ))}
      {amountVnd !== 0 && <p className="muted">{t(DUE_AT_KEY[feeDueAt])}</p>}
      {fee && fee.basis.length > 0 && <p className="muted">{t('fee.basis', { basis: fee.basis.join('; ') })}</p>}
    </section>
  );
}
