import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../clock.ts';
import { databaseFault } from '../errors.ts';
import type { OutboxPayload } from './tables.ts';

/*
 * Delivery guarantee: AT LEAST ONCE, with duplicates confined to narrow, recognisable cases.
 *
 * Exactly-once delivery to an SMTP server or SMS gateway is impossible from our side alone: if the
 * process dies after the provider accepted a message but before we recorded it, nothing in our
 * database can tell "sent" from "not sent", and we must either resend (at least once) or drop
 * (at most once). A notice that never arrives is worse than one that arrives twice, so we resend.
 * Recording a delivery key in a unique-keyed table BEFORE sending does not fix that window; it only
 * moves it (a crash after the insert and before the send would then lose the message).
 *
 * What we do so that nothing is sent twice in normal operation, with many workers in many
 * processes:
 *  1. Claim: one short statement, `FOR UPDATE SKIP LOCKED`, sets a lease (locked_by = this worker,
 *     locked_until = now + lease) and counts the attempt. A row whose lease is live is never
 *     claimed again; concurrent claimers skip locked rows instead of waiting for them.
 *  2. Before each send, the worker renews its lease with `where locked_by = me`: if the lease expired
 *     and someone else took the row, it sends nothing. Sends have timeouts far below the lease, so
 *     a lease cannot run out in the middle of a send of a live process.
 *  3. After each channel accepts, a row in notification_delivery (primary key outbox_id + channel)
 *     records it, so a retry after an SMS failure does not send the e-mail again.
 *  4. Completion and failure are conditional on still holding the lease.
 *
 * A duplicate therefore needs a crash (or a pause longer than the lease) between the provider's
 * acceptance and step 3. It is then recognisable: e-mails carry a stable Message-ID
 * (<outbox-ID.email@host>) and SMS requests a stable Idempotency-Key (outbox-ID.sms), so mail
 * clients, MTAs and gateways that honour them can drop it. Clocks of the servers must agree to
 * well within the lease (NTP); leases use the injected clock so tests can move time.
 *
 * Database faults (a PostgreSQL restart, a lost connection) stop nothing: the loop logs once,
 * keeps polling and resumes when the database answers. An attempt that failed because the
 * database did is retried at the next poll and does not count towards parking, and leases this
 * worker could not settle are handed back as soon as it can, instead of waiting out the lease.
 */

/** A failure that retrying cannot fix (mailbox rejected with 5xx, gateway said 400, malformed job): park at once. */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}

/** One channel's worth of work for a claimed message, built by the topic's handler. */
export interface Delivery {
  channel: string;
  recipient: string;
  send(): Promise<{ id: string }>;
}

export interface ClaimedMessage {
  id: number;
  topic: string;
  payload: OutboxPayload;
  /** Including the current one. */
  attempts: number;
}

/** Turns a message into deliveries (none: nothing to send). Throw PermanentDeliveryError to park. */
export type TopicHandler = (message: ClaimedMessage) => Delivery[];

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** Fraction of the delay that is randomised away (0.2: the delay is 80–100 % of nominal). */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 30_000, maxMs: 6 * 60 * 60_000, jitter: 0.2 };

/**
 * Wait after the n-th failed attempt: base·2^(n−1), capped at max, then shortened by up to
 * `jitter` so that a burst of failures does not retry in lock-step. Never above max.
 */
export function backoffMs(failedAttempts: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const exponent = Math.max(0, failedAttempts - 1);
  const nominal = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(exponent, 52));
  return Math.round(nominal * (1 - policy.jitter * random()));
}

export interface WorkerLog {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export interface OutboxWorkerOptions {
  db: Db;
  clock: Clock;
  handlers: Record<string, TopicHandler>;
  workerId?: string;
  batchSize?: number;
  leaseMs?: number;
  pollMs?: number;
  maxAttempts?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  log?: WorkerLog;
}

export type DeliveryOutcome = 'done' | 'retry' | 'parked' | 'lease_lost';

const silent: WorkerLog = { info() {}, warn() {}, error() {} };

export class OutboxWorker {
  readonly id: string;
  private readonly db: Db;
  private readonly clock: Clock;
  private readonly handlers: Record<string, TopicHandler>;
  private readonly batchSize: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly maxAttempts: number;
  private readonly backoff: BackoffPolicy;
  private readonly random: () => number;
  private readonly log: WorkerLog;
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private woken = false;
  /** Claimed messages left unsettled by a database fault → whether delivery had started. */
  private readonly stranded = new Map<number, boolean>();
  private databaseDown = false;

