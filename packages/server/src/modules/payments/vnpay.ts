import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * VNPAY payment protocol 2.1.0 (merchant integration guide, sandbox.vnpayment.vn/apis): the
 * parameters of a payment URL, IPN and return URL are `vnp_*` query parameters; the signature
 * `vnp_SecureHash` is HMAC-SHA512 (hex) with the terminal's hash secret over the parameters
 * other than vnp_SecureHash / vnp_SecureHashType, sorted by name, each name and value
 * URL-encoded (spaces as "+", as the guide's reference code does) and joined as a query string.
 * querydr and refund are JSON calls whose signature is over fixed fields joined by "|".
 * Pure functions: no I/O, shared by the merchant side (gateway.ts) and the sandbox (sandbox.ts).
 */

export const VNPAY_VERSION = '2.1.0';

export type VnpParams = Record<string, string>;

/** encodeURIComponent with spaces as "+": the form-encoding the guide's hash data uses. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+');
}

/** The hash data: sorted, encoded `name=value` pairs joined by "&" (also the query string). */
export function canonicalQuery(params: VnpParams): string {
  return Object.keys(params)
    .filter((k) => k.startsWith('vnp_') && k !== 'vnp_SecureHash' && k !== 'vnp_SecureHashType' && params[k] !== '')
    .sort()
    .map((k) => `${encode(k)}=${encode(params[k]!)}`)
    .join('&');
}

export function hmacSha512(secret: string, data: string): string {
  return createHmac('sha512', secret).update(Buffer.from(data, 'utf8')).digest('hex');
}

export function signParams(secret: string, params: VnpParams): string {
  return hmacSha512(secret, canonicalQuery(params));
}

/** Constant-time comparison of the received vnp_SecureHash against our own. */
export function verifyParams(secret: string, params: VnpParams): boolean {
  const given = params.vnp_SecureHash;
  if (!given || !/^[0-9a-fA-F]{128}$/.test(given)) return false;
  const expected = Buffer.from(signParams(secret, params), 'hex');
  return timingSafeEqual(expected, Buffer.from(given.toLowerCase(), 'hex'));
}

/** A payment URL: the gateway address with the signed, sorted query string. */
export function signedUrl(base: string, secret: string, params: VnpParams): string {
  const query = canonicalQuery(params);
  return `${base}?${query}&vnp_SecureHash=${hmacSha512(secret, query)}`;
}

/** yyyyMMddHHmmss in Vietnam time (GMT+7), the protocol's date format. */
export function vnpDate(at: Date): string {
  const t = new Date(at.getTime() + 7 * 3600_000).toISOString();
  return t.slice(0, 19).replace(/[-T:]/g, '');
}

export function parseVnpDate(s: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  return new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+07:00`);
}

/** Amounts travel in hundredths of a đồng (vnp_Amount = VND × 100). */
export const toVnpAmount = (vnd: number) => String(vnd * 100);

/** querydr request fields in signing order (guide: "Truy vấn kết quả thanh toán"). */
export const QUERYDR_FIELDS = [
  'vnp_RequestId',
  'vnp_Version',
  'vnp_Command',
  'vnp_TmnCode',
  'vnp_TxnRef',
  'vnp_TransactionDate',
  'vnp_CreateDate',
  'vnp_IpAddr',
  'vnp_OrderInfo',
] as const;
/** querydr answer fields in signing order. */
export const QUERYDR_ANSWER_FIELDS = [
  'vnp_ResponseId',
  'vnp_Command',
  'vnp_ResponseCode',
  'vnp_Message',
  'vnp_TmnCode',
  'vnp_TxnRef',
  'vnp_Amount',
  'vnp_BankCode',
  'vnp_PayDate',
  'vnp_TransactionNo',
  'vnp_TransactionType',
  'vnp_TransactionStatus',
  'vnp_OrderInfo',
  'vnp_PromotionCode',
  'vnp_PromotionAmount',
] as const;
/** refund request fields in signing order (guide: "Hoàn tiền"). */
export const REFUND_FIELDS = [
  'vnp_RequestId',
  'vnp_Version',
  'vnp_Command',
  'vnp_TmnCode',
  'vnp_TransactionType',
  'vnp_TxnRef',
  'vnp_Amount',
  'vnp_TransactionNo',
  'vnp_TransactionDate',
  'vnp_CreateBy',
  'vnp_CreateDate',
  'vnp_IpAddr',
  'vnp_OrderInfo',
] as const;
/** refund answer fields in signing order. */
export const REFUND_ANSWER_FIELDS = [
  'vnp_ResponseId',
  'vnp_Command',
  'vnp_ResponseCode',
  'vnp_Message',
  'vnp_TmnCode',
  'vnp_TxnRef',
  'vnp_Amount',
  'vnp_BankCode',
  'vnp_PayDate',
  'vnp_TransactionNo',
  'vnp_TransactionType',
  'vnp_TransactionStatus',
  'vnp_OrderInfo',
] as const;

/** HMAC-SHA512 over the named fields' values joined by "|" (querydr and refund). */
export function signPiped(secret: string, fields: readonly string[], body: Record<string, string | undefined>): string {
  return hmacSha512(secret, fields.map((f) => body[f] ?? '').join('|'));
}

export function verifyPiped(secret: string, fields: readonly string[], body: Record<string, string | undefined>): boolean {
  const given = body.vnp_SecureHash;
  if (!given || !/^[0-9a-fA-F]{128}$/.test(given)) return false;
  return timingSafeEqual(Buffer.from(signPiped(secret, fields, body), 'hex'), Buffer.from(given.toLowerCase(), 'hex'));
}

/** IPN answers (guide: "Code cài đặt IPN URL"): the gateway retries on anything but 00/02. */
export const IPN = {
  confirmed: { RspCode: '00', Message: 'Confirm Success' },
  notFound: { RspCode: '01', Message: 'Order not found' },
  alreadyConfirmed: { RspCode: '02', Message: 'Order already confirmed' },
  invalidAmount: { RspCode: '04', Message: 'invalid amount' },
  invalidSignature: { RspCode: '97', Message: 'Invalid signature' },
  unknown: { RspCode: '99', Message: 'Unknown error' },
} as const;
