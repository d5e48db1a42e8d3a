import type { FastifyError, FastifyInstance } from 'fastify';
import { frameworkProblem } from './framework-errors.ts';

/**
 * One error family for the whole server (the Problem class and its problem+json body are in
 * problem.ts, which framework-errors.ts shares without a cycle through this file).
 */
export { Problem, problemBody, sendProblem } from './problem.ts';
import { Problem, sendProblem } from './problem.ts';

export const notFound = (what: string, whatEn: string, id: string) =>
  new Problem(404, 'not_found', `Không tìm thấy ${what} "${id}".`, `${whatEn} "${id}" was not found.`);

export const badRequest = (messageVi: string, messageEn: string, extra?: Record<string, unknown>) =>
  new Problem(400, 'bad_request', messageVi, messageEn, extra);

export const unauthorized = () => new Problem(401, 'unauthorized', 'Bạn cần đăng nhập để tiếp tục.', 'You need to log in to continue.');

export const forbidden = (messageVi = 'Bạn không có quyền thực hiện thao tác này.', messageEn = 'You are not allowed to do this.') =>
  new Problem(403, 'forbidden', messageVi, messageEn);

export const conflict = (messageVi: string, messageEn: string, extra?: Record<string, unknown>) => new Problem(409, 'conflict', messageVi, messageEn, extra);

