import { describe, expect, it } from 'vitest';
import { deliveryBody, handoverProblems, type HandoverDraft } from './deliveryBody.ts';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const draft = (patch: Partial<HandoverDraft> = {}): HandoverDraft => ({
  method: 'counter',
  recipientName: ' Nguyễn Văn An ',
  recipientIdNumber: '0890 9500 1234',
  signature: PNG,
  typed: false,
  typedName: '',
  address: '',
  ...patch,
});

describe('handoverProblems', () => {
  it('accepts a counter hand-over with name, 12-digit CCCD and a signature', () => {
    expect(handoverProblems(draft())).toEqual([]);
  });
  it('names each missing piece at the counter', () => {
    expect(handoverProblems(draft({ recipientName: ' ', recipientIdNumber: '12345', signature: null }))).toEqual([
      'recipientName',
      'recipientIdNumber',
      'signature',
    ]);
    expect(handoverProblems(draft({ typed: true, typedName: '' }))).toEqual(['typedName']);
    expect(handoverProblems(draft({ recipientIdNumber: '123456789' }))).toEqual([]);
  });
  it('needs an address by post and nothing electronically', () => {
    expect(handoverProblems(draft({ method: 'post', address: 'abc' }))).toEqual(['address']);
    expect(handoverProblems(draft({ method: 'post', address: 'Ấp Phú Hòa, xã Phú Lâm' }))).toEqual([]);
    expect(handoverProblems(draft({ method: 'electronic', recipientName: '', signature: null }))).toEqual([]);
  });
});

describe('deliveryBody', () => {
  it('sends the drawn signature, trimmed name and ID digits only', () => {
    expect(deliveryBody(draft(), '30421-251103-0001')).toEqual({
      method: 'counter',
      recipientName: 'Nguyễn Văn An',
      recipientIdNumber: '089095001234',
      signaturePng: PNG,
    });
  });
  it('sends a typed confirmation instead of any drawing, never both', () => {
    const body = deliveryBody(draft({ typed: true, typedName: 'Nguyễn Văn An' }), '30421-251103-0001');
    expect(body).toEqual({
      method: 'counter',
      recipientName: 'Nguyễn Văn An',
      recipientIdNumber: '089095001234',
      typedConfirmation: 'Nguyễn Văn An xác nhận đã nhận kết quả hồ sơ 30421-251103-0001.',
    });
    expect('signaturePng' in body).toBe(false);
  });
  it('sends only the fields each method takes', () => {
    expect(deliveryBody(draft({ method: 'post', address: '  12 Ấp Phú Hòa ' }), 'X')).toEqual({ method: 'post', address: '12 Ấp Phú Hòa' });
    expect(deliveryBody(draft({ method: 'electronic' }), 'X')).toEqual({ method: 'electronic' });
  });
});
