import { sql } from 'kysely';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { AppContext } from '../../platform/context.ts';

/**
 * A store for @fastify/rate-limit (its `store` option) that keeps the counters in the database, so
 * a limit means the same with one server process or ten behind a load balancer. One row per
 * route and client address; one atomic upsert per request: PostgreSQL's INSERT … ON CONFLICT DO
 * UPDATE locks the row, so concurrent requests from several processes each see their own count
 * (no read-then-write race). A fixed window, like the plugin's own stores: the first request opens
 * it, the ones after count against it until it ends.
 */

interface IncrResult {
  current: number;
  ttl: number;
}
type IncrCallback = (error: Error | null, result?: IncrResult) => void;

/** Expired windows are swept now and then, by whichever process happens to count. */
const SWEEP_EVERY = 500;
const HITS_CAP = 2_147_483_647;

export interface RateLimitCounter {
  /** Counts one hit for `key` and returns the window's hits so far and the milliseconds left in it. */
  hit(key: string, windowMs: number): Promise<IncrResult>;
}

export function databaseRateLimitCounter(ctx: Pick<AppContext, 'db' | 'clock'>): RateLimitCounter {
  let calls = 0;
  return {
    async hit(key, windowMs) {
      const now = ctx.clock.now();
      const ends = new Date(now.getTime() + windowMs);
      const row = await ctx.db
        .insertInto('identity_rate_limit')
        .values({ key, hits: 1, window_ends_at: ends })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            hits: sql<number>`case when identity_rate_limit.window_ends_at <= ${now} then 1 else least(identity_rate_limit.hits + 1, ${HITS_CAP}) end`,
            window_ends_at: sql<Date>`case when identity_rate_limit.window_ends_at <= ${now} then excluded.window_ends_at else identity_rate_limit.window_ends_at end`,
          }),
        )
        .returning(['hits', 'window_ends_at'])
        .executeTakeFirstOrThrow();
      if (++calls % SWEEP_EVERY === 0) {
        await ctx.db.deleteFrom('identity_rate_limit').where('window_ends_at', '<', now).execute();
      }
      return { current: row.hits, ttl: Math.max(0, new Date(row.window_ends_at).getTime() - now.getTime()) };
    },
  };
}

/** The plugin constructs the store itself (`new Store(globalOptions)`), so the counter comes in by closure. */
export function databaseRateLimitStore(counter: RateLimitCounter): FastifyRateLimitStoreCtor {
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly prefix = '',
    ) {}

    // The plugin passes the window (ms) as a third argument; its type declarations omit it.
    incr(key: string, callback: IncrCallback, timeWindow = 60_000): void {
      counter.hit(`${this.prefix}${key}`, timeWindow).then(
        (r) => callback(null, r),
        (err: Error) => callback(err),
      );
    }

    // Per route URL, not per method: GET and its automatic HEAD twin share one limit.
    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): DatabaseRateLimitStore {
      // At run time the plugin passes its merged options with the route as `routeInfo` (not as typed).
      const url = (routeOptions as { routeInfo?: { url?: string } }).routeInfo?.url ?? routeOptions.url;
      return new DatabaseRateLimitStore(undefined, `${url} `);
    }
  };
}
