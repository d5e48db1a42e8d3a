import { api } from './client.ts';
import type { ListResponse } from './types.ts';
import type { Dossier } from '../portal/api/types.ts';

const enc = encodeURIComponent;

export type ShipmentStatus = 'accepted' | 'in_transit' | 'delivered' | 'returned';

/** A postal shipment of a dossier's result (packages/server/src/modules/results/delivery.ts). */
export interface Shipment {
  id: string;
  dossierCode: string;
  carrier: string;
  trackingNumber: string;
  recipientName: string;
  address: string;
  codFeeVnd: number;
  status: ShipmentStatus;
  statusLabel: { vi: string; en: string };
  events: { status: ShipmentStatus; at: string; source: string; note: string | null }[];
}

/** Body of POST /api/office/dossiers/{code}/delivery, one shape per way of handing over. */
export type DeliveryBody =
  | { method: 'counter'; recipientName: string; recipientIdNumber: string; signaturePng?: string; typedConfirmation?: string }
  | { method: 'post'; address?: string }
  | { method: 'electronic' };

/** Hands a ready result over; the server records it as the dossier's return_result step. */
export const deliverResult = (code: string, body: DeliveryBody) => api.post<Dossier>(`/api/office/dossiers/${enc(code)}/delivery`, body);

export async function dossierShipments(code: string, signal?: AbortSignal): Promise<Shipment[]> {
  return (await api.get<ListResponse<Shipment>>(`/api/dossiers/${enc(code)}/shipments`, { signal })).items;
}

/** The public page that checks a dossier's signed documents against the register. */
export const verifyPath = (code: string) => `/verify/${enc(code)}`;
