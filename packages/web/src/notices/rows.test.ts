import { describe, expect, it } from 'vitest';
import type { NoticeDelivery } from '@motcua/core/api';
import { noticeRows } from './rows.ts';

const at = '2026-03-03T02:00:00.000Z';
const row = (outboxId: number, channel: string, status: NoticeDelivery['status']): NoticeDelivery => ({
  outboxId,
  action: 'receive',
  createdAt: at,
  channel,
  recipient: '0912345678',
  status,
  detail: null,
  updatedAt: at,
});

describe('notice rows for the desk', () => {
  it('marks failed and parked notices undelivered, and a Zalo refusal only when no SMS carried it', () => {
    const rows = noticeRows([
      row(1, 'zalo', 'refused'),
      row(1, 'sms', 'accepted'),
      row(2, 'sms', 'failed'),
      row(3, 'outbox', 'parked'),
      row(4, 'zalo', 'delivered'),
    ]);
    expect(rows.map((r) => `${r.outboxId}:${r.channel}:${r.undelivered}`)).toEqual([
      '4:zalo:false',
      '3:outbox:true',
      '2:sms:true',
      '1:sms:false',
      '1:zalo:false',
    ]);
  });

  it('counts a refusal whose SMS failed as undelivered', () => {
    const rows = noticeRows([row(5, 'zalo', 'refused'), row(5, 'sms', 'failed')]);
    expect(rows.every((r) => r.undelivered)).toBe(true);
  });

  it('keeps an unknown channel name out of the translation keys', () => {
    expect(noticeRows([row(6, 'fax', 'pending')])[0]!.channel).toBe('outbox');
  });
});
