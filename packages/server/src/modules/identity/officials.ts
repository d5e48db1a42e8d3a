import { randomUUID } from 'node:crypto';
import { OFFICIAL_ROLES } from '@motcua/core/api';
import { nfc } from '@motcua/core/text';
import type { AppContext } from '../../platform/context.ts';
import type { Actor, OfficialRole } from '../../platform/access.ts';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.ts';
import { sees } from '../../platform/privacy.ts';
import type { IdentityStore, Official } from './store.ts';
import { unitOf } from '../units/index.ts';

export const ALL_ROLES: readonly OfficialRole[] = OFFICIAL_ROLES;
/** What a commune administrator may hand out: the commune's own roles, never province or system ones. */
export const COMMUNE_ROLES: OfficialRole[] = ['receptionist', 'specialist', 'approver', 'outreach', 'commune_admin'];

/** Addresses compare case-insensitively in practice; an empty one means "none". */
const workEmail = (email: string | null | undefined): string | null => email?.trim().toLowerCase() || null;

export function isSystemAdmin(actor: Actor): boolean {
  return actor.kind === 'official' && actor.roles.includes('system_admin');
}

/** Units whose staff the actor administers: every unit for a system administrator. */
export function administeredUnits(actor: Actor): string[] | null {
  if (isSystemAdmin(actor)) return null;
  if (actor.kind === 'official' && actor.roles.includes('commune_admin')) return actor.unitCodes;
  return [];
}

export function assertAdministers(actor: Actor, unitCode: string): void {
  const units = administeredUnits(actor);
  if (units !== null && !units.includes(unitCode)) {
    throw forbidden(`Bạn không quản trị đơn vị ${unitCode}.`, `You do not administer unit ${unitCode}.`);
  }
}

export function assertGrantable(actor: Actor, roles: OfficialRole[]): void {
  if (isSystemAdmin(actor)) return;
  const bad = roles.filter((r) => !COMMUNE_ROLES.includes(r));
  if (bad.length) throw forbidden(`Quản trị xã không được cấp vai trò: ${bad.join(', ')}.`, `A commune administrator cannot grant: ${bad.join(', ')}.`);
}

/** Commune administrators manage the officials of their own commune; system administrators, everyone. */
export class OfficialAdmin {
  constructor(
    private readonly ctx: AppContext,
    private readonly store: IdentityStore,
  ) {}

  private defaultUnit(actor: Actor): string | null {
    const units = administeredUnits(actor);
    return units === null ? null : (units[0] ?? '');
  }

  async list(actor: Actor, unitCode?: string): Promise<Official[]> {
    const unit = unitCode ?? this.defaultUnit(actor);
    if (unit) assertAdministers(actor, unit);
    return this.store.listOfficials(unit);
  }

  /**
   * Colleagues an official may hand work to (e.g. the specialists of the unit when assigning a
   * dossier): active officials of a unit whose staff the caller may see (platform/privacy.ts),
   * with names and roles only.
   */
  async colleagues(actor: Actor, unitCode: string, role?: OfficialRole): Promise<{ id: string; fullName: string; roles: OfficialRole[] }[]> {
    if (actor.kind !== 'official' || !sees(actor, 'staff', { unitCode })) {
      throw forbidden('Bạn chỉ xem được cán bộ của đơn vị mình.', 'You can only see the officials of your own unit.');
    }
    const all = await this.store.listOfficials(unitCode);
    return all.filter((o) => o.active && (!role || o.roles.includes(role))).map((o) => ({ id: o.id, fullName: o.fullName, roles: o.roles }));
  }

  private async manageable(actor: Actor, id: string): Promise<Official> {
    const official = await this.store.getOfficial(id);
    if (!official) throw notFound('cán bộ', 'Official', id);
    const units = administeredUnits(actor);
    if (units !== null && (official.unitCodes.length === 0 || !official.unitCodes.every((u) => units.includes(u)))) {
      throw forbidden('Cán bộ này không thuộc đơn vị bạn quản trị.', 'This official is not in a unit you administer.');
    }
    return official;
  }

  async create(actor: Actor, input: { username: string; fullName: string; roles: OfficialRole[]; unitCode: string; email?: string | null }): Promise<Official> {
    assertAdministers(actor, input.unitCode);
    assertGrantable(actor, input.roles);
    if (!unitOf(input.unitCode)) throw badRequest(`Không có đơn vị ${input.unitCode}.`, `No unit ${input.unitCode}.`);
    const username = input.username.trim().toLowerCase();
    if (await this.store.findOfficialByUsername(username)) {
      throw conflict(`Tên đăng nhập "${username}" đã có người dùng.`, `Username "${username}" is taken.`);
    }
    const id = randomUUID();
    await this.store.insertOfficials(
      [
        {
          id,
          username,
          subject: null,
          fullName: nfc(input.fullName).trim(),
          roles: [...new Set(input.roles)],
          unitCodes: [input.unitCode],
          email: workEmail(input.email),
        },
      ],
      this.ctx.clock.now(),
    );
    return (await this.store.getOfficial(id))!;
  }

  async update(actor: Actor, id: string, patch: { fullName?: string; roles?: OfficialRole[]; active?: boolean; email?: string | null }): Promise<Official> {
    const official = await this.manageable(actor, id);
    if (patch.roles) assertGrantable(actor, patch.roles);
    // Nobody locks themselves out: another administrator has to do that.
    if (
      actor.kind === 'official' &&
      actor.userId === id &&
      (patch.active === false || (patch.roles && !patch.roles.includes('commune_admin') && !patch.roles.includes('system_admin')))
    ) {
      throw conflict('Bạn không thể tự khoá hoặc tự bỏ quyền quản trị của mình.', 'You cannot deactivate yourself or drop your own administrator role.');
    }
    await this.store.updateOfficial(
      official.id,
      {
        ...(patch.fullName !== undefined ? { fullName: nfc(patch.fullName).trim() } : {}),
        ...(patch.roles !== undefined ? { roles: [...new Set(patch.roles)] } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        ...(patch.email !== undefined ? { email: workEmail(patch.email) } : {}),
      },
      this.ctx.clock.now(),
    );
    if (patch.active === false) await this.store.deleteSessionsOfOfficial(official.id);
    return (await this.store.getOfficial(official.id))!;
  }
}
