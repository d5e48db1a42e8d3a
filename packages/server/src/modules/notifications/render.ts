import { fitSms } from './sms-text.ts';
import type { DossierNoticePayload } from './tables.ts';
import { NOTICE_TEXTS, noticeKind, type NoticeKind, type NoticeText } from './templates.ts';

export interface RenderedNotice {
  kind: NoticeKind;
  subject: string;
  /** Plain-text e-mail: the recipient's language first, the other language below. */
  text: string;
  /** One GSM-7 segment (≤ 160 characters), without diacritics. */
  sms: string;
}

const SEPARATOR = '\n\n----------------------------------------\n\n';

function letter(t: NoticeText, lang: 'vi' | 'en', fullName: string, publicUrl: string): string {
  const vi = lang === 'vi';
  return [
    vi ? `Kính gửi ông/bà ${fullName},` : `Dear ${fullName},`,
    '',
    ...t.body,
    '',
    vi ? `Tra cứu hồ sơ: ${publicUrl}` : `Track your application: ${publicUrl}`,
    vi ? 'Đây là thư tự động, xin ông/bà đừng trả lời thư này.' : 'This is an automatic message; please do not reply.',
  ].join('\n');
}

/** The e-mail and SMS for a dossier notice, or null when the action is internal. */
export function renderDossierNotice(p: DossierNoticePayload, options: { publicUrl: string }): RenderedNotice | null {
  const kind = noticeKind(p);
  if (!kind) return null;
  const texts = NOTICE_TEXTS[kind](p);
  const lang = p.recipient.lang === 'en' ? 'en' : 'vi';
  const other = lang === 'vi' ? 'en' : 'vi';
  const primary = texts[lang];
  const [head, variable, tail] = primary.sms;
  return {
    kind,
    subject: primary.subject,
    text:
      letter(primary, lang, p.recipient.fullName, options.publicUrl) + SEPARATOR + letter(texts[other], other, p.recipient.fullName, options.publicUrl) + '\n',
    sms: fitSms(head, variable, tail),
  };
}
