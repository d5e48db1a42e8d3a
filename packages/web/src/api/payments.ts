import { api } from './client.ts';
import type { Payment, PaymentList, PaymentMethod } from '@motcua/core/api';

export type { Payment, PaymentList, PaymentMethod };

const enc = encodeURIComponent;

export const dossierPayments = (code: string, signal?: AbortSignal) => api.get<PaymentList>(`/api/dossiers/${enc(code)}/payments`, { signal });

export const startPayment = (code: string, method: PaymentMethod) => api.post<Payment>(`/api/dossiers/${enc(code)}/payments`, { method });

export const refundPayment = (code: string, id: string, reason: string) =>
  api.post<Payment>(`/api/dossiers/${enc(code)}/payments/${enc(id)}/refund`, { reason });

/** The portal page the gateway's return URL lands on. */
export const paymentPath = (code: string) => `/ho-so/${enc(code)}/thanh-toan`;
