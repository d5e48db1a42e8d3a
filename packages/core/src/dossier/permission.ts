import { errors } from './messages.ts';
import { RULES, RUNNING_STATES, type Party } from './rules.ts';
import type { ActionType, Actor, DossierError, DossierView } from './types.ts';

/** True when the appointment has passed while the office still owes the result. */
export function isOverdue(view: Pick<DossierView, 'state' | 'dueAt'>, now: Date): boolean {
  return RUNNING_STATES.includes(view.state) && view.dueAt !== null && now.getTime() > Date.parse(view.dueAt);
}

/** Parties of the table the actor could fill by role alone, before dossier-specific checks. */
function partiesByRole(actor: Actor): Party[] {
  if (actor.kind === 'citizen') return ['owner'];
  const parties: Party[] = [];
  for (const role of actor.roles) {
    if (role === 'specialist') parties.push('assignee');
    else if (role !== 'citizen' && role !== 'province_viewer') parties.push(role);
  }
  return parties;
}

/** Why this actor cannot fill this party on this dossier, or null when it can. */
function partyBlocker(party: Party, view: DossierView, actor: Actor): DossierError | null {
  if (actor.kind === 'citizen') return actor.idNumber === view.applicantIdNumber ? null : errors.notOwner();
  if (party !== 'system' && !actor.unitCodes.includes(view.unitCode)) return errors.outsideUnit();
  if (party === 'assignee' && view.assigneeUserId !== actor.userId) return errors.notAssignee();
  return null;
}

/**
 * Checks everything about an action except its fields: role, unit scope, ownership, assignment,
 * state, the same-day condition and the late rule. decide and allowedActions both call this, so
 * what the screens offer is exactly what will be accepted.
 */
export function authorize(view: DossierView, action: ActionType, actor: Actor, now: Date): DossierError | null {
  const rule = RULES[action];
  const candidates = partiesByRole(actor).filter((party) => rule.by[party] !== undefined);
  if (candidates.length === 0) return errors.notYourRole();

  let blocker: DossierError | null = null;
  let eligible = false;
  let stateFits = false;
  for (const party of candidates) {
    const why = partyBlocker(party, view, actor);
    if (why) {
      blocker ??= why;
      continue;
    }
    eligible = true;
    if (rule.by[party]?.includes(view.state)) stateFits = true;
  }
  if (!eligible) return blocker ?? errors.notYourRole();
  if (!stateFits) return errors.wrongState(view.state);
  if (rule.sameDayOnly && !('sameDay' in view.processing)) return errors.notSameDay();
  if (rule.blockedWhenLate && isOverdue(view, now)) return errors.late(view.dueAt ?? '');
  return null;
}
