import type { DataKind } from '@motcua/core/privacy';
import type { Actor, OfficialRole } from '../../platform/access.ts';
import { forbidden } from '../../platform/errors.ts';
import { sees } from '../../platform/privacy.ts';
import { covers, provinceOf } from '../units/index.ts';

export type Official = Extract<Actor, { kind: 'official' }>;

/** Who may change a unit's residents-needing-help list (and, for rounds, take part). */
export const READ_ROLES: OfficialRole[] = ['outreach', 'commune_admin', 'receptionist'];
export const PLAN_ROLES: OfficialRole[] = ['outreach', 'commune_admin'];
/** Who may take dossiers in on the outreach channel (core/dossier intakeBlocker agrees). */
export const FIELD_ROLES: OfficialRole[] = ['outreach', 'receptionist'];

const noRights = () => forbidden('Bạn không có quyền với kế hoạch lưu động của đơn vị này.', "You have no rights over this unit's outreach plan.");

/** The caller holds one of `roles` and works in `unitCode` (to act there); otherwise 403 (same for every route). */
export function assertUnitRole(actor: Actor, unitCode: string, roles: OfficialRole[]): Official {
  if (actor.kind !== 'official' || !roles.some((r) => actor.roles.includes(r)) || !covers(actor, unitCode)) throw noRights();
  return actor;
}

/**
 * The caller may see this kind of the unit's outreach data by the who-sees-what policy
 * (platform/privacy.ts): plans show the team (staff), reports are figures, the list of residents
 * needing help is personal (and health) data. Otherwise the same 403.
 */
export function assertSees(actor: Actor, kind: DataKind, unitCode: string): Official {
  if (actor.kind !== 'official' || !sees(actor, kind, { unitCode, provinceCode: provinceOf(unitCode) })) throw noRights();
  return actor;
}
