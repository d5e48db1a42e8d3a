import type { DeliveryBody } from '../../api/results.ts';
import type { DeliveryMethod } from '@motcua/core/api';

export interface HandoverDraft {
  method: DeliveryMethod;
  recipientName: string;
  recipientIdNumber: string;
  /** PNG data URL from the signature pad; null while nothing is drawn. */
  signature: string | null;
  /** The recipient cannot sign on the screen and confirms by typing their name instead. */
  typed: boolean;
  typedName: string;
  address: string;
}

/** What is still missing, as i18n keys under office.handover.errors; empty when ready to send. */
export type HandoverProblem = 'recipientName' | 'recipientIdNumber' | 'signature' | 'typedName' | 'address';

export function handoverProblems(d: HandoverDraft): HandoverProblem[] {
  const problems: HandoverProblem[] = [];
  if (d.method === 'counter') {
    if (!d.recipientName.trim()) problems.push('recipientName');
    if (!/^(\d{9}|\d{12})$/.test(d.recipientIdNumber.replace(/\s/g, ''))) problems.push('recipientIdNumber');
    if (d.typed ? !d.typedName.trim() : !d.signature) problems.push(d.typed ? 'typedName' : 'signature');
  }
  if (d.method === 'post' && d.address.trim().length < 5) problems.push('address');
  return problems;
}

/**
 * The request body. The server takes a signature image or a typed confirmation, never both, so
 * the typed choice drops any drawing; the typed sentence is kept in Vietnamese, as on paper.
 */
export function deliveryBody(d: HandoverDraft, dossierCode: string): DeliveryBody {
  if (d.method === 'electronic') return { method: 'electronic' };
  if (d.method === 'post') return { method: 'post', address: d.address.trim() };
  const base = { method: 'counter' as const, recipientName: d.recipientName.trim(), recipientIdNumber: d.recipientIdNumber.replace(/\s/g, '') };
  if (d.typed) return { ...base, typedConfirmation: `${d.typedName.trim()} xác nhận đã nhận kết quả hồ sơ ${dossierCode}.` };
  return { ...base, signaturePng: d.signature ?? '' };
}
