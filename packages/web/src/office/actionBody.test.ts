import { describe, expect, it } from 'vitest';
import type { AllowedAction } from '@motcua/core/api';
import { actionBody, assigneeOptions, missingFields } from './actionBody.ts';

// Field lists as the server's allowedActions give them (packages/core/src/dossier/rules.ts).
const returnResult: AllowedAction = {
  action: 'return_result',
  fields: [
    { name: 'method', type: 'enum', required: true, options: ['counter', 'post', 'electronic'] },
    { name: 'recipientName', type: 'string', required: false, requiredWhen: { field: 'method', equals: 'counter' } },
    { name: 'signatureRef', type: 'string', required: false, requiredWhen: { field: 'method', equals: 'counter' } },
    { name: 'trackingNumber', type: 'string', required: false },
  ],
};
const apology: AllowedAction = {
  action: 'record_apology',
  fields: [
    { name: 'newAppointment', type: 'date-time', required: true },
    { name: 'reason', type: 'string', required: true },
  ],
};
const supplement: AllowedAction = {
  action: 'request_supplement',
  fields: [
    { name: 'reason', type: 'string', required: true },
    { name: 'missingDocuments', type: 'string[]', required: true },
  ],
};

describe('action forms', () => {
  it('asks for fields required only in some cases exactly then', () => {
    expect(missingFields(returnResult, { method: 'counter', recipientName: '', signatureRef: ' ', trackingNumber: '' })).toEqual([
      'recipientName',
      'signatureRef',
    ]);
    expect(missingFields(returnResult, { method: 'post', recipientName: '', signatureRef: '', trackingNumber: '' })).toEqual([]);
  });

  it('sends the new appointment in Vietnam time and leaves blanks out', () => {
    expect(actionBody(apology, { newAppointment: '2025-11-14T16:00', reason: ' Chờ xác minh ' }, 7)).toEqual({
      action: 'record_apology',
      version: 7,
      newAppointment: '2025-11-14T16:00:00+07:00',
      reason: 'Chờ xác minh',
    });
    expect(actionBody(returnResult, { method: 'post', recipientName: '', signatureRef: '', trackingNumber: 'EE123' }, 3)).toEqual({
      action: 'return_result',
      version: 3,
      method: 'post',
      trackingNumber: 'EE123',
    });
  });

  it('sends lists without empty lines and treats an all-blank list as missing', () => {
    expect(missingFields(supplement, { reason: 'Thiếu giấy', missingDocuments: ['', '  '] })).toEqual(['missingDocuments']);
    expect(actionBody(supplement, { reason: 'Thiếu giấy', missingDocuments: ['Giấy chứng sinh', ' ', 'Văn bản ủy quyền '] }, 2)).toMatchObject({
      missingDocuments: ['Giấy chứng sinh', 'Văn bản ủy quyền'],
    });
  });
});

describe('assignee choices', () => {
  it('lists specialists by name in Vietnamese order and tells namesakes apart', () => {
    const options = assigneeOptions([
      { id: 'b2c3d4e5-0000-4000-8000-000000000002', fullName: 'Đặng Minh Khoa', roles: ['specialist'] },
      { id: 'a1b2c3d4-0000-4000-8000-000000000001', fullName: 'Bùi Thị Lan', roles: ['specialist'] },
      { id: 'c3d4e5f6-0000-4000-8000-000000000003', fullName: 'Đặng Minh Khoa', roles: ['specialist', 'approver'] },
    ]);
    expect(options.map((o) => o.label)).toEqual(['Bùi Thị Lan', 'Đặng Minh Khoa (b2c3d4e5)', 'Đặng Minh Khoa (c3d4e5f6)']);
    expect(options[0]!.value).toBe('a1b2c3d4-0000-4000-8000-000000000001');
  });
});
