import { randomBytes } from 'node:crypto';
import type { PaymentsConfig } from '../../platform/config.ts';
import {
  QUERYDR_ANSWER_FIELDS,
  QUERYDR_FIELDS,
  REFUND_ANSWER_FIELDS,
  REFUND_FIELDS,
  VNPAY_VERSION,
  signPiped,
  signedUrl,
  toVnpAmount,
  verifyParams,
  verifyPiped,
  vnpDate,
  type VnpParams,
} from './vnpay.ts';

/** How the server reaches a URL: fetch, or in-process when it is this server (the sandbox). */
export type Transport = (url: string, init: { method: 'GET' | 'POST'; body?: unknown }) => Promise<{ status: number; json: unknown }>;

export const fetchTransport: Transport = async (url, init) => {
  const r = await fetch(url, {
    method: init.method,
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(15_000),
  });
  return { status: r.status, json: await r.json().catch(() => null) };
};

export interface GatewayOrder {
  reference: string;
  amountVnd: number;
  orderInfo: string;
  createdAt: Date;
  ipAddr: string;
}

/** What a signed callback (IPN or return URL) says, once its signature is checked. */
export interface GatewayCallback {
  signatureValid: boolean;
  terminal: string;
  reference: string;
  /** In đồng (vnp_Amount / 100); NaN when not a whole number of đồng. */
  amountVnd: number;
  succeeded: boolean;
  transactionNo: string | null;
  payDate: string | null;
}

export interface GatewayStanding {
  /** 'unknown' when the gateway has no such order (or the answer's signature was wrong). */
  status: 'paid' | 'failed' | 'pending' | 'unknown';
  amountVnd: number | null;
  transactionNo: string | null;
  payDate: string | null;
}

/** The online gateway behind one interface: real VNPAY or the sandbox differ only by configuration. */
export interface PaymentGateway {
  readonly terminal: string;
  payUrl(order: GatewayOrder, returnUrl: string): string;
  readCallback(params: VnpParams): GatewayCallback;
  query(order: GatewayOrder, at: Date): Promise<GatewayStanding>;
  refund(order: GatewayOrder & { transactionNo: string; by: string }, at: Date): Promise<{ ok: boolean; responseCode: string }>;
}

const requestId = () => randomBytes(8).toString('hex');

export class VnpayGateway implements PaymentGateway {
  constructor(
    private readonly config: PaymentsConfig,
    /** Set by app.ts once the sandbox is mounted (in-process calls); fetch otherwise. */
    public transport: Transport = fetchTransport,
  ) {}

  get terminal(): string {
    return this.config.vnpayTmnCode;
  }

  payUrl(order: GatewayOrder, returnUrl: string): string {
    const params: VnpParams = {
      vnp_Version: VNPAY_VERSION,
      vnp_Command: 'pay',
      vnp_TmnCode: this.config.vnpayTmnCode,
      vnp_Amount: toVnpAmount(order.amountVnd),
      vnp_CurrCode: 'VND',
      vnp_TxnRef: order.reference,
      vnp_OrderInfo: order.orderInfo,
      vnp_OrderType: 'other',
      vnp_Locale: 'vn',
      vnp_ReturnUrl: returnUrl,
      vnp_IpAddr: order.ipAddr,
      vnp_CreateDate: vnpDate(order.createdAt),
      vnp_ExpireDate: vnpDate(new Date(order.createdAt.getTime() + 15 * 60_000)),
    };
    return signedUrl(this.config.vnpayUrl, this.config.vnpayHashSecret, params);
  }

  readCallback(params: VnpParams): GatewayCallback {
    const raw = params.vnp_Amount ?? '';
    const amount = /^\d+$/.test(raw) && raw.endsWith('00') ? Number(raw) / 100 : Number.NaN;
    return {
      signatureValid: verifyParams(this.config.vnpayHashSecret, params),
      terminal: params.vnp_TmnCode ?? '',
      reference: params.vnp_TxnRef ?? '',
      amountVnd: amount,
      // Both codes must say success (guide: vnp_ResponseCode and vnp_TransactionStatus "00").
      succeeded: params.vnp_ResponseCode === '00' && params.vnp_TransactionStatus === '00',
      transactionNo: params.vnp_TransactionNo || null,
      payDate: params.vnp_PayDate || null,
    };
  }

  async query(order: GatewayOrder, at: Date): Promise<GatewayStanding> {
    const body: Record<string, string> = {
      vnp_RequestId: requestId(),
      vnp_Version: VNPAY_VERSION,
      vnp_Command: 'querydr',
      vnp_TmnCode: this.config.vnpayTmnCode,
      vnp_TxnRef: order.reference,
      vnp_OrderInfo: `Truy van ${order.reference}`,
      vnp_TransactionDate: vnpDate(order.createdAt),
      vnp_CreateDate: vnpDate(at),
      vnp_IpAddr: order.ipAddr,
    };
    body.vnp_SecureHash = signPiped(this.config.vnpayHashSecret, QUERYDR_FIELDS, body);
    const r = await this.transport(this.config.vnpayApiUrl, { method: 'POST', body });
    const a = (r.json ?? {}) as Record<string, string>;
    const unknown: GatewayStanding = { status: 'unknown', amountVnd: null, transactionNo: null, payDate: null };
    if (!verifyPiped(this.config.vnpayHashSecret, QUERYDR_ANSWER_FIELDS, a) || a.vnp_TxnRef !== order.reference) return unknown;
    if (a.vnp_ResponseCode !== '00') return unknown;
    const status = a.vnp_TransactionStatus === '00' ? 'paid' : a.vnp_TransactionStatus === '01' ? 'pending' : 'failed';
    return { status, amountVnd: Number(a.vnp_Amount) / 100, transactionNo: a.vnp_TransactionNo || null, payDate: a.vnp_PayDate || null };
  }

  async refund(order: GatewayOrder & { transactionNo: string; by: string }, at: Date): Promise<{ ok: boolean; responseCode: string }> {
    const body: Record<string, string> = {
      vnp_RequestId: requestId(),
      vnp_Version: VNPAY_VERSION,
      vnp_Command: 'refund',
      vnp_TmnCode: this.config.vnpayTmnCode,
      vnp_TransactionType: '02', // full refund
      vnp_TxnRef: order.reference,
      vnp_Amount: toVnpAmount(order.amountVnd),
      vnp_TransactionNo: order.transactionNo,
      vnp_TransactionDate: vnpDate(order.createdAt),
      vnp_CreateBy: order.by,
      vnp_CreateDate: vnpDate(at),
      vnp_IpAddr: order.ipAddr,
      vnp_OrderInfo: `Hoan tien ${order.reference}`,
    };
    body.vnp_SecureHash = signPiped(this.config.vnpayHashSecret, REFUND_FIELDS, body);
    const r = await this.transport(this.config.vnpayApiUrl, { method: 'POST', body });
    const a = (r.json ?? {}) as Record<string, string>;
    if (!verifyPiped(this.config.vnpayHashSecret, REFUND_ANSWER_FIELDS, a)) return { ok: false, responseCode: 'bad_signature' };
    return { ok: a.vnp_ResponseCode === '00', responseCode: a.vnp_ResponseCode ?? '' };
  }
}
