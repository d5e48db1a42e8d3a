import type { DemoPeople } from './demo-people.ts';
import { inlineStyle } from '../../platform/security-headers.ts';

const STYLE_TAG = inlineStyle(`
  body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 1rem auto; padding: 0 1rem; color: #1a1a1a; }
  .notice { border: 3px solid #b45309; background: #fff7ed; padding: .75rem 1rem; }
  ul { list-style: none; padding: 0; }
  li { margin: .4rem 0; }
  button { font: inherit; width: 100%; text-align: left; padding: .6rem .8rem; border: 1px solid #555; background: #fff; border-radius: 4px; cursor: pointer; }
  button:hover { background: #eef4ff; }
  button:focus-visible, input:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
  .sub { display: block; font-size: .9rem; color: #444; }
  label { display: block; margin-top: .5rem; font-weight: 600; }
  input { font: inherit; padding: .4rem; width: 100%; max-width: 22rem; }
  .error { color: #b91c1c; font-weight: 600; }
  .primary { width: auto; margin-top: .75rem; background: #1d4ed8; color: #fff; border-color: #1d4ed8; }
`);

const ROLE_NAMES: Record<string, string> = {
  receptionist: 'Tiếp nhận hồ sơ (receptionist)',
  specialist: 'Chuyên viên xử lý (specialist)',
  approver: 'Lãnh đạo phê duyệt (approver)',
  outreach: 'Cán bộ lưu động (outreach)',
  commune_admin: 'Quản trị xã (commune administrator)',
  province_viewer: 'Theo dõi cấp tỉnh (province viewer)',
  system_admin: 'Quản trị hệ thống (system administrator)',
};

const UNIT_NAMES: Record<string, string> = { '30421': 'Xã Phú Lâm', '30790': 'Xã Hòa Điền', '91': 'Tỉnh An Giang' };

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The development provider's login page: plain HTML that works without JavaScript, Vietnamese
 * first, with real labels and headings so screen readers announce the choices.
 */
export function loginPage(opts: { action: string; abort: string; people: DemoPeople; clientName: string; error?: string }): string {
  const { people } = opts;
  const citizen = people.citizens
    .map(
      (c) =>
        `<li><button type="submit" name="account" value="${escapeHtml(c.idNumber)}">${escapeHtml(c.name)} — CCCD ${escapeHtml(c.idNumber)}<span class="sub">${escapeHtml(c.address.streetAddress)}, ${escapeHtml(c.address.commune)}</span></button></li>`,
    )
    .join('\n');
  const official = people.officials
    .map((o) => {
      const where = o.unitCodes.map((u) => UNIT_NAMES[u] ?? u).join(', ') || 'Toàn hệ thống (all units)';
      return `<li><button type="submit" name="account" value="${escapeHtml(o.username)}">${escapeHtml(o.name)} — ${escapeHtml(o.username)}<span class="sub">${escapeHtml(o.roles.map((r) => ROLE_NAMES[r] ?? r).join(', '))} · ${escapeHtml(where)}</span></button></li>`;
    })
    .join('\n');
  const error = opts.error ? `<p class="error" role="alert">${escapeHtml(opts.error)}</p>` : '';
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Đăng nhập thử nghiệm — Development sign-in</title>
${STYLE_TAG}
</head>
<body>
<main>
<h1>Đăng nhập thử nghiệm <span lang="en">(development sign-in)</span></h1>
<p class="notice" role="note"><strong>Đây không phải VNeID.</strong> Trang này là nhà cung cấp định danh giả lập, chỉ dùng khi phát triển và trình diễn, thay cho VNeID.
Mọi người dưới đây là nhân vật hư cấu.<br><span lang="en">This is <strong>not VNeID</strong>: a development stand-in identity provider for demos and tests. Everyone listed is fictional.</span></p>
<p>Ứng dụng <strong>${escapeHtml(opts.clientName)}</strong> yêu cầu đăng nhập. <span lang="en">An application asks you to sign in.</span></p>
${error}
<form method="post" action="${escapeHtml(opts.action)}">
<h2>Chọn một công dân mẫu <span lang="en">(pick a demo citizen)</span></h2>
<ul>
${citizen}
</ul>
<h2>Chọn một cán bộ mẫu <span lang="en">(pick a demo official)</span></h2>
<ul>
${official}
</ul>
</form>
<form method="post" action="${escapeHtml(opts.action)}">
<h2>Hoặc nhập số CCCD / tên đăng nhập <span lang="en">(or type a CCCD number or username)</span></h2>
<label for="identifier">Số CCCD hoặc tên đăng nhập <span lang="en">(CCCD or username)</span></label>
<input id="identifier" name="identifier" autocomplete="username" required>
<label for="password">Mật khẩu <span lang="en">(password)</span></label>
<input id="password" name="password" type="password" autocomplete="current-password" required aria-describedby="password-hint">
<p id="password-hint">Mật khẩu thử nghiệm của mọi tài khoản mẫu: <code>${escapeHtml(people.password)}</code> <span lang="en">(the demo password of every demo account)</span></p>
<button class="primary" type="submit">Đăng nhập <span lang="en">(sign in)</span></button>
</form>
<p><a href="${escapeHtml(opts.abort)}">Huỷ đăng nhập <span lang="en">(cancel)</span></a></p>
</main>
</body>
</html>`;
}
