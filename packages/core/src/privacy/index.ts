/**
 * Who sees what (Nghị định 13/2023/NĐ-CP): the role × kind-of-data table shared by the server's
 * enforcement, the access drill, the web app and docs/privacy.md.
 */
export {
  DATA_KINDS,
  VIEWERS,
  WHO_SEES,
  DECREE_13,
  INTERNAL_NOTE_ACTIONS,
  reachOf,
  seesAnywhere,
} from './table.ts';
export type { DataKind, Viewer, Reach, Text, KindInfo, DecreeClause, OfficialRoleName } from './table.ts';
// The access log's wire shape is part of the API contract.
export type { AccessLogEntry, AccessLogResponse } from '../api/privacy.ts';
