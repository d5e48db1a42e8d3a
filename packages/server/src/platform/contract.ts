import type { FastifyInstance } from 'fastify';
import { CONTRACT_SCHEMAS } from '@motcua/core/api';

/**
 * Registers every named schema of the wire contract (`@motcua/core/api`) once, so routes refer to
 * them with `Type.Ref(...)` and /openapi.json lists them as components under their `$id`.
 */
export function registerContract(app: FastifyInstance): void {
  for (const schema of CONTRACT_SCHEMAS) app.addSchema(schema);
}

/** @fastify/swagger's component names: the schema's `$id` (its default is `def-<n>`). */
export const contractRefResolver = {
  buildLocalReference(json: { $id?: string }, _baseUri: unknown, _fragment: unknown, i: number): string {
    return json.$id ?? `def-${i}`;
  },
};
