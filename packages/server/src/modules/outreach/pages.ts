import ExcelJS from 'exceljs';
import type { RoundReport, Schedule, Tally } from '@motcua/core/api';
import { dmy, whenVi } from './schedule.ts';
import { inlineStyle } from '../../platform/security-headers.ts';

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

// One A4 page: printed and pinned at the hamlet's cultural house and read on the loudspeaker.
const STYLE = `
  @page { size: A4; margin: 15mm; }
  body { font-family: "Be Vietnam Pro", "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #111; margin: 0 auto; max-width: 180mm; font-size: 12pt; line-height: 1.4; }
  header { text-align: center; margin-bottom: 8mm; }
  .motto { font-weight: 700; text-transform: uppercase; font-size: 11pt; }
  h1 { font-size: 16pt; margin: 6mm 0 2mm; text-transform: uppercase; }
  table { width: 100%; border-collapse: collapse; margin-top: 4mm; }
  th, td { border: 1px solid #444; padding: 2mm 3mm; vertical-align: top; text-align: left; }
  th { background: #eee; }
  td.n { text-align: right; }
  .muted { color: #555; font-size: 10pt; }
  .center { text-align: center; }
  @media print { .noprint { display: none; } th { background: none; } }`;
const STYLE_TAG = inlineStyle(STYLE);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title>${STYLE_TAG}</head><body>${body}</body></html>`;
}

const header = (unitName: string) =>
  `<header><div class="motto">Cộng hòa xã hội chủ nghĩa Việt Nam<br>Độc lập - Tự do - Hạnh phúc</div><div>${esc(unitName)}</div></header>`;

export function schedulePage(s: Schedule): string {
  const rows = s.items
    .map(
      (i) =>
        `<tr><td>${esc(whenVi(i.day, i.part))}<br><span class="muted">${esc(i.startsAt)}–${esc(i.endsAt)}</span></td><td>${esc(i.hamlets.map((h) => h.name).join(', '))}</td><td>${esc(i.meetingPoint)}</td></tr>`,
    )
    .join('');
  const body = `${header(s.unitName)}<h1 class="center">Lịch tiếp nhận hồ sơ lưu động</h1>
<p class="center muted">Mobile intake schedule — từ ngày ${esc(dmy(s.from))}</p>
<p>Tổ tiếp nhận lưu động của ${esc(s.unitName)} đến tận thôn, ấp để hướng dẫn và nhận hồ sơ thủ tục hành chính. Người cao tuổi, người khuyết tật, người ốm đau không tự đến được xin báo trước cho trưởng ấp để tổ đến tận nhà.</p>
${s.items.length === 0 ? '<p><em>Hiện chưa có buổi lưu động nào được lên lịch.</em></p>' : `<table><thead><tr><th>Thời gian</th><th>Thôn, ấp</th><th>Địa điểm</th></tr></thead><tbody>${rows}</tbody></table>`}
<p class="muted">Mang theo CCCD và giấy tờ liên quan. Lịch có thể thay đổi khi thời tiết xấu; xem lịch mới nhất tại /lich-luu-dong/${esc(s.unitCode)}.</p>`;
  return page(`Lịch tiếp nhận lưu động — ${s.unitName}`, body);
}

const cells = (t: Tally) => [
  t.received,
  t.completedOnSpot,
  t.scheduledForReturn,
  t.consulted,
  t.surveys,
  t.averages.overall ?? '—',
  t.averages.staff ?? '—',
  t.averages.convenience ?? '—',
];
export const REPORT_HEADERS = [
  'Hồ sơ tiếp nhận',
  'Giải quyết tại chỗ',
  'Hẹn trả sau',
  'Lượt tư vấn',
  'Phiếu khảo sát',
  'Hài lòng chung (TB)',
  'Thái độ cán bộ (TB)',
  'Thuận tiện (TB)',
];

export function reportPage(r: RoundReport): string {
  const head = `<tr><th>Buổi / thôn, ấp</th>${REPORT_HEADERS.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>`;
  const row = (label: string, t: Tally, strong = false) =>
    `<tr>${strong ? `<th>${esc(label)}</th>` : `<td>${esc(label)}</td>`}${cells(t)
      .map((c) => `<td class="n">${esc(c)}</td>`)
      .join('')}</tr>`;
  const sessions = r.sessions.map((s) => row(`${whenVi(s.day, s.part)}${s.status === 'cancelled' ? ' (đã hủy)' : ''}`, s)).join('');
  const hamlets = r.byHamlet.map((h) => row(h.hamletName, h)).join('');
  const body = `${header(r.unitName)}<h1>Báo cáo đợt tiếp nhận lưu động</h1><p><strong>${esc(r.title)}</strong></p>
<h2>Theo buổi</h2><table><thead>${head}</thead><tbody>${sessions}${row('Cộng', r, true)}</tbody></table>
<h2>Theo thôn, ấp</h2><table><thead>${head}</thead><tbody>${hamlets}</tbody></table>`;
  return page(`Báo cáo lưu động — ${r.title}`, body);
}

/** Two sheets, Vietnamese headers, numbers as numbers (so the commune can sum them in Excel). */
export async function reportWorkbook(r: RoundReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Motcua';
  const num = (v: number | null) => (v === null ? null : v);
  const values = (t: Tally) => [
    t.received,
    t.completedOnSpot,
    t.scheduledForReturn,
    t.consulted,
    t.surveys,
    num(t.averages.overall),
    num(t.averages.staff),
    num(t.averages.convenience),
  ];

  const sessions = wb.addWorksheet('Theo buổi');
  sessions.addRow(['Ngày', 'Buổi', 'Trạng thái', ...REPORT_HEADERS]).font = { bold: true };
  for (const s of r.sessions)
    sessions.addRow([dmy(s.day), s.part === 'morning' ? 'Sáng' : 'Chiều', s.status === 'cancelled' ? 'Đã hủy' : 'Theo kế hoạch', ...values(s)]);
  sessions.addRow(['Cộng', '', '', ...values(r)]).font = { bold: true };

  const hamlets = wb.addWorksheet('Theo thôn, ấp');
  hamlets.addRow(['Mã thôn, ấp', 'Thôn, ấp', ...REPORT_HEADERS]).font = { bold: true };
  for (const h of r.byHamlet) hamlets.addRow([h.hamletCode ?? '', h.hamletName, ...values(h)]);
  for (const ws of [sessions, hamlets])
    ws.columns.forEach((c) => {
      c.width = 18;
    });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
