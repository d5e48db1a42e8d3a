/** Fee rules (lệ phí, phí) as data and the pure quote from a form: the server and the offline field app compute the same amount. */
export * from './types.ts';
export { computeFee, claimableExemptions, perCopyVnd } from './compute.ts';
export { KNOWN_FEES, feeDueAtFor, ruleFromAmount } from './law.ts';
export { feeRuleOf, withFeeRule } from './procedure.ts';
export { clockStart, dueWithPayment } from './clock.ts';
