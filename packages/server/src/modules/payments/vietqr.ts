import { QRPay } from 'vietnam-qr-pay';
import QRCode from 'qrcode';
import type { VietQr } from '@motcua/core/api';
import type { BankAccount } from '../../platform/config.ts';

/**
 * The demo account every unit gets while no real accounts are configured (PAYMENT_BANK_ACCOUNTS):
 * named so nobody mistakes it for a real one. The BIN is Agribank's (NAPAS list) so banking apps
 * parse the QR; the account number is not a real account of the unit.
 */
export function demoAccount(unitCode: string): BankAccount {
  return {
    bankBin: '970405',
    bankName: 'Agribank (TÀI KHOẢN DEMO — demo account)',
    accountNumber: `9704${unitCode.replace(/\D/g, '').padStart(5, '0').slice(-5)}00`,
    accountName: 'TAI KHOAN DEMO MOTCUA',
  };
}

/**
 * A VietQR (NAPAS 247) merchant-presented EMVCo payload: tag 38 with the NAPAS GUID A000000727,
 * the bank's BIN and the account, service QRIBFTTA (transfer to an account), amount in đồng
 * (tag 54), VND (53 = 704), VN (58), the payment reference as the transfer message (62-08), and
 * the CRC-16/CCITT-FALSE (63); point of initiation 12 (dynamic: one payment, one amount). Built by the vietnam-qr-pay library (docs/decisions.md).
 */
export function vietQrPayload(account: BankAccount, amountVnd: number, message: string): string {
  const qr = QRPay.initVietQR({ bankBin: account.bankBin, bankNumber: account.accountNumber, amount: String(amountVnd), purpose: message, initMethod: '12' });
  return qr.build();
}

export async function vietQr(account: BankAccount, amountVnd: number, message: string, demo: boolean): Promise<VietQr> {
  const payload = vietQrPayload(account, amountVnd, message);
  const svg = await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return {
    payload,
    imageDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
    bankBin: account.bankBin,
    bankName: account.bankName,
    accountNumber: account.accountNumber,
    accountName: account.accountName,
    amountVnd,
    message,
    demo,
  };
}
