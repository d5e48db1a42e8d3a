import { describe, expect, it } from 'vitest';
import { decide, decideSubmission } from './decide.ts';
import { parseDateTime } from './fields.ts';
import { cast, ctx, journalIn, MONDAY_8AM, OWNER_ID, U1, U1_AGENCY } from './testkit.ts';
import type { DecideResult } from './types.ts';

const errorOf = (r: DecideResult) => (r.ok ? null : r.error);

describe('decide: bad input comes back as values, never throws', () => {
  const j = journalIn('received');
  const view = j.view;
  const now = j.now;
  const run = (command: unknown, actor = cast.receptionist) => decide(view, command, actor, now, ctx);

  it.each([null, undefined, 42, 'cancel', [], { action: 'fly' }, { action: 7 }])('rejects command %j', (command) => {
    expect(errorOf(run(command))).toMatchObject({ code: 'invalid_input', field: 'action' });
  });

  it('names the missing field in both languages', () => {
    const error = errorOf(run({ action: 'cancel', reason: '   ' }));
    expect(error).toMatchObject({ code: 'invalid_input', field: 'reason' });
    expect(error?.messageVi).toContain('bắt buộc');
    expect(error?.messageEn).toContain('required');
  });

  it('rejects wrong types, unknown options and empty list items', () => {
    expect(errorOf(run({ action: 'cancel', reason: 12 }))?.field).toBe('reason');
    expect(errorOf(run({ action: 'request_supplement', reason: 'x', missingDocuments: ['a', ' '] }))?.field).toBe('missingDocuments');
    expect(errorOf(run({ action: 'request_supplement', reason: 'x', missingDocuments: 'a' }))?.field).toBe('missingDocuments');
    expect(errorOf(run({ action: 'cancel', reason: 'x'.repeat(2001) }))?.field).toBe('reason');
  });

  it('stores text in NFC without surrounding spaces', () => {
    const decomposed = '  Hồ sơ trùng lặp  '.normalize('NFD');
    const result = run({ action: 'cancel', reason: decomposed });
    expect(result.ok && result.event.type === 'cancel' && result.event.data.reason).toBe('Hồ sơ trùng lặp');
  });

  it('requires a recipient name and signature when handing over at the counter', () => {
    const ready = journalIn('result_ready');
    const give = (command: object) => decide(ready.view, { action: 'return_result', ...command }, cast.receptionist, ready.now, ctx);
    expect(errorOf(give({ method: 'counter', signatureRef: 's' }))?.field).toBe('recipientName');
    expect(errorOf(give({ method: 'counter', recipientName: 'Lê Thị B' }))?.field).toBe('signatureRef');
    expect(errorOf(give({ method: 'pigeon' }))?.field).toBe('method');
    expect(give({ method: 'electronic' }).ok).toBe(true);
  });

  it('lets the approver decide against the proposal, and requires a reason to refuse', () => {
    const pending = journalIn('pending_approval');
    const refuse = (reason?: string) => decide(pending.view, { action: 'refuse', reason }, cast.approver, pending.now, ctx);
    expect(errorOf(refuse())?.field).toBe('reason');
    expect(refuse('Không đủ điều kiện').ok).toBe(true);
  });
});

describe('parseDateTime', () => {
  it('needs an explicit offset and a real date', () => {
    expect(parseDateTime('2025-07-14T17:00:00+07:00')?.toISOString()).toBe('2025-07-14T10:00:00.000Z');
    expect(parseDateTime('2025-07-14T17:00Z')?.toISOString()).toBe('2025-07-14T17:00:00.000Z');
    expect(parseDateTime('2025-07-14T17:00:00')).toBeNull();
    expect(parseDateTime('2025-02-30T10:00:00Z')).toBeNull();
    expect(parseDateTime('2025-07-14T24:00:00Z')).toBeNull();
    expect(parseDateTime('14/07/2025 17:00')).toBeNull();
  });
});

describe('decideSubmission', () => {
  const base = {
    code: `${U1_AGENCY}-250707-0001`,
    procedureCode: '1.004873',
    processing: { workingDays: 3 },
    unitCode: U1,
    agencyCode: U1_AGENCY,
    applicantIdNumber: OWNER_ID,
  };
  const submit = (over: object, actor: Parameters<typeof decideSubmission>[1]) => decideSubmission({ ...base, ...over }, actor, MONDAY_8AM, ctx);

  it('opens an online dossier awaiting the desk, without an appointment', () => {
    const result = submit({ channel: 'online' }, cast.owner);
    expect(result.ok && result.event.type === 'submitted' && result.event.data.dueAt).toBeNull();
  });

  it('receives on the spot at the counter and on outreach trips, with an appointment', () => {
    for (const [channel, actor] of [
      ['counter', cast.receptionist],
      ['outreach', cast.outreach],
    ] as const) {
      const result = submit({ channel }, actor);
      expect(result.ok && result.event.type === 'submitted' && result.event.data.dueAt).toBe('2025-07-10T10:00:00.000Z');
    }
  });

  it('checks who may take in through which channel, and where', () => {
    expect(errorOf(submit({ channel: 'counter' }, cast.owner))?.code).toBe('forbidden');
    expect(errorOf(submit({ channel: 'online', applicantIdNumber: '079000000001' }, cast.owner))?.code).toBe('forbidden');
    expect(errorOf(submit({ channel: 'online' }, cast.receptionist))?.code).toBe('forbidden');
    expect(errorOf(submit({ channel: 'counter' }, cast.outreach))?.code).toBe('forbidden');
    expect(errorOf(submit({ channel: 'counter' }, cast.receptionistU2))?.code).toBe('forbidden');
    expect(submit({ channel: 'postal' }, cast.receptionist).ok).toBe(true);
  });

  it('validates the code, the processing time and the channel', () => {
    expect(errorOf(submit({ channel: 'counter', code: '000.02.01.H24-250707-0001' }, cast.receptionist))?.field).toBe('code');
    expect(errorOf(submit({ channel: 'counter', code: 'HS-1' }, cast.receptionist))?.field).toBe('code');
    for (const processing of [{ workingDays: 0 }, { workingDays: 1.3 }, { sameDay: false }, { sameDay: true, workingDays: 2 }, 'x']) {
      expect(errorOf(submit({ channel: 'counter', processing }, cast.receptionist))?.field).toBe('processing');
    }
    expect(submit({ channel: 'counter', processing: { workingDays: 0.5 } }, cast.receptionist).ok).toBe(true);
    expect(errorOf(submit({ channel: 'fax' }, cast.receptionist))?.field).toBe('channel');
    expect(errorOf(decideSubmission(null, cast.receptionist, MONDAY_8AM, ctx))?.code).toBe('invalid_input');
  });
});
