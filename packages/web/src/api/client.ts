import { en } from '../i18n/en.ts';
import type { Language } from '../i18n/index.ts';
import { vi, type Messages } from '../i18n/vi.ts';
import type { ProblemMembers } from '@motcua/core/api';

/**
 * A problem as the client holds it: the server's problem+json (`Problem` of @motcua/core/api), or
 * one the client makes itself (no answer, a proxy's page), where only type, title and status are sure.
 */
export type ProblemDetails = Pick<ProblemMembers, 'type' | 'title' | 'status'> &
  Partial<Omit<ProblemMembers, 'type' | 'title' | 'status'>> & { [extension: string]: unknown };

export const CSRF_COOKIE = 'motcua_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** status 0 means the request never got an HTTP answer (offline, DNS, server down). */
export const NETWORK_ERROR_TYPE = 'urn:motcua:network-error';

type GenericErrorKey = keyof Messages['errors'];
const errorTexts: Record<Language, Messages['errors']> = { vi: vi.errors, en: en.errors };

function genericKey(status: number): GenericErrorKey {
  if (status === 0) return 'network';
  if (status === 400 || status === 422) return 'badRequest';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 413) return 'tooLarge';
  if (status === 429) return 'rateLimited';
  if (status >= 500) return 'server';
  return 'unknown';
}

/** A failed API call, carrying what the user should read in each language. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly detailVi: string | undefined;
  readonly detailEn: string | undefined;
  /** The full problem document, for extension members such as field errors. */
  readonly problem: ProblemDetails;

  constructor(problem: ProblemDetails, options?: { cause?: unknown }) {
    super(problem.detail ?? problem.title, options);
    this.name = 'ApiError';
    this.status = problem.status;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.detailVi = problem.detailVi;
    this.detailEn = problem.detailEn;
    this.problem = problem;
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }

  /**
   * Text to show: the server's own message in that language, else a generic one for the status.
   * `detail` is never shown because its language is not declared.
   */
  messageFor(lang: Language): string {
    const own = lang === 'en' ? this.detailEn : this.detailVi;
    return own && own.trim() !== '' ? own : errorTexts[lang][genericKey(this.status)];
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/** Any thrown value as an ApiError, so UI code has one error shape to render. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({ type: 'about:blank', title: 'Unexpected error', status: -1, detail: String(error) }, { cause: error });
}

/** An array repeats the key (`state=a&state=b`), as the server's array parameters expect. */
export type QueryValue = string | number | boolean | null | undefined | readonly string[];
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  /** Empty strings, null and undefined are left out of the query string. */
  query?: Record<string, QueryValue>;
  /** Sent as JSON, or as-is when FormData (uploads). */
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export interface ApiClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  readCookie?: (name: string) => string | null;
}

export interface ApiClient {
  request<T>(path: string, options?: RequestOptions): Promise<T>;
  get<T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>): Promise<T>;
  post<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>): Promise<T>;
  put<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>): Promise<T>;
  patch<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>): Promise<T>;
  delete<T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>): Promise<T>;
}

export function readBrowserCookie(name: string): string | null {
  if (typeof document === 'undefined') return null;
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

export function buildUrl(baseUrl: string, path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, v);
    else params.set(key, String(value));
  }
  const search = params.toString();
  return `${baseUrl}${path}${search ? `?${search}` : ''}`;
}

function isJson(contentType: string | null): boolean {
  return contentType !== null && /[/+]json\b/i.test(contentType);
}

async function problemFrom(response: Response): Promise<ProblemDetails> {
  const fallback: ProblemDetails = {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
  };
  if (!isJson(response.headers.get('content-type'))) return fallback;
  try {
    const body: unknown = await response.json();
    if (typeof body !== 'object' || body === null) return fallback;
    const problem = body as Partial<ProblemDetails>;
    return {
      ...problem,
      type: typeof problem.type === 'string' ? problem.type : fallback.type,
      title: typeof problem.title === 'string' ? problem.title : fallback.title,
      // The HTTP status wins: a proxy may relay a body whose status disagrees.
      status: response.status,
    };
  } catch {
    return fallback;
  }
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const readCookie = options.readCookie ?? readBrowserCookie;

  async function request<T>(path: string, req: RequestOptions = {}): Promise<T> {
    const method = req.method ?? 'GET';
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    let body: BodyInit | undefined;
    if (req.body instanceof FormData) {
      body = req.body; // the browser sets the multipart boundary
    } else if (req.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.body);
    }
    // Double-submit CSRF: the server set this cookie; only same-origin script can echo it.
    if (method !== 'GET') {
      const token = readCookie(CSRF_COOKIE);
      if (token) headers[CSRF_HEADER] = token;
    }
    Object.assign(headers, req.headers);

    const doFetch = options.fetch ?? globalThis.fetch;
    let response: Response;
    try {
      response = await doFetch(buildUrl(baseUrl, path, req.query), {
        method,
        headers,
        body,
        credentials: 'include',
        signal: req.signal,
      });
    } catch (error) {
      if (isAbortError(error)) throw error; // callers ignore superseded requests
      throw new ApiError({ type: NETWORK_ERROR_TYPE, title: 'Network error', status: 0, detail: String(error) }, { cause: error });
    }

    if (!response.ok) throw new ApiError(await problemFrom(response));
    if (response.status === 204 || !isJson(response.headers.get('content-type'))) {
      return undefined as T;
    }
    return (await response.json()) as T;
  }

  return {
    request,
    get: (path, opts) => request(path, { ...opts, method: 'GET' }),
    post: (path, body, opts) => request(path, { ...opts, method: 'POST', body }),
    put: (path, body, opts) => request(path, { ...opts, method: 'PUT', body }),
    patch: (path, body, opts) => request(path, { ...opts, method: 'PATCH', body }),
    delete: (path, opts) => request(path, { ...opts, method: 'DELETE' }),
  };
}

/** The app's client: same origin (Vite proxies /api in development). */
export const api = createApiClient();
