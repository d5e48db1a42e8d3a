import type { DossierView } from '@motcua/core/dossier';
import type { DataKind } from '@motcua/core/privacy';
import type { Actor } from '../../platform/access.ts';
import { notFound } from '../../platform/errors.ts';
import { seesAll } from '../../platform/privacy.ts';
import type { IntakeDetails } from '../dossiers/intake.ts';
import type { DossierService } from '../dossiers/service.ts';
import type { StoredEvent } from '../dossiers/store.ts';

export interface LoadedDossier {
  view: DossierView;
  events: StoredEvent[];
  intake: IntakeDetails;
}

export const dossierNotFound = (code: string) => notFound('hồ sơ', 'Dossier', code);

/**
 * A dossier whose documents and delivery (`kinds`) the caller may see by the who-sees-what
 * policy (platform/privacy.ts): its applicant, or officials the policy lets see them in its
 * current unit. Everyone else gets the 404 of a code that does not exist.
 */
export async function loadVisible(dossiers: DossierService, actor: Actor, code: string, kinds: readonly DataKind[] = ['results']): Promise<LoadedDossier> {
  const loaded = await dossiers.load(code);
  if (!loaded || actor.kind === 'anonymous') throw dossierNotFound(code);
  const { view } = loaded;
  if (!seesAll(actor, kinds, await dossiers.placeOf(view, undefined, actor, kinds))) throw dossierNotFound(code);
  return loaded;
}
