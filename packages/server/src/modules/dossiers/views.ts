import { allowedActions, deriveDossier, timeliness, type Actor as CoreActor, type DossierView } from '@motcua/core/dossier';
import type { Dossier, FeeAdjustment } from '@motcua/core/api';
import { dueNow } from './fees.ts';
import { INTERNAL_NOTE_ACTIONS, type DataKind } from '@motcua/core/privacy';
import { dossierClock, inProvisionalYear, iso } from './clock.ts';
import type { AttachmentRef, IntakeDetails } from './intake.ts';
import type { StoredEvent } from './store.ts';

/** A dossier as the API shows it: `Dossier` of the wire contract (@motcua/core/api). */
export type DossierJson = Dossier;

/** What a dossier's detail holds (who-sees-what kinds): a reader must be allowed every one. */
export const DOSSIER_KINDS: readonly DataKind[] = ['identity', 'contact', 'application'];

export function intakeOf(events: readonly StoredEvent[]): IntakeDetails {
  return (events[0]!.data as unknown as { intake: IntakeDetails }).intake;
}

function noteOf(data: Record<string, unknown>): string | null {
  const v = data.note ?? data.reason ?? null;
  return typeof v === 'string' ? v : null;
}

/**
 * The appointment shown: the real one, or for an unchecked online dossier the one it would get now.
 * Provisional ("dự kiến") when estimated, or when it falls in a year whose days off are not yet
 * announced: the year's announcement may still move it.
 */
export function shownDueAt(view: DossierView, now: Date): { dueAt: string | null; provisional: boolean } {
  if (view.dueAt !== null) return { dueAt: iso(view.dueAt), provisional: inProvisionalYear(view.dueAt) };
  if (view.state !== 'submitted') return { dueAt: null, provisional: false };
  return { dueAt: iso(dossierClock.dueDate(now, view.processing)), provisional: true };
}

/**
 * The dossier for one reader. `internalNotes`: whether the reader may see the notes of internal
 * steps (the specialist's proposal, the approver's remarks); citizens see the step, not the note.
 */
export function dossierJson(
  events: readonly StoredEvent[],
  caller: CoreActor | null,
  now: Date,
  options: { internalNotes: boolean; feeAdjustments?: readonly FeeAdjustment[] },
): DossierJson {
  const adjustments = [...(options.feeAdjustments ?? [])];
  const view = deriveDossier(events);
  const intake = intakeOf(events);
  const due = shownDueAt(view, now);
  return {
    code: view.code,
    state: view.state,
    version: view.lastSeq,
    procedureCode: view.procedureCode,
    procedureName: intake.procedureName,
    unitCode: view.unitCode,
    channel: view.channel,
    applicant: intake.applicant,
    form: intake.form,
    // Files sent at intake, then those sent with each supplement.
    attachments: [...intake.attachments, ...events.flatMap((e) => (e.data as { attachments?: AttachmentRef[] }).attachments ?? [])],
    resultDelivery: intake.resultDelivery,
    postalAddress: intake.postalAddress,
    feeVnd: dueNow(intake, adjustments),
    feeDueAt: intake.feeDueAt ?? 'intake',
    fee: intake.fee ?? null,
    feeAdjustments: adjustments,
    consent: intake.consent,
    submittedAt: iso(view.submittedAt)!,
    receivedAt: iso(view.receivedAt),
    dueAt: due.dueAt,
    dueAtProvisional: due.provisional,
    timeliness: timeliness(view, now, dossierClock),
    assigneeUserId: view.assigneeUserId,
    missingDocuments: view.missingDocuments,
    documentsLacking: intake.documentsLacking ?? null,
    apologies: events
      .filter((e) => e.type === 'record_apology')
      .map((e) => ({
        at: iso(e.at)!,
        newAppointment: iso((e.data as { newAppointment: string }).newAppointment)!,
        reason: (e.data as { reason: string }).reason,
      })),
    history: events.map((e) => ({
      action: e.type,
      at: iso(e.at)!,
      actorName: e.actor.name,
      note: !options.internalNotes && INTERNAL_NOTE_ACTIONS.includes(e.type) ? null : noteOf(e.data as Record<string, unknown>),
    })),
    allowedActions: caller ? allowedActions(view, caller, now) : [],
  };
}
