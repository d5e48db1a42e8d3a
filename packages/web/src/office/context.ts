import { createContext, useContext } from 'react';
import type { Me } from '../portal/api/types.ts';

export type Official = Extract<Me, { kind: 'official' }>;

export const OfficialContext = createContext<Official | null>(null);

/** The signed-in official; office pages render only inside OfficeLayout, which guarantees one. */
export function useOfficial(): Official {
  const official = useContext(OfficialContext);
  if (!official) throw new Error('useOfficial outside OfficeLayout');
  return official;
}

export const officePaths = {
  dashboard: '/can-bo',
  queue: '/can-bo/ho-so',
  dossier: (code: string) => `/can-bo/ho-so/${encodeURIComponent(code)}`,
  slip: (code: string, kind: SlipKind) => `/can-bo/ho-so/${encodeURIComponent(code)}/phieu/${kind}`,
  intake: '/can-bo/tiep-nhan',
  insights: '/can-bo/so-lieu',
};

/** Roles the server lets read /api/insights (packages/server/src/modules/insights/routes.ts). */
export const INSIGHTS_ROLES = ['approver', 'commune_admin', 'province_viewer', 'system_admin'] as const;

export function canSeeInsights(official: Pick<Official, 'roles'>): boolean {
  return official.roles.some((r) => (INSIGHTS_ROLES as readonly string[]).includes(r));
}

export type SlipKind = 'tiep-nhan' | 'bo-sung' | 'tu-choi' | 'xin-loi';
