import { unitIndex } from '../units/index.ts';
import type { PublicUnit } from './routes.ts';

/**
 * The audit module's port: the hash-chained log every module appends to, the personal-data read
 * entries, chain verification and anchors. Wiring the anchoring job to results' signing keys,
 * identity's leaders and the outbox is in wiring.ts, for the composition root (app.ts, main.ts):
 * here it would make a cycle with results, which appends to this log.
 */
export { appendAudit, auditActor, auditChainOf, auditTrail, entryHash, GENESIS_HASH, LEGACY_CHAIN, SYSTEM_CHAIN } from './audit.ts';
export { auditRead, auditUploadRead, readsOfDossiers, READ_ACTIONS, type PersonalDataRead, type ReadEntry } from './reads.ts';
export { canonicalJson } from './canonical.ts';
export { verifyAuditChain, verifySegment, type AnchorPoint, type AuditProblem, type VerifyResult } from './verify.ts';
export { ANCHOR_FORMAT, anchorStatement, checkAnchor, parsePublishedAnchors, type AnchorJson } from './anchor.ts';
export { AuditAnchoring, anchorJson, isPlatformChain, type AnchorOutcome } from './anchoring.ts';
export { auditRoutes, type PublicUnit } from './routes.ts';

/** A commune or ward by code, for its public page; null for provinces and unknown codes. */
export function publicUnit(code: string): PublicUnit | null {
  const units = unitIndex().current;
  const u = units.get(code);
  if (!u?.provinceCode) return null;
  return { fullName: u.fullName, provinceName: units.get(u.provinceCode)?.fullName ?? null };
}
