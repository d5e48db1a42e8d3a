import { api } from '../../api/client.ts';
import type { BankStatementImportResult, BankTransferList, Finding, Reconciliation, SettleResolution } from '@motcua/core/api';

export const importStatement = (unitCode: string, fileName: string, contentBase64: string) =>
  api.post<BankStatementImportResult>('/api/payments/bank-statements', { unitCode, fileName, contentBase64 });

export const openTransfers = (unitCode: string, signal?: AbortSignal) =>
  api.get<BankTransferList>('/api/payments/bank-transfers', { query: { unitCode, state: 'open' }, signal });

export const settleTransfer = (id: string, resolution: SettleResolution, note: string) =>
  api.post(`/api/payments/bank-transfers/${encodeURIComponent(id)}/settle`, { resolution, note });

export const reconcile = (unitCode: string, day: string, gatewayStatementBase64?: string) =>
  api.post<Reconciliation>('/api/payments/reconciliation', { unitCode, day, ...(gatewayStatementBase64 ? { gatewayStatementBase64 } : {}) });

export const storedFindings = (unitCode: string, day: string, signal?: AbortSignal) =>
  api.get<{ items: Finding[] }>('/api/payments/reconciliation', { query: { unitCode, day }, signal });

export const settleFinding = (id: string, resolution: SettleResolution, note: string) =>
  api.post(`/api/payments/reconciliation/lines/${encodeURIComponent(id)}/settle`, { resolution, note });

export const reconciliationXlsxUrl = (unitCode: string, day: string) =>
  `/api/payments/reconciliation.xlsx?unitCode=${encodeURIComponent(unitCode)}&day=${encodeURIComponent(day)}`;

/** The file's bytes as base64 (the statement routes take JSON). */
export async function fileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
