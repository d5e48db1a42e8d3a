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
  },
  { $id: 'Health' },
);
export type Health = Static<typeof HealthSchema>;

export const PLATFORM_SCHEMAS = [HealthSchema];
