import type { OpError } from './types.ts';

/**
 * How the engine reaches the server: a fetch bound to the base URL and the caller's
 * authentication (the offline credential header in the field, cookies + CSRF after a re-login).
 */
export type FieldFetch = (path: string, init: { method: string; headers: Record<string, string>; body?: string | Uint8Array }) => Promise<Response>;

/** The network is gone (fetch threw): stop this run, everything stays queued. */
export class NetworkDown extends Error {
  override name = 'NetworkDown';
}

/** The credential (or session) was refused: stop this run; the user must sign in again. */
export class AuthRefused extends Error {
  override name = 'AuthRefused';
  constructor(readonly error: OpError) {
    super(error.messageEn);
  }
}

/** This item failed in a way worth retrying later (5xx, 429, a file not finished). */
export class ItemRetry extends Error {
  override name = 'ItemRetry';
  constructor(readonly error: OpError) {
    super(error.messageEn);
  }
}

/** This item was refused for good (4xx); others go on. */
export class ItemRejected extends Error {
  override name = 'ItemRejected';
  constructor(readonly error: OpError) {
    super(error.messageEn);
  }
}

export interface Answer<T> {
  status: number;
  body: T;
}

function errorOf(status: number, body: unknown): OpError {
  const p = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const text = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : undefined);
  return {
    code: text('code') ?? `http_${status}`,
    messageVi: text('detailVi') ?? text('detail') ?? `Máy chủ trả lời ${status}.`,
    messageEn: text('detailEn') ?? text('detail') ?? `The server answered ${status}.`,
    ...(text('field') ? { field: text('field') } : {}),
    retryable: status >= 500 || status === 429 || status === 408,
  };
}

/** One call; 2xx returns the JSON, anything else throws the error class the engine acts on. */
export async function call<T>(fetcher: FieldFetch, method: string, path: string, body?: unknown): Promise<Answer<T>> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  let payload: string | Uint8Array | undefined;
  if (body instanceof Uint8Array) {
    headers['content-type'] = 'application/octet-stream';
    payload = body;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetcher(path, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
  } catch (e) {
    throw new NetworkDown(String(e));
  }
  const text = await response.text().catch(() => {
    throw new NetworkDown('the connection dropped while reading the answer');
  });
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (response.ok) return { status: response.status, body: json as T };
  const error = errorOf(response.status, json);
  // 401 (credential expired or revoked) and 403 (not on this team) concern the whole run, not one item.
  if (response.status === 401 || response.status === 403) throw new AuthRefused(error);
  if (error.retryable) throw new ItemRetry(error);
  throw new ItemRejected(error);
}
