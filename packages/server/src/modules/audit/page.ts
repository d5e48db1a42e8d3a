// The commune's public page (/xa/{code}) and the list of communes (/xa): server-rendered HTML that
// works without JavaScript, Vietnamese first with English beneath. It publishes the signed heads
// of the commune's audit log so that anyone can keep a copy outside Motcua's database.
import type { AnchorJson } from './anchor.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const vnTime = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hourCycle: 'h23',
});

/** Served from its own URL, not inline, so the page keeps working under a strict Content-Security-Policy. */
export const PAGE_CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0;background:#f6f7f9;color:#1a1a1a;line-height:1.5}
main{max-width:56rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
.en{color:#4a4a4a;font-size:.95em}
section,nav.links{background:#fff;padding:1rem;border-radius:.5rem;margin:0 0 1rem}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #d9dce1;vertical-align:top}
code,pre{font-size:.85em;overflow-wrap:anywhere;white-space:pre-wrap}
pre{background:#f1f3f4;padding:.5rem;border-radius:.3rem;max-height:14rem;overflow:auto}
details{margin:.25rem 0}summary{cursor:pointer;padding:.6rem 0}
@media (max-width:40rem){thead{display:none}tr,td{display:block}tr{border-bottom:1px solid #d9dce1;padding:.5rem 0}td{border:0;padding:.15rem 0}td::before{content:attr(data-label);display:block;font-weight:600}}
a{color:#0b57d0}
ul.units{columns:2 16rem;padding-left:1.2rem}`;

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><link rel="stylesheet" href="/xa/_/page.css"></head><body><main>${body}<p><a href="/">← Cổng dịch vụ công Motcua</a> · <span class="en" lang="en">Motcua public services portal</span></p></main></body></html>`;
}

function anchorRows(anchors: AnchorJson[]): string {
  if (!anchors.length) {
    return '<p>Chưa có neo nào được ký. <span class="en" lang="en">No anchor has been signed yet.</span></p>';
  }
  const rows = anchors
    .map(
      (a) => `<tr>
<td data-label="Thời điểm ký / signed at">${esc(vnTime.format(new Date(a.signedAt)))}<br><code>${esc(a.signedAt)}</code></td>
<td data-label="Đến bản ghi / entry">${a.entryId}</td>
<td data-label="Mã băm đầu chuỗi / head hash"><code>${esc(a.headHash)}</code></td>
<td data-label="Người ký / signer">${esc(a.signer)}<details><summary>Chữ ký và chứng thư / signature and certificate</summary><p>${esc(a.algorithm)}</p><pre>${esc(a.signature)}</pre><pre>${esc(a.certificate)}</pre><p>Nội dung được ký / signed text:</p><pre>${esc(a.statement)}</pre></details></td>
</tr>`,
    )
    .join('');
  return `<table><thead><tr><th scope="col">Thời điểm ký<br><span class="en" lang="en">Signed at</span></th><th scope="col">Đến bản ghi<br><span class="en" lang="en">Entry</span></th><th scope="col">Mã băm đầu chuỗi<br><span class="en" lang="en">Head hash (SHA-256)</span></th><th scope="col">Người ký<br><span class="en" lang="en">Signer</span></th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function unitPageHtml(input: { code: string; fullName: string; provinceName: string | null; anchors: AnchorJson[]; anchorMinutes: number }): string {
  const { code, fullName, provinceName, anchors } = input;
  const json = `/api/audit-anchors/${encodeURIComponent(code)}`;
  const place = provinceName ? `${fullName}, ${provinceName}` : fullName;
  return layout(
    `${fullName} — Motcua`,
    `
<h1>${esc(place)}</h1>
<p>Trang công khai của ${esc(fullName)} trên Motcua (mã đơn vị ${esc(code)}). <span class="en" lang="en">Public page of ${esc(fullName)} on Motcua (unit code ${esc(code)}).</span></p>
<nav class="links" aria-label="Liên kết"><a href="/">Tìm thủ tục hành chính</a> · <a href="/tra-cuu">Tra cứu hồ sơ</a> <span class="en" lang="en">(find a procedure · look up a dossier)</span></nav>
<section aria-labelledby="anchors">
<h2 id="anchors">Neo nhật ký kiểm toán <span class="en" lang="en">— audit log anchors</span></h2>
<p>Mọi thao tác trên hồ sơ của xã và mọi lần cán bộ mở dữ liệu cá nhân đều được ghi vào nhật ký kiểm toán, nối với nhau bằng mã băm. Khoảng ${input.anchorMinutes} phút một lần, đầu chuỗi nhật ký được ký số bằng khóa của xã và công bố tại đây; lãnh đạo xã cũng nhận bản neo qua thư điện tử hằng ngày. Ai cũng có thể lưu lại các neo này: nếu sau này nhật ký bị sửa, kể cả khi mọi mã băm được tính lại, chuỗi sẽ không còn đi qua neo đã lưu.</p>
<p class="en" lang="en">Every action on the commune's dossiers and every time an official opens personal data is written to a hash-chained audit log. About every ${input.anchorMinutes} minutes the head of the log is signed with the commune's key and published here; the commune's leaders also receive it by e-mail every day. Anyone may keep copies: if the log is later rewritten, even with every hash recomputed, it no longer passes through the saved anchors.</p>
${anchorRows(anchors)}
<p>Bản máy đọc được (JSON) / machine-readable copy: <a href="${esc(json)}">${esc(json)}</a></p>
<details><summary>Cách kiểm tra / how to check</summary>
<p>Lưu tệp JSON ở trên (hoặc thư báo cáo hằng ngày). Kiểm toán viên chạy trên máy chủ:<br><span class="en" lang="en">Save the JSON above (or the daily report e-mail). An auditor runs, on the server:</span></p>
<pre>npm run audit:verify -- --anchors anchors-${esc(code)}.json --ca ca.cert.pem</pre>
<p>Kiểm tra riêng một chữ ký bằng OpenSSL (không cần Motcua): lưu "nội dung được ký" thành statement.txt, chữ ký thành sig.b64, chứng thư thành cert.pem:<br><span class="en" lang="en">Check one signature with OpenSSL alone: save the signed text as statement.txt, the signature as sig.b64, the certificate as cert.pem:</span></p>
<pre>base64 -d sig.b64 &gt; sig.bin
openssl x509 -in cert.pem -pubkey -noout &gt; pub.pem
openssl dgst -sha256 -verify pub.pem -signature sig.bin statement.txt</pre>
</details>
</section>`,
  );
}

export function unitListHtml(units: { code: string; fullName: string; lastSignedAt: string }[]): string {
  const items = units
    .map(
      (u) =>
        `<li><a href="/xa/${esc(encodeURIComponent(u.code))}">${esc(u.fullName)}</a> <span class="en">(${esc(vnTime.format(new Date(u.lastSignedAt)))})</span></li>`,
    )
    .join('');
  return layout(
    'Minh bạch nhật ký kiểm toán — Motcua',
    `
<h1>Minh bạch nhật ký kiểm toán <span class="en" lang="en">— audit log transparency</span></h1>
<p>Các xã, phường dưới đây công bố đầu chuỗi nhật ký kiểm toán đã ký số. Chọn một xã để xem và lưu các neo. <span class="en" lang="en">These communes and wards publish the signed heads of their audit logs. Choose one to see and keep its anchors.</span></p>
<section>${items ? `<ul class="units">${items}</ul>` : '<p>Chưa có neo nào. <span class="en" lang="en">No anchors yet.</span></p>'}</section>`,
  );
}
