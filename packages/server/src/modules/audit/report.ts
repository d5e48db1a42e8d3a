// The daily e-mail that carries a chain's signed head to the unit's leaders: a copy outside the
// database, kept in their mailboxes, that a later rewrite of the log cannot reach.
import { ANCHORS_BEGIN, ANCHORS_END, type AnchorJson } from './anchor.ts';
import type { AnchorOutcome } from './anchoring.ts';

const vnTime = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hourCycle: 'h23',
});
const enTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hourCycle: 'h23',
});

/** Where a chain's anchors are published: the unit's page, or the API for the platform's chains. */
export function anchorsPageUrl(publicUrl: string, chain: string, isUnit: boolean): string {
  return isUnit ? `${publicUrl}/xa/${encodeURIComponent(chain)}` : `${publicUrl}/api/audit-anchors/${encodeURIComponent(chain)}`;
}

/** The anchors as the marked JSON block that `npm run audit:verify -- --anchors <saved e-mail>` reads. */
export function anchorsBlock(anchors: AnchorJson[]): string {
  return `${ANCHORS_BEGIN}\n${JSON.stringify(anchors, null, 1)}\n${ANCHORS_END}`;
}

export function renderDailyReport(input: { outcome: Exclude<AnchorOutcome, { status: 'empty' }>; unitName: string | null; publicUrl: string }): {
  subject: string;
  text: string;
} {
  const { outcome, unitName, publicUrl } = input;
  const anchor = outcome.anchor!;
  const at = new Date(anchor.signedAt);
  const who = unitName ?? `chuỗi ${anchor.chain}`;
  const whoEn = unitName ?? `chain ${anchor.chain}`;
  const page = anchorsPageUrl(publicUrl, anchor.chain, unitName !== null);
  const failed = outcome.status === 'failed';
  const subject = `${failed ? '[CẢNH BÁO / WARNING] ' : ''}Neo nhật ký kiểm toán ${who} — audit anchor, ${vnTime.format(at)}`;
  const warnVi = failed
    ? [
        '',
        `CẢNH BÁO: kiểm tra nhật ký phát hiện bất thường và KHÔNG ký đầu chuỗi mới: ${outcome.message}.`,
        'Neo dưới đây là neo hợp lệ cuối cùng. Hãy báo ngay cho quản trị hệ thống và giữ nguyên thư này.',
      ]
    : [];
  const warnEn = failed
    ? [
        '',
        `WARNING: checking the log found a problem and did NOT sign a new head: ${outcome.message}.`,
        'The anchor below is the last good one. Tell the system administrator at once and keep this message.',
      ]
    : [];
  const text = [
    `Kính gửi lãnh đạo ${who},`,
    '',
    `Đây là báo cáo hằng ngày về nhật ký kiểm toán của ${who} trên Motcua. Đầu chuỗi nhật ký (bản ghi cuối cùng) đã được ký số bằng khóa của đơn vị:`,
    ...warnVi,
    '',
    `  Chuỗi nhật ký:     ${anchor.chain}`,
    `  Đến bản ghi số:    ${anchor.entryId}`,
    `  Mã băm đầu chuỗi:  ${anchor.headHash}`,
    `  Thời điểm ký:      ${vnTime.format(at)}`,
    `  Người ký:          ${anchor.signer}`,
    '',
    'Xin LƯU GIỮ thư này, không xóa. Nếu sau này có ai sửa nhật ký trong cơ sở dữ liệu (kể cả khi tính lại mọi mã băm), bản lưu này cho thấy điều đó: kiểm toán viên lưu thư thành tệp rồi chạy',
    '  npm run audit:verify -- --anchors <tệp thư>',
    `Các neo đã công bố: ${page}`,
    '',
    '— English —',
    '',
    `To the leaders of ${whoEn}: this is the daily report on ${whoEn}'s audit log in Motcua. The head of the log (its last entry) was signed with the unit's key:`,
    ...warnEn,
    '',
    `  Chain: ${anchor.chain}   Entry: ${anchor.entryId}   Signed: ${enTime.format(at)} (Vietnam time)`,
    `  Head hash: ${anchor.headHash}`,
    '',
    'Please KEEP this message. If anyone later rewrites the log in the database (even recomputing every hash), this copy shows it: an auditor saves the message to a file and runs `npm run audit:verify -- --anchors <file>`.',
    `Published anchors: ${page}`,
    '',
    anchorsBlock([anchor]),
    '',
  ].join('\n');
  return { subject, text };
}
