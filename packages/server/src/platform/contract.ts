import type { FastifyInstance } from 'fastify';
import type { Readable } from 'node:stream';
import { Type } from '@sinclair/typebox';
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

/**
 * A response that is a file or a page, not JSON (PDF, image, HTML, xlsx): the content types it is
 * sent as, each with a string body, so /openapi.json says what a success looks like. Fastify does
 * not serialize these answers (they are sent as streams, buffers or strings).
 */
export function FileBody(description: string, mediaTypes: readonly string[], format: 'binary' | 'text' = 'binary') {
  // What the handler sends (a stream, bytes or text); the schema is what the wire carries.
  const schema = Type.Unsafe<string | Buffer | Readable>(format === 'binary' ? { type: 'string', format: 'binary' } : { type: 'string' });
  return { description, content: Object.fromEntries(mediaTypes.map((type) => [type, { schema }])) };
}
