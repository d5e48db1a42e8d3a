import type { DossierView } from '@motcua/core/dossier';
import type { Actor } from '../../platform/access.ts';
import { notFound } from '../../platform/errors.ts';
import { officialSees } from '../dossiers/actors.ts';
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
 * The dossier module's rule: its applicant, or an official whose units (or province) cover its
 * current unit. Everyone else gets the 404 of a code that does not exist.
 */
export async function loadVisible(dossiers: DossierService, actor: Actor, code: string): Promise<LoadedDossier> {
  const loaded = await dossiers.load(code);
  if (!loaded) throw dossierNotFound(code);
  const { view } = loaded;
  if (actor.kind === 'citizen' && actor.idNumber === view.applicantIdNumber) return loaded;
  if (actor.kind === 'official') {
    if (actor.unitCodes.includes(view.unitCode)) return loaded;
    const unit = await dossiers.store.unit(view.unitCode);
    if (officialSees(actor, view.unitCode, unit?.province_code ?? null)) return loaded;
  }
  throw dossierNotFound(code);
}
