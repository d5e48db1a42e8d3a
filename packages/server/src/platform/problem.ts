import { STATUS_CODES } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemPageHtml, wantsPage } from './problem-page.ts';

/**
 * One error family for the whole server. Services throw (or return) these; the handler below is
 * the single place that turns them into RFC 9457 problem+json, in Vietnamese and English.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly extra: Record<string, unknown> = {},
    /** Response headers the answer must carry (e.g. Retry-After on 503). */
    readonly headers: Record<string, string> = {},
  ) {
    super(messageEn);
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  detailVi: string;
  detailEn: string;
  code: string;
  instance?: string;
  [key: string]: unknown;
}

function prefersEnglish(request: FastifyRequest): boolean {
  const lang = request.headers['accept-language'] ?? '';
  return /^en\b/i.test(lang.trim());
}

export function problemBody(request: FastifyRequest, p: Problem): ProblemBody {
  return {
    type: `https://motcua.vn/problems/${p.code}`,
    title: TITLES[p.status] ?? STATUS_CODES[p.status] ?? 'Error',
    status: p.status,
    detail: prefersEnglish(request) ? p.messageEn : p.messageVi,
    detailVi: p.messageVi,
    detailEn: p.messageEn,
    code: p.code,
    instance: request.url,
    ...p.extra,
  };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, p: Problem) {
  for (const [name, value] of Object.entries(p.headers)) reply.header(name, value);
  if (wantsPage(request)) {
    return reply
      .status(p.status)
      .type('text/html; charset=utf-8')
      .send(problemPageHtml(request, p.status, p.code, p.messageVi, p.messageEn));
  }
  return reply.status(p.status).type('application/problem+json').send(problemBody(request, p));
}
