import { PROBLEM, TIME_CURABLE_PROBLEMS, type ProblemCode } from '@motcua/core/problems';
import { isRefused, type OutboxItem } from './sync/types.ts';

/**
 * What the official should do about an op the server did not apply, by its problem code: the
 * sync page shows this under the server's reason (texts: i18n `field:sync.todo.<Todo>`). A
 * refusal time cures needs nobody: the op waits and goes again by itself.
 */
export type Todo =
  | 'wait'
  | 'conflict'
  | 'reReceive'
  | 'outsideSession'
  | 'notInRound'
  | 'apology'
  | 'recordAgain'
  | 'files'
  | 'dependency'
  | 'atOffice'
  | 'support'
  | 'other';

const BY_CODE: Partial<Record<ProblemCode, Todo>> = {
  [PROBLEM.version_conflict]: 'conflict',
  [PROBLEM.code_not_reserved]: 'reReceive',
  [PROBLEM.code_already_used]: 'reReceive',
  [PROBLEM.body_missing]: 'reReceive',
  [PROBLEM.file_missing]: 'reReceive',
  [PROBLEM.not_session_day]: 'outsideSession',
  [PROBLEM.code_date_mismatch]: 'outsideSession',
  [PROBLEM.field_time_before_session]: 'outsideSession',
  [PROBLEM.field_time_after_window]: 'outsideSession',
  [PROBLEM.field_time_before_history]: 'outsideSession',
  [PROBLEM.procedure_not_offered]: 'notInRound',
  [PROBLEM.not_received_here]: 'notInRound',
  [PROBLEM.late_needs_apology]: 'apology',
  [PROBLEM.hamlet_not_in_unit]: 'recordAgain',
  [PROBLEM.validation_failed]: 'recordAgain',
  [PROBLEM.invalid_input]: 'recordAgain',
  [PROBLEM.bad_request]: 'recordAgain',
  [PROBLEM.upload_too_large]: 'files',
  [PROBLEM.upload_empty]: 'files',
  [PROBLEM.upload_heic_unsupported]: 'files',
  [PROBLEM.upload_unsupported_type]: 'files',
  [PROBLEM.upload_not_found]: 'files',
  [PROBLEM.payload_too_large]: 'files',
  [PROBLEM.dependency_failed]: 'dependency',
  [PROBLEM.invalid_state]: 'atOffice',
  [PROBLEM.not_found]: 'atOffice',
  [PROBLEM.forbidden]: 'atOffice',
  [PROBLEM.op_id_reused]: 'support',
};

export function todoFor(item: Pick<OutboxItem, 'state' | 'error' | 'original' | 'dismissed'>): Todo | null {
  const code = item.error?.code ?? '';
  if (TIME_CURABLE_PROBLEMS.has(code)) return 'wait';
  if (!isRefused(item)) return null;
  if (item.state === 'conflict') return 'conflict';
  return BY_CODE[code as ProblemCode] ?? 'other';
}

/** A refused receipt: the citizen went home with its code, which the server does not know. */
export const citizenHoldsReceipt = (item: Pick<OutboxItem, 'kind' | 'state' | 'error' | 'original' | 'dismissed'>): boolean =>
  item.kind === 'receive_dossier' && isRefused(item) && !TIME_CURABLE_PROBLEMS.has(item.error?.code ?? '');
