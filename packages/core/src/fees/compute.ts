import {
  FEE_EXEMPTION_FIELD,
  type AppliedExemption,
  type AppliedReduction,
  type Charge,
  type CountSource,
  type Exemption,
  type FeeContext,
  type FeeLine,
  type FeeQuote,
  type FeeRule,
  type PageTier,
} from './types.ts';

type Form = Readonly<Record<string, unknown>>;

/** A count the form gives: a non-negative whole number, else 0 (a half-filled form quotes what it has). */
function whole(v: unknown): number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : 0;
}

function rows(form: Form, list: string): Form[] {
  const v = form[list];
  return Array.isArray(v) ? v.filter((r): r is Form => typeof r === 'object' && r !== null) : [];
}

function countOf(form: Form, source: CountSource): number {
  if ('list' in source) {
    const items = rows(form, source.list);
    return source.field === undefined ? items.length : items.reduce((n, r) => n + whole(r[source.field!]), 0);
  }
  return whole(form[source.field]);
}

/** Price of one copy of an original of `pages` pages: each page at its tier's rate, then the cap. */
export function perCopyVnd(pages: number, tiers: readonly PageTier[], cap: number | null): number {
  const sorted = [...tiers].sort((a, b) => a.fromPage - b.fromPage);
  let total = 0;
  sorted.forEach((tier, i) => {
    const last = i + 1 < sorted.length ? sorted[i + 1]!.fromPage - 1 : pages;
    const n = Math.max(0, Math.min(pages, last) - tier.fromPage + 1);
    total += n * tier.amountVnd;
  });
  return cap === null ? total : Math.min(total, cap);
}

function rate(charge: { amountVnd: number; onlineAmountVnd?: number }, ctx: FeeContext): number {
  return ctx.channel === 'online' && charge.onlineAmountVnd !== undefined ? charge.onlineAmountVnd : charge.amountVnd;
}

function linesOf(charge: Charge, form: Form, ctx: FeeContext): FeeLine[] {
  const base = { label: charge.label, labelEn: charge.labelEn };
  switch (charge.kind) {
    case 'fixed': {
      const unit = rate(charge, ctx);
      return [{ ...base, quantity: 1, unitVnd: unit, amountVnd: unit }];
    }
    case 'per_item': {
      const n = countOf(form, charge.count);
      const unit = rate(charge, ctx);
      return n === 0 ? [] : [{ ...base, quantity: n, unitVnd: unit, amountVnd: n * unit }];
    }
    case 'per_page': {
      const originals = charge.list === undefined ? [form] : rows(form, charge.list);
      return originals.flatMap((o, i) => {
        const pages = whole(o[charge.pagesField]);
        const copies = whole(o[charge.copiesField]);
        if (pages === 0 || copies === 0) return [];
        const one = perCopyVnd(pages, charge.tiers, charge.maxPerCopyVnd);
        const which = originals.length > 1 ? ` #${i + 1}` : '';
        return [
          {
            label: `${charge.label}${which} (${pages} trang × ${copies} bản)`,
            labelEn: `${charge.labelEn}${which} (${pages} pages × ${copies} copies)`,
            quantity: copies,
            unitVnd: one,
            amountVnd: one * copies,
          },
        ];
      });
    }
  }
}

/** Days from `from` to `to` (both YYYY-MM-DD), counted as calendar days. */
function daysBetween(from: string, to: string): number | null {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Number.isNaN(a) || Number.isNaN(b) ? null : Math.round((b - a) / 86_400_000);
}

function applies(e: Exemption, form: Form, ctx: FeeContext): boolean {
  switch (e.condition.kind) {
    case 'always':
      return true;
    case 'claim':
      return form[FEE_EXEMPTION_FIELD] === e.kind;
    case 'within_days': {
      const date = form[e.condition.dateField];
      const d = typeof date === 'string' ? daysBetween(date, ctx.on) : null;
      return d !== null && d >= 0 && d <= e.condition.days;
    }
  }
}

/**
 * The fee a dossier owes under `rule` for this form: line items from the charges, then at most
 * one exemption (the largest that applies: exemptions do not stack), then the province's
 * reductions for the channel. An unknown charge (null) stays unknown unless a full exemption
 * applies, since the law exempts whatever the province's amount is.
 */
export function computeFee(rule: FeeRule, form: Form, ctx: FeeContext): FeeQuote {
  const lines = rule.charges === null ? [] : rule.charges.flatMap((c) => linesOf(c, form, ctx));
  const gross = rule.charges === null ? null : lines.reduce((n, l) => n + l.amountVnd, 0);
  const best = rule.exemptions.filter((e) => applies(e, form, ctx)).sort((a, b) => b.percent - a.percent)[0];
  let amount: number | null = gross;
  let exemption: AppliedExemption | null = null;
  if (best) {
    const waived = best.percent >= 100 ? amount : amount === null ? null : Math.round((amount * best.percent) / 100);
    exemption = {
      kind: best.kind,
      label: best.label,
      labelEn: best.labelEn,
      basis: best.basis,
      percent: best.percent,
      grantedBy: best.grantedBy,
      evidence: best.evidence,
      evidenceEn: best.evidenceEn,
      amountVnd: waived,
    };
    amount = best.percent >= 100 ? 0 : amount === null ? null : amount - (waived ?? 0);
  }
  const reductions: AppliedReduction[] = [];
  for (const p of ctx.provinceRules ?? []) {
    if (amount === null || amount === 0) break;
    if (p.provinceCode !== ctx.provinceCode || p.channel !== ctx.channel) continue;
    if (p.procedures && (ctx.procedureCode === undefined || !p.procedures.includes(ctx.procedureCode))) continue;
    const off = Math.round((amount * Math.min(100, Math.max(0, p.percentOff))) / 100);
    reductions.push({ label: p.label, labelEn: p.labelEn, basis: p.basis, percentOff: p.percentOff, amountVnd: off });
    amount -= off;
  }
  return {
    amountVnd: amount,
    grossVnd: gross,
    lines,
    exemption,
    reductions,
    basis: [...rule.basis, ...(exemption ? [exemption.basis] : []), ...reductions.map((r) => r.basis)],
  };
}

/** The exemptions an applicant may claim on the form (the receiving official checks their evidence). */
export function claimableExemptions(rule: FeeRule): Exemption[] {
  return rule.exemptions.filter((e) => e.condition.kind === 'claim');
}
