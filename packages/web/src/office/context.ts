import { createContext, useContext } from 'react';
import { seesAnywhere } from '@motcua/core/privacy';
import type { Me } from '@motcua/core/api';

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
  discrepancies: '/can-bo/sai-lech',
  calendar: '/can-bo/lich-nghi',
  agencyCodes: '/can-bo/ma-co-quan',
  reconciliation: '/can-bo/doi-soat',
};

/** Figures (insights): whoever the who-sees-what table lets see figures somewhere, as the server decides. */
export function canSeeInsights(official: Pick<Official, 'roles'>): boolean {
  return seesAnywhere(official.roles, 'figures');
}

/** The dossier screens show applicants: only for roles that may see identities (province viewers may not). */
export function canSeeDossiers(official: Pick<Official, 'roles'>): boolean {
  return seesAnywhere(official.roles, 'identity');
}

export type SlipKind = 'tiep-nhan' | 'bo-sung' | 'tu-choi' | 'xin-loi';
