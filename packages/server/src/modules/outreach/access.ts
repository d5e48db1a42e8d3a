import { officialCoversUnit, type Actor, type OfficialRole } from '../../platform/access.ts';
import { forbidden } from '../../platform/errors.ts';

export type Official = Extract<Actor, { kind: 'official' }>;

export const READ_ROLES: OfficialRole[] = ['outreach', 'commune_admin', 'receptionist'];
export const PLAN_ROLES: OfficialRole[] = ['outreach', 'commune_admin'];
/** Who may take dossiers in on the outreach channel (core/dossier intakeBlocker agrees). */
export const FIELD_ROLES: OfficialRole[] = ['outreach', 'receptionist'];

/** The caller holds one of `roles` and works in `unitCode`; otherwise 403 (same for every route). */
export function assertUnitRole(actor: Actor, unitCode: string, roles: OfficialRole[]): Official {
  if (actor.kind !== 'official' || !roles.some((r) => actor.roles.includes(r)) || !officialCoversUnit(actor, unitCode)) {
    throw forbidden('Bạn không có quyền với kế hoạch lưu động của đơn vị này.', "You have no rights over this unit's outreach plan.");
  }
  return actor;
}
