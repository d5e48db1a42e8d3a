import type { FeeDueAt, FeeRule } from './types.ts';
import { feeDueAtFor, ruleFromAmount } from './law.ts';

interface FeeFields {
  feeRule?: FeeRule | null;
  feeDueAt?: FeeDueAt;
  feeVnd: number | null;
  online: 'full' | 'partial' | null;
}

/**
 * A catalog procedure's fee rule: the one it carries, or for a record written before rules
 * existed (or by hand without one), the rule its single amount implies.
 */
export function feeRuleOf(p: FeeFields): FeeRule {
  return p.feeRule ?? ruleFromAmount(p.feeVnd, '', []);
}

/** The procedure with its fee rule and due moment always present (older records get them from feeVnd and online). */
export function withFeeRule<P extends FeeFields>(p: P): P & { feeRule: FeeRule; feeDueAt: FeeDueAt } {
  const feeRule = feeRuleOf(p);
  return { ...p, feeRule, feeDueAt: p.feeDueAt ?? feeDueAtFor(p.online, feeRule) };
}
