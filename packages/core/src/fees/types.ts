/**
 * Fee rules of a procedure as data (the catalog carries one per procedure) and the quote
 * `computeFee` derives from a form. Pure data: the offline field app computes what the server does.
 */

/** When the applicant pays: when filing online, when the desk receives the dossier, or before the result is handed over. */
export type FeeDueAt = 'submission' | 'intake' | 'result';
export const FEE_DUE_AT: readonly FeeDueAt[] = ['submission', 'intake', 'result'];

/** Where a count comes from: an integer field of the form, or the items of a list (or the sum of one field over them). */
export type CountSource = { field: string } | { list: string; field?: string };

/** A price per page of the original: a tier applies from its page on (pages 1–2 at 2,000 đ, from page 3 at 1,000 đ). */
export interface PageTier {
  fromPage: number;
  amountVnd: number;
}

interface ChargeBase {
  label: string;
  labelEn: string;
}

export type Charge =
  /** Once per dossier (a contract, a will, a residence registration). `onlineAmountVnd`: the rate the law sets for online filing. */
  | (ChargeBase & { kind: 'fixed'; amountVnd: number; onlineAmountVnd?: number })
  /** Per copy, per case, per extract: the amount times a count from the form. */
  | (ChargeBase & { kind: 'per_item'; amountVnd: number; onlineAmountVnd?: number; count: CountSource })
  /**
   * Per copy priced by the original's pages, with a cap per copy. With `list`, each item of that
   * list is one original with its own page and copy counts; otherwise the form's root fields.
   */
  | (ChargeBase & { kind: 'per_page'; tiers: readonly PageTier[]; maxPerCopyVnd: number | null; list?: string; pagesField: string; copiesField: string });

/**
 * A case the law exempts (or reduces), who grants it and what is kept as evidence. `claim`: the
 * applicant ticks it on the form (field FEE_EXEMPTION_FIELD) and the receiving official checks the
 * evidence; `within_days`: it follows from a date on the form (on-time registration).
 */
export type ExemptionKind = 'policy_family' | 'poor_household' | 'disability' | 'child' | 'on_time_registration' | 'domestic_marriage' | 'guardianship';

export interface Exemption {
  kind: ExemptionKind;
  label: string;
  labelEn: string;
  /** Decree/law and article. */
  basis: string;
  /** Share of the fee waived: 100 = exempt. */
  percent: number;
  /** Who decides that it applies. */
  grantedBy: 'receiving_official' | 'computed_from_form';
  /** What the official sights or keeps a copy of; null when the form itself is the evidence. */
  evidence: string | null;
  evidenceEn: string | null;
  condition: { kind: 'claim' } | { kind: 'within_days'; dateField: string; days: number } | { kind: 'always' };
}

export interface FeeRule {
  /**
   * What is charged; null when Motcua does not know the amount (the province's People's Council
   * sets it and the catalog has no figure): "the commune will tell you".
   */
  charges: readonly Charge[] | null;
  exemptions: readonly Exemption[];
  /** Where the amounts come from. */
  basis: readonly string[];
}

/**
 * A reduction a province sets (e.g. a share off for online filing, by a People's Council
 * resolution). Configured per province, never assumed: Motcua ships none.
 */
export interface ProvinceFeeRule {
  provinceCode: string;
  /** Only these procedures; absent = every procedure with a known fee. */
  procedures?: readonly string[];
  channel: 'online';
  percentOff: number;
  /** The resolution that sets it. */
  basis: string;
  label: string;
  labelEn: string;
}

export interface FeeContext {
  channel: 'online' | 'counter' | 'outreach' | 'postal';
  /** The filing day, YYYY-MM-DD (Vietnam), for on-time rules. */
  on: string;
  procedureCode?: string;
  provinceCode?: string | null;
  provinceRules?: readonly ProvinceFeeRule[];
}

export interface FeeLine {
  label: string;
  labelEn: string;
  quantity: number;
  /** Per-unit price; null for a per-page line whose copies are priced by their pages. */
  unitVnd: number | null;
  amountVnd: number;
}

export interface AppliedExemption {
  kind: ExemptionKind;
  label: string;
  labelEn: string;
  basis: string;
  percent: number;
  grantedBy: Exemption['grantedBy'];
  evidence: string | null;
  evidenceEn: string | null;
  amountVnd: number | null;
}

export interface AppliedReduction {
  label: string;
  labelEn: string;
  basis: string;
  percentOff: number;
  amountVnd: number;
}

/** What `computeFee` answers: the amount due (null = the commune will tell you) and how it was reached. */
export interface FeeQuote {
  amountVnd: number | null;
  /** Before exemption and reductions; null when the charges are unknown. */
  grossVnd: number | null;
  lines: FeeLine[];
  exemption: AppliedExemption | null;
  reductions: AppliedReduction[];
  basis: string[];
}

/** The form field where an applicant claims an exemption (an enum of the rule's claimable kinds, or 'none'). */
export const FEE_EXEMPTION_FIELD = 'feeExemption';
export const NO_EXEMPTION = 'none';
