import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { inputValidatorFactory } from './input.ts';
import { lazySerializers, lazyValidator, serializerFactory } from './lazy-compile.ts';

// The lazy compilers behave as Fastify's own: the same 400 on bad input, the same answer with
// undeclared properties left out (a response never carries a field its schema does not name).
async function appWith(eager: boolean) {
  const app = Fastify({
    schemaController: { compilersFactory: { buildValidator: inputValidatorFactory({ eager }), buildSerializer: serializerFactory({ eager }) } },
  });
  app.post(
    '/echo',
    {
      schema: {
        body: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } }, additionalProperties: false },
        response: { 200: { type: 'object', properties: { n: { type: 'integer' } } } },
      },
    },
    async (req) => ({ ...(req.body as object), secret: 'not in the schema' }),
  );
  await app.ready();
  return app;
}

describe('lazy schema compilation', () => {
  for (const eager of [true, false]) {
    it(`answers as Fastify does (${eager ? 'eager' : 'lazy'})`, async () => {
      const app = await appWith(eager);
      const ok = await app.inject({ method: 'POST', url: '/echo', payload: { n: 3 } });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toEqual({ n: 3 });
      const bad = await app.inject({ method: 'POST', url: '/echo', payload: { n: 'x' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().message).toMatch(/integer/);
      expect((await app.inject({ method: 'POST', url: '/echo', payload: { n: 4 } })).json()).toEqual({ n: 4 });
      await app.close();
    });
  }

  it("compiles a route's serializer on its first use, once", () => {
    let compiles = 0;
    const counting = () => () => {
      compiles++;
      return (data: unknown) => JSON.stringify(data);
    };
    const serialize = lazySerializers(counting)({}, {})({ schema: {}, method: 'GET', url: '/', httpStatus: '200' });
    expect(compiles).toBe(0);
    expect(serialize({ a: 1 })).toBe('{"a":1}');
    serialize({ a: 2 });
    expect(compiles).toBe(1);
  });

  it("compiles a validator on its first value, once, and passes on the compiled one's errors", () => {
    let compiles = 0;
    const validate = lazyValidator(() => {
      compiles++;
      const v = ((data: unknown) => {
        v.errors = data === 1 ? null : [{ message: 'not one' }];
        return data === 1;
      }) as ((data: unknown) => boolean) & { errors?: unknown };
      return v;
    }) as ((data: unknown) => boolean) & { errors?: unknown };
    expect(compiles).toBe(0);
    expect(validate(2)).toBe(false);
    expect(validate.errors).toEqual([{ message: 'not one' }]);
    expect(validate(1)).toBe(true);
    expect(validate.errors).toBeNull();
    expect(compiles).toBe(1);
  });
});
