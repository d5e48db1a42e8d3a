import { allowedActions, STATE_LABEL_VI, type Actor as CoreActor, type DossierError, type DossierView } from '@motcua/core/dossier';
import { Problem } from '../../platform/errors.ts';
import { iso } from './clock.ts';

const stateInfo = (view: DossierView, caller: CoreActor | null, now: Date) => ({
  state: view.state,
  version: view.lastSeq,
  dueAt: iso(view.dueAt),
  allowedActions: caller ? allowedActions(view, caller, now) : [],
});

/** Maps the workflow's error values to problem+json: the one place their HTTP meaning is decided. */
export function workflowProblem(error: DossierError, view: DossierView | null, caller: CoreActor | null, now: Date): Problem {
  const extra = { ...(error.field ? { field: error.field } : {}), ...(view ? stateInfo(view, caller, now) : {}) };
  switch (error.code) {
    case 'forbidden':
      return new Problem(403, 'forbidden', error.messageVi, error.messageEn, extra);
    case 'invalid_state':
      return new Problem(409, 'invalid_state', error.messageVi, error.messageEn, extra);
    case 'late_needs_apology':
      return new Problem(409, 'late_needs_apology', error.messageVi, error.messageEn, extra);
    case 'invalid_input':
      return new Problem(400, 'invalid_input', error.messageVi, error.messageEn, extra);
  }
}

/** Someone else changed the dossier between the caller's read and write. */
export function versionConflict(view: DossierView, caller: CoreActor | null, now: Date): Problem {
  return new Problem(
    409,
    'version_conflict',
    `Hồ sơ vừa được người khác cập nhật (hiện ở trạng thái "${STATE_LABEL_VI[view.state]}", phiên bản ${view.lastSeq}). Vui lòng tải lại và thử lại.`,
    `The dossier was changed by someone else (now "${view.state}", version ${view.lastSeq}). Reload and try again.`,
    stateInfo(view, caller, now),
  );
}

export const unprocessable = (code: string, messageVi: string, messageEn: string, extra?: Record<string, unknown>) =>
  new Problem(422, code, messageVi, messageEn, extra);
