import { Type, type Static } from '@sinclair/typebox';
import { Literals } from './common.ts';

/** The platform's own answers (/health). */

export const HealthSchema = Type.Object(
  {
    status: Literals(['ok', 'unavailable'] as const),
    database: Literals(['up', 'down'] as const),
    engine: Literals(['pglite', 'postgres'] as const),
    /** Changes at every start: a client sees that the server restarted. */
    bootId: Type.String(),
    /**
     * Backlog gauge: outbox messages (notices, signing jobs) committed and not yet delivered nor
     * parked, counted up to 100,000; null when the database did not answer. A number that keeps
     * growing under load means the workers do not keep up (add `npm run worker` processes).
     */
    outboxWaiting: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
  },
  { $id: 'Health' },
);
export type Health = Static<typeof HealthSchema>;

export const PLATFORM_SCHEMAS = [HealthSchema];
