/**
 * The dossier (hồ sơ) workflow as pure code over an event list, shared by the server and the
 * offline field app: decide → event → deriveDossier → allowedActions. No I/O, no wall clock:
 * `now` and the calendar operations are always passed in.
 */
export type * from './types.ts';
export { RULES, ACTION_TYPES, RUNNING_STATES, TERMINAL_STATES, isActionType } from './rules.ts';
export type { Party, Target, Rule } from './rules.ts';
export { deriveDossier, evolve } from './derive.ts';
export { decide, decideSubmission, actorRef } from './decide.ts';
export { allowedActions } from './allowed.ts';
export { authorize, isOverdue } from './permission.ts';
export { timeliness } from './timeliness.ts';
export { bindClock, vietnamDate } from './clock.ts';
export { parseDateTime } from './fields.ts';
export { DOSSIER_STATES, STATE_LABEL_VI } from './messages.ts';
export {
  formatDossierCode,
  parseDossierCode,
  codeFromReservedBlock,
  carveReservedBlock,
  deskCeiling,
  defaultAgencyCode,
  isAgencyCode,
  AGENCY_CODE,
  MAX_DAILY_SEQ,
  RESERVED_BLOCK_SIZE,
} from './code.ts';
export type { IsoDate, DossierCodeParts, ReservedCodeBlock, SeqRange } from './code.ts';
export { followUpOf } from './follow-ups.ts';
export type { DocumentKind, FollowUp, NoticeTiming } from './follow-ups.ts';
export { DOCUMENT_KINDS } from './follow-ups.ts';
