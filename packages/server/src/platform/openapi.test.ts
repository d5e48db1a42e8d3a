import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../testing/harness.ts';

/*
 * The contract's guard rail (issue #11): every operation in /openapi.json says what a success
 * looks like, with a schema, and every component has a real name. A route added without a typed
 * answer fails here, so the web can rely on `@motcua/core/api` types for every call it makes.
 */

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
}

let t: TestContext;
let doc: { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, unknown> } };
beforeAll(async () => {
  // Every route's validators and serializers compiled at start: a schema the compilers refuse fails
  // here, not on a route's first request in production (platform/lazy-compile.ts).
  t = await startTestApp({ demo: false, build: { compileSchemasAtStart: true } });
  doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
});
afterAll(async () => {
  await t?.close();
});

export function untypedOperations(paths: typeof doc.paths): string[] {
  const missing: string[] = [];
  for (const [path, ops] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const statuses = Object.keys(op.responses ?? {}).filter((s) => /^[23]/.test(s));
      const typed = statuses.some((s) => {
        if (s === '204' || s.startsWith('3')) return true;
        const content = op.responses![s]!.content ?? {};
        return Object.values(content).length > 0 && Object.values(content).every((c) => c.schema && Object.keys(c.schema).length > 0);
      });
      if (!typed) missing.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return missing;
}

describe('the published contract', () => {
  it('gives every operation a typed success answer', () => {
    expect(untypedOperations(doc.paths)).toEqual([]);
  });

  it('names every component after its schema ($id), never def-<n>', () => {
    const names = Object.keys(doc.components?.schemas ?? {});
    expect(names).toContain('Procedure');
    expect(names.filter((n) => /^def-\d+$/.test(n))).toEqual([]);
  });
});
