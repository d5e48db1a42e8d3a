import type { NoticeDelivery } from '@motcua/core/api';

export type NoticeChannelName = 'email' | 'sms' | 'zalo' | 'outbox';

export interface NoticeRow extends NoticeDelivery {
  channel: NoticeChannelName;
  /** The notice did not reach the applicant on this channel and nothing else carried it. */
  undelivered: boolean;
}

/**
 * Rows for the desk, newest notice first. A Zalo refusal is not "undelivered" when the SMS of the
 * same notice was accepted; a failed or parked delivery is.
 */
export function noticeRows(items: readonly NoticeDelivery[]): NoticeRow[] {
  const smsCarried = new Set(items.filter((i) => i.channel === 'sms' && i.status !== 'failed').map((i) => i.outboxId));
  return items
    .map((i) => {
      const channel: NoticeChannelName = i.channel === 'email' || i.channel === 'sms' || i.channel === 'zalo' ? i.channel : 'outbox';
      const undelivered = i.status === 'failed' || i.status === 'parked' || (i.status === 'refused' && !smsCarried.has(i.outboxId));
      return { ...i, channel, undelivered };
    })
    .sort((a, b) => b.outboxId - a.outboxId || a.channel.localeCompare(b.channel));
}
