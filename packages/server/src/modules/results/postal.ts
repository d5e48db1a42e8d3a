import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import type { ShipmentStatus } from './tables.ts';

export interface ShipmentRequest {
  dossierCode: string;
  recipient: { name: string; phone: string; address: string };
  /** Cash to collect from the recipient on delivery. */
  codFeeVnd: number;
}

/**
 * A postal carrier. Booking returns the carrier's tracking number; later status changes arrive
 * through POST /api/postal/webhook (real carriers) or an official's update (the local stand-in).
 */
export interface PostalAdapter {
  readonly carrier: string;
  createShipment(request: ShipmentRequest): Promise<{ trackingNumber: string }>;
}

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7];

/** UPU S10 check digit of an 8-digit serial. */
export function s10CheckDigit(serial: string): number {
  if (!/^\d{8}$/.test(serial)) throw new RangeError(`S10 serial must be 8 digits: ${serial}`);
  const sum = [...serial].reduce((acc, d, i) => acc + Number(d) * S10_WEIGHTS[i]!, 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 0 : check === 11 ? 5 : check;
}

/** "MC" + 8-digit serial + check digit + "VN", the UPU S10 layout national posts use. */
export function s10TrackingNumber(serial: number, service = 'MC', country = 'VN'): string {
  const digits = String(serial).padStart(8, '0');
  return `${service}${digits}${s10CheckDigit(digits)}${country}`;
}

export function isS10(trackingNumber: string): boolean {
  const m = /^[A-Z]{2}(\d{8})(\d)[A-Z]{2}$/.exec(trackingNumber);
  return !!m && s10CheckDigit(m[1]!) === Number(m[2]);
}

/**
 * Local stand-in for a carrier (the default): assigns valid S10 numbers at random and leaves
 * status changes to officials and tests. Not connected to any post office.
 */
export class LocalPostalAdapter implements PostalAdapter {
  readonly carrier = 'local';
  constructor(private readonly random: () => number = () => randomInt(0, 100_000_000)) {}
  async createShipment(): Promise<{ trackingNumber: string }> {
    return { trackingNumber: s10TrackingNumber(this.random()) };
  }
}

const NEXT: Record<ShipmentStatus, readonly ShipmentStatus[]> = {
  accepted: ['in_transit', 'returned'],
  in_transit: ['delivered', 'returned'],
  delivered: [],
  returned: [],
};

/** accepted → in_transit → delivered | returned (a parcel may also come back before leaving). */
export function canAdvance(from: ShipmentStatus, to: ShipmentStatus): boolean {
  return NEXT[from].includes(to);
}

export const SHIPMENT_STATUS_LABEL: Record<ShipmentStatus, { vi: string; en: string }> = {
  accepted: { vi: 'Bưu điện đã nhận gửi', en: 'Accepted by the post office' },
  in_transit: { vi: 'Đang vận chuyển', en: 'In transit' },
  delivered: { vi: 'Đã giao cho người nhận', en: 'Delivered' },
  returned: { vi: 'Chuyển hoàn (không giao được)', en: 'Returned to sender' },
};

export const WEBHOOK_SIGNATURE_HEADER = 'x-motcua-signature';

/** `sha256=<hex>` HMAC of the raw request body, the header a carrier's webhook call carries. */
export function webhookSignature(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function webhookSignatureOk(secret: string, body: Buffer, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(webhookSignature(secret, body));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
