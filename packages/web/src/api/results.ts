import { api } from './client.ts';
import type { DeliveryBody, Dossier, Shipment, ShipmentList } from '@motcua/core/api';

export type { DeliveryBody, Shipment };

const enc = encodeURIComponent;

/** Hands a ready result over; the server records it as the dossier's return_result step. */
export const deliverResult = (code: string, body: DeliveryBody) => api.post<Dossier>(`/api/office/dossiers/${enc(code)}/delivery`, body);

export async function dossierShipments(code: string, signal?: AbortSignal): Promise<Shipment[]> {
  return (await api.get<ShipmentList>(`/api/dossiers/${enc(code)}/shipments`, { signal })).items;
}
