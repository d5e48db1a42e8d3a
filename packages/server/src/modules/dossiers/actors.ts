import type { Actor as CoreActor, Role } from '@motcua/core/dossier';
import type { Actor } from '../../platform/access.ts';
import type { StoredActor } from './tables.ts';

/** A platform caller, or the platform itself (e.g. results marking a signed result ready). */
export type DossierActor = Actor | { kind: 'system'; name: string };

export const systemActor = (name = 'Hệ thống Một cửa'): DossierActor => ({ kind: 'system', name });

const CORE_ROLES: readonly Role[] = ['receptionist', 'specialist', 'approver', 'outreach', 'commune_admin', 'province_viewer'];

/** The workflow's view of the caller. system_admin runs the platform but takes no part in dossiers. */
export function coreActor(actor: DossierActor): CoreActor | null {
  switch (actor.kind) {
    case 'citizen':
      return { kind: 'citizen', idNumber: actor.idNumber };
    case 'official':
      return {
        kind: 'official',
        userId: actor.userId,
        roles: actor.roles.flatMap((r) => ((CORE_ROLES as readonly string[]).includes(r) ? [r as Role] : [])),
        unitCodes: actor.unitCodes,
      };
    case 'system':
      return { kind: 'official', userId: 'system', roles: ['system'], unitCodes: [] };
    default:
      return null;
  }
}

export function storedActor(actor: DossierActor): StoredActor {
  if (actor.kind === 'citizen') return { kind: 'citizen', idNumber: actor.idNumber, name: actor.fullName };
  if (actor.kind === 'official') return { kind: 'official', userId: actor.userId, name: actor.fullName };
  if (actor.kind === 'system') return { kind: 'official', userId: 'system', name: actor.name };
  throw new Error('anonymous callers cannot act on dossiers');
}

/** Idempotency keys are per caller: two people may well pick the same key. */
export function idempotencyScope(actor: DossierActor): string {
  if (actor.kind === 'citizen') return `citizen:${actor.idNumber}`;
  if (actor.kind === 'official') return `official:${actor.userId}`;
  return actor.kind;
}
