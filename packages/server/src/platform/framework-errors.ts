import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { Problem, sendProblem } from './problem.ts';

/**
 * Every error the framework (Fastify, its plugins, Node's HTTP parser) produces on its own becomes
 * a problem+json like ours, in Vietnamese and English, so a client needs one way to read errors.
 */

const problems: Record<string, () => Problem> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: () =>
    new Problem(
      400,
      'empty_body',
      'Yêu cầu khai báo dữ liệu JSON nhưng không có nội dung.',
      'The request declares a JSON body (Content-Type) but carries none.',
    ),
  FST_ERR_CTP_INVALID_JSON_BODY: () => new Problem(400, 'invalid_json', 'Dữ liệu gửi lên không phải JSON hợp lệ.', 'The request body is not valid JSON.'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () =>
    new Problem(400, 'bad_request', 'Độ dài dữ liệu (Content-Length) không khớp với nội dung gửi lên.', 'Content-Length does not match the body sent.'),
  FST_ERR_CTP_BODY_TOO_LARGE: () => new Problem(413, 'payload_too_large', 'Dữ liệu gửi lên quá lớn.', 'The request body is too large.'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => new Problem(415, 'unsupported_media_type', 'Định dạng dữ liệu không được hỗ trợ.', 'Unsupported content type.'),
  FST_ERR_BAD_URL: () => new Problem(400, 'bad_url', 'Địa chỉ không hợp lệ (mã hoá phần trăm "%" sai).', 'The address is not valid (broken percent-encoding).'),
  FST_ERR_MAX_PARAM_LENGTH: () => new Problem(414, 'uri_too_long', 'Địa chỉ quá dài.', 'The address is too long.'),
  FST_ERR_HANDLER_TIMEOUT: () =>
    new Problem(503, 'timeout', 'Hệ thống xử lý quá lâu, vui lòng thử lại sau.', 'The server took too long; please try again later.'),
  FST_PARTS_LIMIT: () => new Problem(413, 'payload_too_large', 'Biểu mẫu gửi lên có quá nhiều phần.', 'The form has too many parts.'),
  FST_FILES_LIMIT: () => new Problem(413, 'payload_too_large', 'Chỉ gửi một tệp mỗi lần.', 'Send one file at a time.'),
  FST_FIELDS_LIMIT: () => new Problem(413, 'payload_too_large', 'Biểu mẫu gửi lên có quá nhiều trường.', 'The form has too many fields.'),
  FST_PROTO_VIOLATION: () => new Problem(400, 'bad_request', 'Tên trường biểu mẫu không được phép.', 'A form field name is not allowed.'),
  FST_INVALID_MULTIPART_CONTENT_TYPE: () =>
    new Problem(415, 'unsupported_media_type', 'Hãy gửi dữ liệu dạng multipart/form-data.', 'Send the data as multipart/form-data.'),
  FST_INVALID_JSON_FIELD_ERROR: () => new Problem(400, 'invalid_json', 'Một trường biểu mẫu không phải JSON hợp lệ.', 'A form field is not valid JSON.'),
};

/** Busboy (behind @fastify/multipart) reports a broken multipart body with plain Errors. */
const MULTIPART_BROKEN =
  /^(Unexpected end of (form|file|multipart data)|(Part|Field) terminated early due to unexpected end of multipart data|Malformed (part header|urlencoded form)|Multipart: Boundary not found|Boundary required|Missing Content-Type|Not ready to parse|Unsupported content type)/i;

/** The problem for a framework error, or null when the error is not one the framework made. */
export function frameworkProblem(error: FastifyError): Problem | null {
  const known = error.code ? problems[error.code] : undefined;
  if (known) return known();
  if (MULTIPART_BROKEN.test(error.message ?? '')) {
    return new Problem(400, 'bad_request', 'Biểu mẫu gửi lên (multipart) bị hỏng hoặc không trọn vẹn.', 'The multipart form is malformed or incomplete.');
  }
  // A client that hangs up mid-body: nobody reads the answer, but it must not count as our fault.
  if (error.code === 'ECONNRESET' || error.code === 'ERR_STREAM_PREMATURE_CLOSE' || /^(aborted|premature close)$/i.test(error.message ?? '')) {
    return new Problem(400, 'request_aborted', 'Yêu cầu bị ngắt giữa chừng.', 'The request was interrupted.');
  }
  return null;
}

/** The headers every answer carries, also those written before Fastify (or helmet) runs. */
export const BASELINE_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

function rawProblem(status: number, code: string, vi: string, en: string): string {
  const title = STATUS_CODES[status] ?? 'Error';
  return JSON.stringify({ type: `https://motcua.vn/problems/${code}`, title, status, detail: vi, detailVi: vi, detailEn: en, code });
}

/**
 * Node's HTTP parser refuses some requests before Fastify sees them (header block too large, URL
 * too long, broken syntax, a request that took too long to arrive). It hands us the socket only.
 */
function clientErrorHandler(this: FastifyInstance, error: Error, socket: Socket): void {
  const err = error as NodeJS.ErrnoException & { rawPacket?: Buffer };
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  let status = 400;
  let body: string;
  if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT' || err.code === 'ERR_HTTP_HEADERS_TIMEOUT') {
    status = 408;
    body = rawProblem(
      408,
      'request_timeout',
      'Yêu cầu gửi đến quá chậm nên đã bị dừng; vui lòng thử lại.',
      'The request took too long to arrive; please try again.',
    );
  } else if (err.code === 'HPE_HEADER_OVERFLOW') {
    // The request line counts towards the same limit (16 KiB): a line that alone fills half of it
    // (or does not end in what arrived) means the address was too long, not the headers.
    const raw = Buffer.isBuffer(err.rawPacket) ? err.rawPacket : null;
    const lineEnd = raw ? raw.indexOf('\r\n') : -1;
    const urlTooLong = raw !== null && /^[A-Z]+ /.test(raw.subarray(0, 16).toString('latin1')) && (lineEnd === -1 || lineEnd > 8192);
    status = urlTooLong ? 414 : 431;
    body = urlTooLong
      ? rawProblem(414, 'uri_too_long', 'Địa chỉ quá dài.', 'The address is too long.')
      : rawProblem(
          431,
          'headers_too_large',
          'Phần đầu yêu cầu (header, cookie) quá lớn; hãy xoá cookie của trang và thử lại.',
          'The request headers (or cookies) are too large; clear this site’s cookies and try again.',
        );
  } else {
    body = rawProblem(400, 'bad_request', 'Yêu cầu HTTP không đúng chuẩn.', 'The HTTP request is malformed.');
  }
  this.log.debug({ err }, 'client error');
  if (socket.writable) {
    const headers = Object.entries(BASELINE_HEADERS)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${headers}Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

/** Bad percent-encoding and over-long path parameters are found by the router, before any hook. */
function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const p = frameworkProblem(error) ?? new Problem(400, 'bad_request', 'Yêu cầu không hợp lệ.', 'Bad request.');
  reply.headers(BASELINE_HEADERS);
  void sendProblem(request, reply, p);
}

/** Server options for `Fastify({...})`. */
export function frameworkErrorOptions(): Pick<FastifyServerOptions, 'frameworkErrors' | 'clientErrorHandler' | 'requestTimeout'> {
  return {
    frameworkErrors,
    clientErrorHandler,
    // Node's own default; Fastify's is none. A phone on a weak link still sends 10 MB in 5 minutes.
    requestTimeout: 300_000,
  };
}
