import type { FormDraft } from './schema.ts';
import type { DeliveryMethod } from '@motcua/core/api';

/** A file already on the server: uploads survive a reload because only their ids are kept. */
export interface AttachedFile {
  uploadId: string;
  filename: string;
  size: number;
  mediaType: string;
}

export interface ApplicantDraft {
  idNumber: string;
  fullName: string;
  birthDate: string;
  sex: string;
  phone: string;
  email: string;
  unitCode: string;
  hamlet: string;
  addressLine: string;
}

export interface WizardDraft {
  version: 1;
  procedureCode: string;
  /** CCCD of the citizen who started it: another person on a shared phone starts afresh. */
  owner: string;
  /** Made once per draft and sent with every submit attempt (see submitDossier). */
  idempotencyKey: string;
  step: number;
  applicant: ApplicantDraft;
  form: FormDraft;
  /** Files per catalogue document, keyed by the document's index. */
  documents: Record<string, AttachedFile[]>;
  delivery: DeliveryMethod | '';
  postalAddress: string;
  savedAt: string;
}

const PREFIX = 'motcua.draft.';

function draftKey(procedureCode: string): string {
  return `${PREFIX}${procedureCode}`;
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // blocked storage (private mode): the wizard still works, without autosave
  }
}

/** The saved draft of this procedure for this citizen, or null when absent, foreign or unreadable. */
export function loadDraft(procedureCode: string, owner: string, store: Storage | undefined = storage()): WizardDraft | null {
  const raw = store?.getItem(draftKey(procedureCode));
  if (!raw) return null;
  try {
    const draft = JSON.parse(raw) as Partial<WizardDraft>;
    if (draft.version !== 1 || draft.procedureCode !== procedureCode || draft.owner !== owner) return null;
    if (typeof draft.idempotencyKey !== 'string' || typeof draft.applicant !== 'object' || typeof draft.form !== 'object') return null;
    return draft as WizardDraft;
  } catch {
    return null;
  }
}

/** Writes the draft; false when the device refused (full or blocked storage). */
export function saveDraft(draft: WizardDraft, store: Storage | undefined = storage()): boolean {
  if (!store) return false;
  try {
    store.setItem(draftKey(draft.procedureCode), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(procedureCode: string, store: Storage | undefined = storage()): void {
  try {
    store?.removeItem(draftKey(procedureCode));
  } catch {
    // nothing to do: the draft simply stays
  }
}

export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Older WebViews lack randomUUID; getRandomValues exists everywhere we run.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