interface AjvIssue {
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Ajv speaks English; the Vietnamese message says the same thing in plain words. */
function vietnameseFor(issue: AjvIssue | undefined): string {
  const p = issue?.params ?? {};
  switch (issue?.keyword) {
    case 'required':
      return `thiếu trường bắt buộc "${String(p.missingProperty)}"`;
    case 'minLength':
      return `cần ít nhất ${String(p.limit)} ký tự`;
    case 'maxLength':
      return `không được quá ${String(p.limit)} ký tự`;
    case 'pattern':
      return 'không đúng định dạng';
    case 'format':
      return `không đúng định dạng ${String(p.format)}`;
    case 'type':
      return `phải là kiểu ${String(p.type)}`;
    case 'enum':
    case 'const':
    case 'anyOf':
    case 'oneOf':
      return 'không phải giá trị được chấp nhận';
    case 'minimum':
      return `phải từ ${String(p.limit)} trở lên`;
    case 'maximum':
      return `không được lớn hơn ${String(p.limit)}`;
    case 'finite':
      return 'phải là một số hữu hạn';
    case 'minItems':
      return `cần ít nhất ${String(p.limit)} mục`;
    case 'maxItems':
      return `không được quá ${String(p.limit)} mục`;
    case 'additionalProperties':
      return `có trường không được phép "${String(p.additionalProperty)}"`;
    default:
      return 'không hợp lệ';
  }
}

/** Maps Fastify's own errors (schema validation, body too large, rate limit) into the family. */
function fromFastifyError(error: FastifyError): Problem {
  if (error.validation) {
    const first = error.validation[0];
    const where = error.validationContext ?? 'request';
    const field = first
      ? `${where}${first.instancePath || ''}${first.params && 'missingProperty' in first.params ? '/' + String(first.params.missingProperty) : ''}`
      : where;
    return new Problem(
      400,
      'validation_failed',
      `Dữ liệu gửi lên không hợp lệ (${field}): ${vietnameseFor(first as AjvIssue | undefined)}.`,
      `The request is not valid (${field}): ${first?.message ?? ''}.`,
      { errors: error.validation.map((v) => ({ path: `${where}${v.instancePath}`, message: v.message, params: v.params })) },
    );
  }
  const framework = frameworkProblem(error);
  if (framework) return framework;
  const status = error.statusCode ?? 500;
  if (status === 429) {
    return new Problem(429, 'rate_limited', 'Bạn thao tác quá nhanh, vui lòng thử lại sau ít phút.', 'Too many requests, please try again in a few minutes.');
  }
  if (status === 413) {
    return new Problem(413, 'payload_too_large', 'Dữ liệu gửi lên quá lớn.', 'The request body is too large.');
  }
  if (status === 415) {
    return new Problem(415, 'unsupported_media_type', 'Định dạng dữ liệu không được hỗ trợ.', 'Unsupported content type.');
  }
  if (status >= 400 && status < 500) {
    return new Problem(status, 'bad_request', `Yêu cầu không hợp lệ: ${error.message}`, `Bad request: ${error.message}`);
  }
  return new Problem(500, 'internal', 'Hệ thống gặp sự cố, vui lòng thử lại sau.', 'Something went wrong on our side; please try again later.');
}

/*
 * Database faults (issue #10). A restart of PostgreSQL, a lost network or a closed embedded
 * database fails the requests in flight, not the process: they answer 503 with Retry-After, the
 * pool opens new connections on the next request, and a client retrying with its Idempotency-Key
 * gets the dossier it submitted exactly once. This is the one place that knows which errors mean
 * "the database is not reachable right now" rather than "this request is wrong".
 */

/**
 * SQLSTATEs of a lost or refused connection: 57P01 admin_shutdown (pg_ctl stop/restart -m fast,
 * pg_terminate_backend), 57P02 crash_shutdown (-m immediate, a crashed backend), 57P03
 * cannot_connect_now (starting up, shutting down, in recovery), class 08 connection exceptions,
 * 53300 too_many_connections.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
/** 53100 disk_full: the server (or PGlite's folder) cannot write until space is freed. */
const STORAGE_FULL_SQLSTATES = new Set(['53100']);
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
// node-postgres reports a dropped socket, a client unusable after it and a connect timeout only in
// words; PGlite says it is closed. These texts are the drivers' own, stable across their releases.
const UNAVAILABLE_MESSAGES =
  /Connection terminated|is not queryable|timeout exceeded when trying to connect|PGlite is closed|Cannot use a pool after calling end/i;

export type DatabaseFault = 'unavailable' | 'storage_full';

/** Whether an error (or its cause) means the database is unreachable or full, not that the request is bad. */
export function databaseFault(error: unknown, depth = 0): DatabaseFault | null {
  if (!error || typeof error !== 'object' || depth > 4) return null;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  if (STORAGE_FULL_SQLSTATES.has(code)) return 'storage_full';
  if (UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || UNAVAILABLE_ERRNOS.has(code)) return 'unavailable';
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return 'unavailable';
  for (const inner of [e.cause, ...(Array.isArray(e.errors) ? e.errors : [])]) {
    const found = databaseFault(inner, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Seconds a client should wait before retrying: a PostgreSQL restart takes one or two, so a short
 * hint gets submissions through soon after it is back; a full disk needs a person.
 */
export const RETRY_AFTER_SECONDS: Record<DatabaseFault, number> = { unavailable: 2, storage_full: 60 };

export function databaseProblem(fault: DatabaseFault): Problem {
  const retryAfterSeconds = RETRY_AFTER_SECONDS[fault];
  const headers = { 'retry-after': String(retryAfterSeconds) };
  if (fault === 'storage_full') {
    return new Problem(
      503,
      'storage_full',
      'Máy chủ tạm thời hết chỗ lưu dữ liệu. Vui lòng thử lại sau ít phút.',
      'The server has run out of storage for now. Please try again in a few minutes.',
      { retryAfterSeconds },
      headers,
    );
  }
  return new Problem(
    503,
    'database_unavailable',
    'Hệ thống đang tạm mất kết nối tới cơ sở dữ liệu. Vui lòng thử lại sau vài giây.',
    'The database is briefly unreachable. Please try again in a few seconds.',
    { retryAfterSeconds },
    headers,
  );
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | Problem, request, reply) => {
    const fault = error instanceof Problem ? null : databaseFault(error);
    if (fault) {
      request.log.warn(`database ${fault}: ${error.message}`);
      return sendProblem(request, reply, databaseProblem(fault));
    }
    const p = error instanceof Problem ? error : fromFastifyError(error);
    if (p.status >= 500) request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, p);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, new Problem(404, 'not_found', `Không tìm thấy địa chỉ ${request.url}.`, `No such address: ${request.url}.`)),
  );
}
