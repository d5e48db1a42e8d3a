import type { FastifyRequest } from 'fastify';
import { inlineStyle } from './security-headers.ts';

/**
 * A person who followed a link (the field app's printable report or Excel file after the session
 * expired, a mistyped /lich-luu-dong/99999) gets a page in their language with a way on, not raw
 * problem+json (axe: document-title, html-has-lang). Programs keep getting problem+json: only a
 * browser's top-level navigation (Sec-Fetch-Dest: document, or an Accept that asks for HTML and
 * not JSON) is answered with this page, with the same status code.
 */
export function wantsPage(request: FastifyRequest): boolean {
  const dest = request.headers['sec-fetch-dest'];
  if (dest !== undefined) return dest === 'document';
  const accept = request.headers.accept ?? '';
  return /text\/html/.test(accept) && !/json/.test(accept);
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const STYLE = inlineStyle(
  'body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0;background:#f6f7f9;color:#1a1a1a;line-height:1.5}main{max-width:40rem;margin:0 auto;padding:1rem}h1{font-size:1.4rem}.en{color:#4a4a4a}a{display:inline-block;padding:.7rem 0;color:#0b57d0;margin-right:1.5rem}code{overflow-wrap:anywhere}',
);

const HEADINGS: Record<number, [string, string]> = {
  401: ['Phiên đăng nhập đã hết hạn', 'Your session has expired'],
  403: ['Không có quyền xem trang này', 'You may not open this page'],
  404: ['Không tìm thấy trang', 'Page not found'],
};

export function problemPageHtml(request: FastifyRequest, status: number, code: string, detailVi: string, detailEn: string): string {
  const [vi, en] =
    HEADINGS[status] ??
    (status >= 500 ? ['Hệ thống đang gặp sự cố', 'Something went wrong'] : ['Không thực hiện được yêu cầu', 'The request could not be done']);
  const login =
    status === 401
      ? `<a href="/auth/login?returnTo=${encodeURIComponent(request.url)}">Đăng nhập lại <span class="en" lang="en">/ Sign in again</span></a>`
      : '';
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${esc(vi)} – ${esc(en)} | Motcua</title>${STYLE}</head>
<body><main>
<h1>${esc(vi)} <span class="en" lang="en">/ ${esc(en)}</span></h1>
<p>${esc(detailVi)}<br><span class="en" lang="en">${esc(detailEn)}</span></p>
<p>${login}<a href="/">Về trang chủ <span class="en" lang="en">/ Home</span></a></p>
<p class="en">Mã lỗi / Error code: <code>${esc(code)}</code> (${status})</p>
</main></body></html>`;
}
