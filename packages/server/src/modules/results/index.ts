import type { AppContext } from '../../platform/context.ts';
import type { CatalogService } from '../catalog/index.ts';
import type { DossierService } from '../dossiers/index.ts';
import type { BlobStore, UploadsService } from '../uploads/index.ts';
import { DeliveryService } from './delivery.ts';
import { LocalPostalAdapter, type PostalAdapter } from './postal.ts';
import { ResultsService } from './service.ts';
import { VerificationService } from './verification.ts';

export { resultsDossierHook } from './hook.ts';
export { KIND_TITLE } from './inputs.ts';
export type { DocumentKind } from './tables.ts';
export { resultsRoutes } from './routes.ts';
export { verifyRoutes } from './verify-routes.ts';
export { resultsOutboxHandlers } from './worker.ts';
export { ResultsService, RESULTS_ISSUE, type DocumentJson, type IssueJob } from './service.ts';
export { DeliveryService, type DeliveryInput, type ShipmentJson } from './delivery.ts';
export { VerificationService, type VerificationReport, type Verdict } from './verification.ts';
export { UnitStatementSigners, PLATFORM_SIGNER, type SignedStatement } from './statements.ts';
export { LocalPostalAdapter, s10TrackingNumber, isS10, webhookSignature, WEBHOOK_SIGNATURE_HEADER, type PostalAdapter } from './postal.ts';

export interface Results {
  results: ResultsService;
  delivery: DeliveryService;
  verification: VerificationService;
}

export function createResults(
  ctx: AppContext,
  deps: { dossiers: DossierService; catalog: CatalogService; uploads: UploadsService; blobs: BlobStore; postal?: PostalAdapter },
): Results {
  const results = new ResultsService(ctx, deps);
  return {
    results,
    delivery: new DeliveryService(ctx, results, deps.postal ?? new LocalPostalAdapter()),
    verification: new VerificationService(ctx, results),
  };
}

// For other modules' signed documents (payments' fee receipts): the writer, the header blocks,
// the unit as it heads its documents, and the check every signed file passes before it is kept.
export { DocWriter } from './documents/writer.ts';
export { documentTitle, nationalHeader, signatures } from './documents/header.ts';
export { vnDateTime } from './documents/format.ts';
export { issuerOf, type Issuer } from './issuer.ts';
export { inspectSignedPdf, sha256Hex } from './signing/index.ts';
