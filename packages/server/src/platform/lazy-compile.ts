import { SerializerSelector, type SerializerFactory } from '@fastify/fast-json-stringify-compiler';

/*
 * Fastify compiles every route's validators (Ajv) and response serializers (fast-json-stringify)
 * when the app becomes ready: ~4.5 s of CPU and its memory for ~200 routes over the shared contract
 * schemas, paid by every process start and every test app. These wrappers compile a route's
 * function on its first use instead; a route never called costs nothing. Each compiled function is
 * kept, so only the first request of a route pays (a few milliseconds). A schema error surfaces on
 * that first request rather than at start, so platform/openapi.test.ts builds the app with
 * `compileSchemasAtStart`, which compiles them all.
 */

type Validator = ((data: unknown) => unknown) & { errors?: unknown };

/** A validator compiled on the first value it checks; the compiled one's `errors` are passed on. */
export function lazyValidator<V extends Validator>(compile: () => V): V {
  let compiled: V | undefined;
  const check = ((data: unknown) => {
    compiled ??= compile();
    const result = compiled(data);
    check.errors = compiled.errors;
    return result;
  }) as V;
  check.errors = null;
  return check;
}

/** Fastify's own serializer factory (fast-json-stringify), each route's serializer built on first use unless `eager`. */
export function serializerFactory(options: { eager?: boolean } = {}): SerializerFactory {
  const fastifys = SerializerSelector();
  return options.eager ? fastifys : lazySerializers(fastifys);
}

/** A serializer factory whose routes' serializers are built on their first use, once. */
export function lazySerializers(factory: SerializerFactory): SerializerFactory {
  return (externalSchemas, serializerOptions) => {
    const compilerFor = factory(externalSchemas, serializerOptions);
    return (route) => {
      let serialize: ((data: unknown) => string) | undefined;
      return (data: unknown) => (serialize ??= compilerFor(route))(data);
    };
  };
}