  constructor(o: OutboxWorkerOptions) {
    this.id = o.workerId ?? `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.db = o.db;
    this.clock = o.clock;
    this.handlers = o.handlers;
    this.batchSize = o.batchSize ?? 10;
    this.leaseMs = o.leaseMs ?? 5 * 60_000;
    this.pollMs = o.pollMs ?? 1000;
    this.maxAttempts = o.maxAttempts ?? 8;
    this.backoff = o.backoff ?? DEFAULT_BACKOFF;
    this.random = o.random ?? Math.random;
    this.log = o.log ?? silent;
  }

  private at(offsetMs = 0): Date {
    return new Date(this.clock.now().getTime() + offsetMs);
  }

  /**
   * Leases up to batchSize due messages to this worker (one short statement, its own transaction).
   * A message enqueued for "now" (available_at = created_at, the database's time) is due at once
   * whatever the injected clock says, so a server or test standing on another day still delivers;
   * retries and scheduled messages are due by the injected clock that set them.
   */
  async claim(): Promise<ClaimedMessage[]> {
    const now = this.at();
    // A worker died holding the last attempt (perhaps killed by this very message): park, not loop.
    await this.db
      .updateTable('outbox')
      .set({
        parked_at: now,
        locked_by: null,
        locked_until: null,
        last_error: sql`coalesce(last_error || '; ', '') || 'lease expired during the last attempt'`,
      })
      .where('done_at', 'is', null)
      .where('parked_at', 'is', null)
      .where('attempts', '>=', this.maxAttempts)
      .where('locked_until', '<=', now)
      .execute();
    const r = await sql<ClaimedMessage>`
      with next as (
        select id from outbox
        where done_at is null and parked_at is null
          and (available_at <= ${now} or (attempts = 0 and available_at <= created_at))
          and (locked_until is null or locked_until <= ${now})
        order by available_at, id
        limit ${this.batchSize}
        for update skip locked
      )
      update outbox o set locked_by = ${this.id}, locked_until = ${this.at(this.leaseMs)}, attempts = o.attempts + 1
      from next where o.id = next.id
      returning o.id, o.topic, o.payload, o.attempts`.execute(this.db);
    return r.rows.map((m) => ({ ...m, id: Number(m.id) })).sort((a, b) => a.id - b.id);
  }

  /** Extends the lease iff this worker still holds it; false means "hands off". */
  private async renew(id: number): Promise<boolean> {
    const r = await this.db
      .updateTable('outbox')
      .set({ locked_until: this.at(this.leaseMs) })
      .where('id', '=', id)
      .where('locked_by', '=', this.id)
      .where('done_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Sends the channels of one claimed message that have not been delivered yet, then settles it. */
  async deliver(message: ClaimedMessage): Promise<DeliveryOutcome> {
    let deliveries: Delivery[];
    try {
      const handler = this.handlers[message.topic];
      if (!handler) throw new PermanentDeliveryError(`no handler for topic "${message.topic}"`);
      deliveries = handler(message);
      const done = await this.db.selectFrom('notification_delivery').select('channel').where('outbox_id', '=', message.id).execute();
      const already = new Set(done.map((d) => d.channel));
      for (const d of deliveries) {
        if (already.has(d.channel)) continue;
        if (!(await this.renew(message.id))) return this.lost(message);
        const { id } = await d.send();
        await this.db
          .insertInto('notification_delivery')
          .values({ outbox_id: message.id, channel: d.channel, recipient: d.recipient, provider_id: id, delivered_at: this.at() })
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    } catch (err) {
      return this.fail(message, err);
    }
    const r = await this.db
      .updateTable('outbox')
      .set({ done_at: this.at(), locked_by: null, locked_until: null, last_error: null })
      .where('id', '=', message.id)
      .where('locked_by', '=', this.id)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1 ? 'done' : this.lost(message);
  }

  private lost(message: ClaimedMessage): DeliveryOutcome {
    this.log.warn(`outbox ${message.id}: lease lost, leaving it to its new holder`);
    return 'lease_lost';
  }

  private async fail(message: ClaimedMessage, err: unknown): Promise<DeliveryOutcome> {
    const text = (err instanceof Error ? err.message : String(err)).slice(0, 2000);
    // Our database failing says nothing about the message: try again soon, without counting it.
    const ours = databaseFault(err) !== null;
    const park = !ours && (err instanceof PermanentDeliveryError || message.attempts >= this.maxAttempts);
    const r = await this.db
      .updateTable('outbox')
      .set({
        locked_by: null,
        locked_until: null,
        last_error: text,
        ...(park
          ? { parked_at: this.at() }
          : ours
            ? { available_at: this.at(this.pollMs), attempts: sql`attempts - 1` }
            : { available_at: this.at(backoffMs(message.attempts, this.backoff, this.random)) }),
      })
      .where('id', '=', message.id)
      .where('locked_by', '=', this.id)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return this.lost(message);
    if (park) this.log.error(`outbox ${message.id} parked after ${message.attempts} attempt(s): ${text}`);
    else this.log.warn(`outbox ${message.id} attempt ${message.attempts} failed, will retry: ${text}`);
    return park ? 'parked' : 'retry';
  }

  /** Gives back leases this worker holds but has not started, so others need not wait them out. */
  private async release(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable('outbox')
      .set({ locked_by: null, locked_until: null, attempts: sql`attempts - 1` })
      .where('id', 'in', ids)
      .where('locked_by', '=', this.id)
      .execute();
  }

  /** One claim-and-deliver round; returns how many messages it claimed. */
  async runOnce(): Promise<number> {
    await this.handBackStranded();
    const batch = await this.claim();
    for (let i = 0; i < batch.length; i++) {
      if (!this.running && this.loop) {
        await this.release(batch.slice(i).map((m) => m.id));
        break;
      }
      try {
        await this.deliver(batch[i]!);
      } catch (err) {
        // Not even the failure could be recorded: remember the leases to hand back later.
        batch.slice(i).forEach((m, k) => this.stranded.set(m.id, k === 0));
        throw err;
      }
    }
    return batch.length;
  }

  /** Leases left by a database fault, given back once the database answers again. */
  private async handBackStranded(): Promise<void> {
    if (this.stranded.size === 0) return;
    const unsettled = (started: boolean) => [...this.stranded].filter(([, s]) => s === started).map(([id]) => id);
    const started = unsettled(true);
    if (started.length) {
      await this.db
        .updateTable('outbox')
        .set({ locked_by: null, locked_until: null, available_at: this.at() })
        .where('id', 'in', started)
        .where('locked_by', '=', this.id)
        .where('done_at', 'is', null)
        .execute();
    }
    await this.release(unsettled(false));
    this.stranded.clear();
  }

  /** Polls every pollMs, sooner when woken; a full batch means more may be waiting, so no pause. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        let claimed = 0;
        try {
          claimed = await this.runOnce();
          if (this.databaseDown) {
            this.databaseDown = false;
            this.log.info('outbox worker: the database answers again, delivering');
          }
        } catch (err) {
          const text = err instanceof Error ? err.message : String(err);
          if (!databaseFault(err)) this.log.error(`outbox worker: ${text}`);
          else if (!this.databaseDown) {
            this.databaseDown = true;
            this.log.warn(`outbox worker: database unavailable (${text}); retrying every ${this.pollMs} ms`);
          }
        }
        if (this.running && claimed < this.batchSize) await this.sleep();
      }
    })();
  }

  private sleep(): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.pollMs);
      const self = this;
      function done() {
        clearTimeout(timer);
        self.wakeUp = null;
        resolve();
      }
      this.wakeUp = done;
    });
  }

  /** Something was enqueued: look now instead of at the next poll. */
  wake(): void {
    if (this.wakeUp) this.wakeUp();
    else this.woken = true;
  }

  /** Finishes the message in hand, releases the rest of the batch and returns. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    this.loop = null;
    this.woken = false;
  }
}
