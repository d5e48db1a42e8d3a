import { describe, expect, it } from 'vitest';
import { ApiError, CSRF_HEADER, buildUrl, createApiClient, isAbortError } from './client.ts';

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(respond: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = (async (url: string, init: RequestInit) => {
    const call = { url, init };
    calls.push(call);
    return respond(call);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (body: unknown, status = 200, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

const headersOf = (call: Call | undefined) => (call?.init.headers ?? {}) as Record<string, string>;

describe('createApiClient', () => {
  it('sends credentials, leaves empty query values out and parses JSON', async () => {
    const { fetch, calls } = fakeFetch(() => json({ items: [1] }));
    const client = createApiClient({ fetch, readCookie: () => null });
    const body = await client.get<{ items: number[] }>('/api/procedures', {
      query: { q: 'khai sinh', field: '', online: undefined },
    });
    expect(body.items).toEqual([1]);
    expect(calls[0]?.url).toBe('/api/procedures?q=khai+sinh');
    expect(calls[0]?.init.credentials).toBe('include');
    expect(calls[0]?.init.method).toBe('GET');
  });

  it('echoes the CSRF cookie on writes but never on reads', async () => {
    const { fetch, calls } = fakeFetch(() => new Response(null, { status: 204 }));
    const client = createApiClient({ fetch, readCookie: (name) => (name === 'motcua_csrf' ? 'tok123' : null) });
    await client.get('/api/x');
    const result = await client.post('/api/dossiers', { procedureCode: '1.001193' });
    expect(result).toBeUndefined();
    expect(headersOf(calls[0])[CSRF_HEADER]).toBeUndefined();
    expect(headersOf(calls[1])[CSRF_HEADER]).toBe('tok123');
    expect(headersOf(calls[1])['content-type']).toBe('application/json');
    expect(calls[1]?.init.body).toBe('{"procedureCode":"1.001193"}');
  });

  it('sends no CSRF header when the cookie is absent', async () => {
    const { fetch, calls } = fakeFetch(() => new Response(null, { status: 204 }));
    await createApiClient({ fetch, readCookie: () => null }).delete('/api/x');
    expect(headersOf(calls[0])[CSRF_HEADER]).toBeUndefined();
  });

  it('turns problem+json into an ApiError with both languages', async () => {
    const problem = {
      type: 'https://motcua.vn/problems/not-found',
      title: 'Not Found',
      status: 404,
      detail: 'procedure 9.999 not found',
      detailVi: 'Không tìm thấy thủ tục 9.999',
      detailEn: 'Procedure 9.999 was not found',
      code: 'procedure.missing',
    };
    const { fetch } = fakeFetch(() => json(problem, 404, 'application/problem+json'));
    const error = await createApiClient({ fetch })
      .get('/api/procedures/9.999')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(404);
    expect(apiError.type).toBe(problem.type);
    expect(apiError.messageFor('vi')).toBe(problem.detailVi);
    expect(apiError.messageFor('en')).toBe(problem.detailEn);
    expect(apiError.problem.code).toBe('procedure.missing');
  });

  it('falls back to a generic message by status, never to the undeclared-language detail', async () => {
    const { fetch } = fakeFetch(() => json({ type: 'about:blank', title: 'Too Many', status: 429, detail: 'slow down' }, 429));
    const error = (await createApiClient({ fetch })
      .get('/api/x')
      .catch((e: unknown) => e)) as ApiError;
    expect(error.messageFor('vi')).toContain('chờ một lát');
    expect(error.messageFor('en')).toContain('wait a moment');
  });

  it('copes with a non-JSON error page from a proxy', async () => {
    const { fetch } = fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const error = (await createApiClient({ fetch })
      .get('/api/x')
      .catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(502);
    expect(error.title).toBe('Bad Gateway');
    expect(error.messageFor('vi')).toContain('sự cố');
  });

  it('reports a network failure as status 0 with a connection message', async () => {
    const { fetch } = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = (await createApiClient({ fetch })
      .get('/api/x')
      .catch((e: unknown) => e)) as ApiError;
    expect(error.isNetworkError).toBe(true);
    expect(error.messageFor('en')).toContain('Cannot reach the server');
  });

  it('lets an abort through untouched so callers can ignore superseded requests', async () => {
    const controller = new AbortController();
    const { fetch } = fakeFetch(({ init }) => {
      init.signal?.throwIfAborted();
      return json({});
    });
    controller.abort();
    const error = await createApiClient({ fetch })
      .get('/api/x', { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ApiError);
    expect(isAbortError(error)).toBe(true);
  });
});

describe('buildUrl', () => {
  it('encodes Vietnamese text and keeps numbers and booleans', () => {
    expect(buildUrl('', '/api/units', { q: 'Phường Hoà Bình', page: 2, exact: false, none: null })).toBe(
      '/api/units?q=Ph%C6%B0%E1%BB%9Dng+Ho%C3%A0+B%C3%ACnh&page=2&exact=false',
    );
  });
});
