/**
 * @motcua/core/api: the wire contract. Each module's request and response shapes as TypeBox
 * schemas with `$id`s (named components in /openapi.json) and their `Static<>` types.
 *
 * The server imports the schemas; the browser code imports TYPES ONLY (`import type … from
 * '@motcua/core/api'`), so no schema code is bundled. Problem codes, which the browser needs at
 * run time, live in `@motcua/core/problems`.
 */
import { AUDIT_SCHEMAS } from './audit.ts';
import { CALENDAR_SCHEMAS } from './calendar.ts';
import { CATALOG_SCHEMAS } from './catalog.ts';
import { CODE_BLOCK_SCHEMAS } from './code-blocks.ts';
import { Ok, ProblemCodeSchema, ProblemSchema } from './common.ts';
import { DISCREPANCY_SCHEMAS } from './discrepancies.ts';
import { DOSSIER_SCHEMAS } from './dossiers.ts';
import { FEE_SCHEMAS } from './fees.ts';
import { GROUP_SCHEMAS } from './groups.ts';
import { FIELD_OP_SCHEMAS } from './field-ops.ts';
import { IDENTITY_SCHEMAS } from './identity.ts';
import { INSIGHTS_SCHEMAS } from './insights.ts';
import { OUTREACH_SCHEMAS } from './outreach.ts';
import { PAYMENT_SCHEMAS } from './payments.ts';
import { BANK_TRANSFER_SCHEMAS } from './bank-transfers.ts';
import { RECONCILIATION_SCHEMAS } from './reconciliation.ts';
import { PLATFORM_SCHEMAS } from './platform.ts';
import { PRIVACY_SCHEMAS } from './privacy.ts';
import { PROGRESS_SCHEMAS } from './progress.ts';
import { RATING_SCHEMAS } from './ratings.ts';
import { FEEDBACK_SCHEMAS } from './feedback.ts';
import { NOTIFICATION_SCHEMAS } from './notifications.ts';
import { RESULT_SCHEMAS } from './results.ts';
import { UNITS_SCHEMAS } from './units.ts';
import { UPLOAD_SCHEMAS } from './uploads.ts';

export * from './common.ts';
export * from './catalog.ts';
export * from './outreach.ts';
export * from './field-ops.ts';
export * from './insights.ts';
export * from './units.ts';
export * from './progress.ts';
export * from './platform.ts';
export * from './identity.ts';
export * from './dossiers.ts';
export * from './uploads.ts';
export * from './results.ts';
export * from './privacy.ts';
export * from './audit.ts';
export * from './code-blocks.ts';
export * from './payments.ts';
export * from './bank-transfers.ts';
export * from './reconciliation.ts';
export * from './discrepancies.ts';
export * from './fees.ts';
export * from './ratings.ts';
export * from './feedback.ts';
export * from './notifications.ts';
export * from './calendar.ts';
export * from './groups.ts';

/** Every named schema, registered once by the server (platform/contract.ts). */
export const CONTRACT_SCHEMAS = [
  ProblemCodeSchema,
  ProblemSchema,
  Ok,
  ...FEE_SCHEMAS,
  ...CATALOG_SCHEMAS,
  ...OUTREACH_SCHEMAS,
  ...FIELD_OP_SCHEMAS,
  ...INSIGHTS_SCHEMAS,
  ...UNITS_SCHEMAS,
  ...PROGRESS_SCHEMAS,
  ...PLATFORM_SCHEMAS,
  ...IDENTITY_SCHEMAS,
  ...DOSSIER_SCHEMAS,
  ...UPLOAD_SCHEMAS,
  ...RESULT_SCHEMAS,
  ...PRIVACY_SCHEMAS,
  ...AUDIT_SCHEMAS,
  ...CODE_BLOCK_SCHEMAS,
  ...PAYMENT_SCHEMAS,
  ...BANK_TRANSFER_SCHEMAS,
  ...RECONCILIATION_SCHEMAS,
  ...DISCREPANCY_SCHEMAS,
  ...RATING_SCHEMAS,
  ...FEEDBACK_SCHEMAS,
  ...NOTIFICATION_SCHEMAS,
  ...CALENDAR_SCHEMAS,
  ...GROUP_SCHEMAS,
];
