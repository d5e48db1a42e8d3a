// The public verification page: plain server-rendered HTML (works without JavaScript, on any
// phone that scanned the QR code), Vietnamese first with English beneath.
import { vnDateTime } from './documents/index.ts';
import { inlineStyle } from '../../platform/security-headers.ts';
import type { VerificationReport, Verdict } from './verification.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const VERDICT: Record<Verdict, { vi: string; en: string; detailVi: string; detailEn: string; tone: 'ok' | 'bad' | 'warn' }> = {
  authentic: {
    vi: 'Văn bản xác thực',
    en: 'Authentic document',
    tone: 'ok',
    detailVi: 'Văn bản do Motcua phát hành, chữ ký số hợp lệ và nội dung không bị thay đổi.',
    detailEn: 'Issued through Motcua; the digital signature is valid and the content is unaltered.',
  },
  altered: {
    vi: 'KHÔNG xác thực: văn bản đã bị sửa đổi',
    en: 'NOT authentic: the document was altered',
    tone: 'bad',
    detailVi: 'Nội dung tệp không còn khớp với chữ ký số. Không sử dụng văn bản này; hãy liên hệ cơ quan đã cấp.',
    detailEn: 'The file no longer matches its digital signature. Do not rely on it; contact the issuing office.',
  },
  unknown: {
    vi: 'KHÔNG xác thực: không phải văn bản do Motcua phát hành',
    en: 'NOT authentic: not a document issued through Motcua',
    tone: 'bad',
    detailVi: 'Không tìm thấy văn bản có mã băm này trong hồ sơ đã phát hành.',
    detailEn: 'No issued document has this fingerprint (SHA-256).',
  },
  not_found: {
    vi: 'Không tìm thấy văn bản',
    en: 'Document not found',
    tone: 'warn',
    detailVi: 'Đường dẫn không khớp với văn bản nào do Motcua phát hành. Hãy kiểm tra lại mã QR hoặc tải tệp lên bên dưới.',
    detailEn: 'The link matches no document issued through Motcua. Check the QR code or upload the file below.',
  },
};

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0;background:#f6f7f9;color:#1a1a1a;line-height:1.5}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;margin:.5rem 0 1rem}
.en{color:#4a4a4a;font-size:.95em}
.verdict{border-radius:.5rem;padding:1rem;margin:0 0 1rem;border:3px solid}
.ok{background:#e8f5e9;border-color:#1b5e20}.bad{background:#fdecea;border-color:#b71c1c}.warn{background:#fff8e1;border-color:#8a6d00}
.verdict strong{font-size:1.2rem;display:block}
dl{display:grid;grid-template-columns:minmax(0,14rem) minmax(0,1fr);gap:.4rem 1rem;background:#fff;padding:1rem;border-radius:.5rem}
dt{font-weight:600}dd{margin:0;overflow-wrap:break-word;min-width:0}
@media (max-width:36rem){dl{display:block}dd{margin:0 0 .75rem}}
.home{display:inline-block;margin:.25rem 0 .5rem;padding:.7rem 0;color:#0b57d0}
form{background:#fff;padding:1rem;border-radius:.5rem;margin-top:1rem}
label{display:block;font-weight:600;margin-bottom:.5rem}
input[type=file]{font-size:1rem;max-width:100%}
button{font-size:1rem;padding:.6rem 1.2rem;margin-top:.75rem;border-radius:.4rem;border:0;background:#0b57d0;color:#fff;min-height:44px}
code{font-size:.85em;overflow-wrap:anywhere;word-break:break-all}`;
const STYLE_TAG = inlineStyle(STYLE);

/**
 * Served as /verify/verify.js (the CSP allows no inline script). Posting with credentials omitted:
 * the check needs no login, and a signed-in browser's cookie would otherwise require the CSRF
 * header. Without JavaScript the form posts normally.
 */
export const VERIFY_PAGE_SCRIPT = `document.getElementById('f').addEventListener('submit',function(e){e.preventDefault();fetch('/verify',{method:'POST',body:new FormData(this),credentials:'omit',headers:{accept:'text/html'}}).then(function(r){return r.text()}).then(function(h){document.open();document.write(h);document.close()})});`;

function row(vi: string, en: string, value: string): string {
  return `<dt>${esc(vi)}<br><span class="en" lang="en">${esc(en)}</span></dt><dd>${value}</dd>`;
}

const yesNo = (v: boolean | null) => (v === null ? 'Không có / None' : v ? 'Có / Yes' : 'Không / No');

export function verifyPageHtml(report: VerificationReport | null): string {
  let body = '';
  if (report) {
    const v = VERDICT[report.verdict];
    body += `<section class="verdict ${v.tone}" role="status" aria-live="polite"><strong>${v.tone === 'ok' ? '✓' : '✗'} ${esc(v.vi)}</strong><span class="en" lang="en">${esc(v.en)}</span><p>${esc(v.detailVi)}<br><span class="en" lang="en">${esc(v.detailEn)}</span></p></section>`;
    const d = report.document;
    if (d) {
      body += '<dl>';
      body += row('Loại văn bản', 'Document', `${esc(d.kindTitle.vi)}<br><span class="en" lang="en">${esc(d.kindTitle.en)}</span>`);
      body += row('Mã hồ sơ', 'Dossier code', `<code>${esc(d.dossierCode)}</code>`);
      body += row('Cơ quan phát hành', 'Issuing office', esc(d.issuingUnit));
      body += row('Người ký (chứng thư số)', 'Signed by (certificate)', esc(d.signedBy));
      body += row('Thời điểm ký', 'Signed at', `${esc(vnDateTime(new Date(d.signedAt)))}<br><span class="en" lang="en">${esc(d.signedAt)}</span>`);
      body += row('Khớp văn bản đã phát hành', 'Matches an issued document', yesNo(report.checks.issuedByMotcua && report.checks.hashMatches));
      body += row('Chữ ký số hợp lệ', 'Signature valid', yesNo(report.checks.signatureValid));
      body += row('Mã băm SHA-256', 'SHA-256', `<code>${esc(d.sha256)}</code>`);
      body += '</dl>';
    } else if (report.checkedFrom === 'file') {
      body += `<dl>${row('Chữ ký số hợp lệ', 'Signature valid', yesNo(report.checks.signatureValid))}${row('Ký toàn bộ tệp', 'Whole file signed', yesNo(report.checks.coversWholeFile))}${row('Mã băm SHA-256', 'SHA-256', `<code>${esc(report.sha256 ?? '')}</code>`)}</dl>`;
    }
    if (report.checkedFrom === 'link' && report.verdict === 'authentic') {
      body += `<p>Để chắc chắn tệp ông/bà đang giữ không bị sửa, hãy tải tệp lên để đối chiếu.<br><span class="en" lang="en">To check that the file you hold is unaltered, upload it below.</span></p>`;
    }
  }
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Xác thực văn bản – Verify a document | Motcua</title>${STYLE_TAG}</head>
<body><main>
<a class="home" href="/">← Về Cổng dịch vụ công Motcua <span class="en" lang="en">/ Back to the portal</span></a>
<h1>Xác thực văn bản <span class="en" lang="en">/ Verify a document</span></h1>
${body}
<form id="f" method="post" action="/verify" enctype="multipart/form-data">
<label for="file">Tải lên tệp PDF để đối chiếu<br><span class="en" lang="en">Upload the PDF file to check it</span></label>
<input id="file" name="file" type="file" accept="application/pdf" required>
<br><button type="submit">Kiểm tra / Check</button>
</form>
</main><script src="/verify/verify.js"></script></body></html>`;
}
