import { DocWriter, documentTitle, inspectSignedPdf, issuerOf, nationalHeader, signatures, vnDateTime, type ResultsService } from '../results/index.ts';

export interface ReceiptInput {
  unitCode: string;
  number: string;
  issuedAt: Date;
  dossierCode: string;
  procedureName: string;
  payerName: string;
  amountVnd: number;
  method: 'vnpay' | 'vietqr' | 'cash';
  reference: string;
  collectedBy: string;
  verificationUrl: string;
}

const METHOD_VI = { vnpay: 'Thanh toán trực tuyến qua VNPAY', vietqr: 'Chuyển khoản (VietQR)', cash: 'Tiền mặt tại Bộ phận Một cửa' } as const;
const vnd = (n: number) => `${n.toLocaleString('vi-VN')} đồng`;

/**
 * Biên lai thu phí, lệ phí điện tử: receipts are governed by Nghị định 123/2020/NĐ-CP (hóa đơn,
 * chứng từ); the article listing a receipt's content was not confirmed here (docs/rules.md), so
 * the fields printed are the ones every receipt shows: number, payer, what was collected,
 * amount, collecting unit, date. Signed with the unit's key through the
 * results module, so pdfsig and the verify QR treat it like any issued document.
 */
export async function renderSignedReceipt(results: ResultsService, r: ReceiptInput): Promise<Uint8Array> {
  const issuer = issuerOf(r.unitCode);
  const w = await DocWriter.create('Biên lai thu phí, lệ phí', r.dossierCode, r.verificationUrl);
  nationalHeader(w, { unit: issuer.unit, dossierCode: r.dossierCode, verificationUrl: r.verificationUrl, documentNumber: r.number }, r.issuedAt);
  documentTitle(w, 'BIÊN LAI THU PHÍ, LỆ PHÍ', '(Điện tử)');
  w.field('Số biên lai', r.number);
  w.field('Tên người nộp', r.payerName);
  w.field('Hồ sơ', r.dossierCode);
  w.field('Nội dung thu', `Lệ phí, phí: ${r.procedureName}`);
  w.field('Số tiền', vnd(r.amountVnd));
  w.field('Hình thức thanh toán', METHOD_VI[r.method]);
  w.field('Mã giao dịch', r.reference);
  w.field('Thời điểm thu', vnDateTime(r.issuedAt));
  signatures(w, { heading: 'NGƯỜI THU TIỀN', name: r.collectedBy });
  const pdf = await w.finish();
  const signer = await results.signers.get({ code: issuer.code, name: issuer.displayName });
  const signed = await signer.sign(pdf, { reason: `Biên lai thu phí, lệ phí số ${r.number}`, location: issuer.unit.place, signerName: issuer.displayName });
  const sig = inspectSignedPdf(signed).signatures[0];
  if (!sig?.digestValid || !sig.signatureValid || !sig.byteRangeCoversWholeFile) throw new Error(`Signature self-check failed for receipt ${r.number}`);
  return signed;
}
