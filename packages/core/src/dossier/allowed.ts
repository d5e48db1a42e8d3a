import { authorize } from './permission.ts';
import { ACTION_TYPES, RULES } from './rules.ts';
import type { ActionSpec, Actor, DossierView } from './types.ts';

/**
 * The actions this actor may take on this dossier now, with the fields each needs. Screens and
 * integrations render exactly these; decide accepts an action with valid fields iff it is listed
 * here (both go through authorize).
 */
export function allowedActions(view: DossierView, actor: Actor, now: Date): ActionSpec[] {
  return ACTION_TYPES.filter((action) => authorize(view, action, actor, now) === null).map((action) => ({
    action,
    fields: RULES[action].fields.map((field) => ({
      ...field,
      ...(field.options ? { options: [...field.options] } : {}),
      ...(field.requiredWhen ? { requiredWhen: { ...field.requiredWhen } } : {}),
    })),
  }));
}
