/**
 * The dossiers module's port: the service (intake, workflow, who may see a dossier), the
 * actor and intake shapes other modules pass it, and read functions over the dossier
 * projection for figures. Other modules never query `dossier` or `dossier_event` themselves.
 */
export {
  DossierService,
  type ActOptions,
  type AttachmentPort,
  type DossierEventHook,
  type LoadedDossier,
  type RecordedDossierEvent,
  type SubmitOptions,
} from './service.ts';
export { systemActor, type DossierActor } from './actors.ts';
export type { Applicant, AttachmentInput, AttachmentRef, IntakeDetails, SubmissionInput } from './intake.ts';
export type { StoredEvent } from './store.ts';
export { DOSSIER_KINDS, type DossierJson } from './views.ts';
export { dossierFiguresByUnit, dossiersByHamlet, dossiersLateNow, type DossierFigures, type Period } from './figures.ts';
export { dossierRoutes } from './routes.ts';
export { seedDemoDossiers } from './demo.ts';
export { reserveDayNumbers, returnDayNumbers } from './numbers.ts';
export { forEachDossierLog } from './logs.ts';
export { inProvisionalYear } from './clock.ts';
