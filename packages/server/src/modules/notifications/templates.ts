import type { DossierNoticePayload } from './tables.ts';

/**
 * The notices a citizen receives; internal steps (assign, propose) send nothing, and a decision
 * is announced by its follow-up (core followUpOf): an approval by "kết quả đã sẵn sàng".
 */
export type NoticeKind =
  | 'submitted'
  | 'received'
  | 'supplement_requested'
  | 'supplement_received'
  | 'intake_refused'
  | 'transferred'
  | 'refused'
  | 'result_ready'
  | 'returned'
  | 'apology'
  | 'withdrawn'
  | 'cancelled';

const BY_ACTION: Record<string, NoticeKind> = {
  receive: 'received',
  request_supplement: 'supplement_requested',
  submit_supplement: 'supplement_received',
  refuse_intake: 'intake_refused',
  transfer: 'transferred',
  refuse: 'refused',
  mark_result_ready: 'result_ready',
  complete_on_spot: 'result_ready',
  return_result: 'returned',
  record_apology: 'apology',
  withdraw: 'withdrawn',
  cancel: 'cancelled',
};

export function noticeKind(p: Pick<DossierNoticePayload, 'action' | 'state'> & { previousState?: string | null }): NoticeKind | null {
  // A submission received on the spot (counter, outreach) already has its appointment.
  if (p.action === 'submitted' || p.action === 'submit') return p.state === 'received' ? 'received' : 'submitted';
  // A refusal is announced once its signed letter is ready (core's follow-up table): the refusal notice, with the letter's link.
  if (p.action === 'mark_result_ready' && p.previousState === 'rejected') return 'refused';
  return BY_ACTION[p.action] ?? null;
}

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** An instant as the date (and time, unless midnight) a person in Vietnam reads on the calendar. */
export function vietnamDateTime(iso: string): { date: string; time: string | null } {
  const local = new Date(Date.parse(iso) + VIETNAM_OFFSET_MS).toISOString();
  const [y, m, d] = local.slice(0, 10).split('-');
  const hm = local.slice(11, 16);
  return { date: `${d}/${m}/${y}`, time: hm === '00:00' ? null : hm };
}

function whenVi(iso: string): string {
  const { date, time } = vietnamDateTime(iso);
  return time ? `${time} ngày ${date}` : `ngày ${date}`;
}
function whenEn(iso: string): string {
  const { date, time } = vietnamDateTime(iso);
  return time ? `${date} at ${time}` : date;
}

/** Text of one notice in one language; `sms` is built from [head, variable, tail] by fitSms. */
export interface NoticeText {
  subject: string;
  body: string[];
  sms: [string, string, string?];
}

type Texts = (p: DossierNoticePayload) => { vi: NoticeText; en: NoticeText };

const COLLECT_VI = 'mang theo giấy tiếp nhận hồ sơ và căn cước công dân';
const COLLECT_EN = 'bring your receipt and your citizen ID card';

function appointment(p: DossierNoticePayload): { vi: string; en: string; smsVi: string; smsEn: string } {
  if (!p.dueAt) return { vi: 'Chúng tôi sẽ báo ngày hẹn trả kết quả sau.', en: 'We will tell you the appointment date later.', smsVi: '', smsEn: '' };
  return {
    vi: `Ngày hẹn trả kết quả: ${whenVi(p.dueAt)}.`,
    en: `Your result will be ready on ${whenEn(p.dueAt)}.`,
    smsVi: ` Hen tra ket qua ${whenVi(p.dueAt)}.`,
    smsEn: ` Result ready on ${whenEn(p.dueAt)}.`,
  };
}

const reasonOf = (p: DossierNoticePayload) => p.reason?.trim() || '';

/** A result sent by post: the tracking number and the cash-on-delivery fee, when known. */
function postalLines(p: DossierNoticePayload): { vi: string[]; en: string[] } {
  if (!p.trackingNumber) return { vi: [], en: [] };
  const fee = p.codFeeVnd !== undefined ? p.codFeeVnd.toLocaleString('vi-VN') : null;
  return {
    vi: [`Kết quả đã gửi qua bưu điện, mã vận đơn ${p.trackingNumber}.`, ...(fee !== null ? [`Ông/bà trả cước thu hộ ${fee} đồng khi nhận.`] : [])],
    en: [`It was sent by post, tracking number ${p.trackingNumber}.`, ...(fee !== null ? [`Cash on delivery: ${fee} VND.`] : [])],
  };
}

/** The rating link of a result notice (ratings module), when the dossier is not yet rated. */
function rateLines(p: DossierNoticePayload): { vi: string[]; en: string[] } {
  if (!p.ratingUrl) return { vi: [], en: [] };
  return {
    vi: [`Xin ông/bà đánh giá mức độ hài lòng (không cần đăng nhập): ${p.ratingUrl}`],
    en: [`Please rate our service (no login needed): ${p.ratingUrl}`],
  };
}

const rateSms = (p: DossierNoticePayload, lang: 'vi' | 'en' = 'vi'): string =>
  p.ratingUrl ? (lang === 'vi' ? ` Danh gia: ${p.ratingUrl}` : ` Rate us: ${p.ratingUrl}`) : '';

export const NOTICE_TEXTS: Record<NoticeKind, Texts> = {
  submitted: (p) => ({
    vi: {
      subject: `Đã nhận hồ sơ ${p.dossierCode}`,
      body: [`Chúng tôi đã nhận hồ sơ ${p.procedureName} của ông/bà, mã hồ sơ ${p.dossierCode}.`, 'Cán bộ sẽ kiểm tra và báo lại cho ông/bà sớm.'],
      sms: [`Ho so ${p.dossierCode} da duoc nop, dang cho can bo kiem tra.`, ''],
    },
    en: {
      subject: `Application ${p.dossierCode} submitted`,
      body: [`We have received your application for ${p.procedureName}, code ${p.dossierCode}.`, 'An officer will check it and contact you soon.'],
      sms: [`Application ${p.dossierCode} submitted; an officer will check it soon.`, ''],
    },
  }),
  received: (p) => {
    const a = appointment(p);
    return {
      vi: {
        subject: `Hồ sơ ${p.dossierCode} đã được tiếp nhận`,
        body: [`Hồ sơ ${p.procedureName} của ông/bà đã được tiếp nhận, mã hồ sơ ${p.dossierCode}.`, a.vi, `Khi đến nhận kết quả, xin ${COLLECT_VI}.`],
        sms: [`Ho so ${p.dossierCode} da duoc tiep nhan.${a.smsVi}`, ''],
      },
      en: {
        subject: `Application ${p.dossierCode} received`,
        body: [`Your application for ${p.procedureName} has been received, code ${p.dossierCode}.`, a.en, `When you come to collect it, please ${COLLECT_EN}.`],
        sms: [`Application ${p.dossierCode} received.${a.smsEn}`, ''],
      },
    };
  },
  supplement_requested: (p) => ({
    vi: {
      subject: `Hồ sơ ${p.dossierCode} cần bổ sung giấy tờ`,
      body: [
        `Hồ sơ ${p.procedureName} (mã ${p.dossierCode}) cần bổ sung thêm.`,
        `Lý do: ${reasonOf(p)}.`,
        'Xin ông/bà bổ sung để chúng tôi tiếp tục giải quyết. Thời gian chờ bổ sung không tính vào thời hạn giải quyết.',
      ],
      sms: [`Ho so ${p.dossierCode} can bo sung: `, reasonOf(p)],
    },
    en: {
      subject: `Application ${p.dossierCode}: more documents needed`,
      body: [
        `Your application for ${p.procedureName} (code ${p.dossierCode}) needs more documents.`,
        `Reason: ${reasonOf(p)}.`,
        'Please provide them so that we can continue. The waiting time does not count towards the processing time.',
      ],
      sms: [`Application ${p.dossierCode} needs more documents: `, reasonOf(p)],
    },
  }),
  supplement_received: (p) => {
    const a = appointment(p);
    return {
      vi: {
        subject: `Đã nhận giấy tờ bổ sung cho hồ sơ ${p.dossierCode}`,
        body: [
          `Chúng tôi đã nhận giấy tờ bổ sung cho hồ sơ ${p.procedureName} (mã ${p.dossierCode}).`,
          p.dueAt ? `Ngày hẹn trả kết quả mới: ${whenVi(p.dueAt)}.` : a.vi,
        ],
        sms: [`Da nhan giay to bo sung ho so ${p.dossierCode}.${a.smsVi}`, ''],
      },
      en: {
        subject: `Documents received for application ${p.dossierCode}`,
        body: [
          `We have received the additional documents for ${p.procedureName} (code ${p.dossierCode}).`,
          p.dueAt ? `New appointment date: ${whenEn(p.dueAt)}.` : a.en,
        ],
        sms: [`Documents received for ${p.dossierCode}.${a.smsEn}`, ''],
      },
    };
  },
  intake_refused: (p) => ({
    vi: {
      subject: `Hồ sơ ${p.dossierCode} chưa được tiếp nhận`,
      body: [
        `Rất tiếc, hồ sơ ${p.procedureName} (mã ${p.dossierCode}) chưa được tiếp nhận.`,
        `Lý do: ${reasonOf(p)}.`,
        'Ông/bà có thể nộp lại khi đủ giấy tờ. Cần giúp đỡ, xin liên hệ Bộ phận Một cửa.',
      ],
      sms: [`Ho so ${p.dossierCode} chua duoc tiep nhan. Ly do: `, reasonOf(p)],
    },
    en: {
      subject: `Application ${p.dossierCode} not accepted`,
      body: [
        `We are sorry: your application for ${p.procedureName} (code ${p.dossierCode}) was not accepted.`,
        `Reason: ${reasonOf(p)}.`,
        'You may apply again once the documents are complete. For help, contact the one-stop desk.',
      ],
      sms: [`Application ${p.dossierCode} not accepted. Reason: `, reasonOf(p)],
    },
  }),
  transferred: (p) => {
    const unitVi = p.unitName ?? 'cơ quan có thẩm quyền';
    const unitEn = p.unitName ?? 'the competent office';
    return {
      vi: {
        subject: `Hồ sơ ${p.dossierCode} được chuyển đến ${unitVi}`,
        body: [
          `Hồ sơ ${p.procedureName} (mã ${p.dossierCode}) đã được chuyển đến ${unitVi} để giải quyết.`,
          ...(reasonOf(p) ? [`Lý do: ${reasonOf(p)}.`] : []),
          'Ông/bà không cần nộp lại hồ sơ.',
        ],
        sms: [`Ho so ${p.dossierCode} da chuyen den `, unitVi, '. Ong/ba khong can nop lai.'],
      },
      en: {
        subject: `Application ${p.dossierCode} transferred to ${unitEn}`,
        body: [
          `Your application for ${p.procedureName} (code ${p.dossierCode}) was transferred to ${unitEn}.`,
          ...(reasonOf(p) ? [`Reason: ${reasonOf(p)}.`] : []),
          'You do not need to apply again.',
        ],
        sms: [`Application ${p.dossierCode} transferred to `, unitEn, '. No need to apply again.'],
      },
    };
  },
  refused: (p) => ({
    vi: {
      subject: `Hồ sơ ${p.dossierCode} không được giải quyết`,
      body: [
        `Rất tiếc, hồ sơ ${p.procedureName} (mã ${p.dossierCode}) không được giải quyết.`,
        `Lý do: ${reasonOf(p)}.`,
        'Văn bản trả lời sẽ được gửi cho ông/bà.',
        ...(p.verifyUrl ? [`Xác thực văn bản trả lời: ${p.verifyUrl}`] : []),
      ],
      sms: [`Ho so ${p.dossierCode} khong duoc giai quyet. Ly do: `, reasonOf(p)],
    },
    en: {
      subject: `Application ${p.dossierCode} refused`,
      body: [
        `We are sorry: your application for ${p.procedureName} (code ${p.dossierCode}) was refused.`,
        `Reason: ${reasonOf(p)}.`,
        'You will receive a written answer.',
        ...(p.verifyUrl ? [`Verify the written answer: ${p.verifyUrl}`] : []),
      ],
      sms: [`Application ${p.dossierCode} refused. Reason: `, reasonOf(p)],
    },
  }),
  result_ready: (p) => {
    const how = {
      counter: {
        vi: `Mời ông/bà đến Bộ phận Một cửa nhận kết quả, nhớ ${COLLECT_VI}.`,
        en: `Please collect it at the one-stop desk and ${COLLECT_EN}.`,
        smsVi: ' Moi ong/ba den Bo phan Mot cua nhan, mang giay tiep nhan va CCCD.',
        smsEn: ' Collect it at the one-stop desk with your receipt and ID card.',
      },
      post: {
        vi: 'Kết quả sẽ được gửi đến ông/bà qua bưu điện.',
        en: 'It will be sent to you by post.',
        smsVi: ' Ket qua se gui qua buu dien.',
        smsEn: ' It will be sent by post.',
      },
      electronic: {
        vi: 'Ông/bà có thể xem và tải kết quả trên cổng dịch vụ công.',
        en: 'You can view and download it on the public service portal.',
        smsVi: ' Xem va tai ket qua tren cong dich vu cong.',
        smsEn: ' Download it on the public service portal.',
      },
    }[p.deliveryMethod ?? 'counter'];
    const verify = p.verifyUrl ? { vi: [`Xác thực văn bản kết quả: ${p.verifyUrl}`], en: [`Verify the result document: ${p.verifyUrl}`] } : { vi: [], en: [] };
    return {
      vi: {
        subject: `Kết quả hồ sơ ${p.dossierCode} đã sẵn sàng`,
        body: [`Kết quả hồ sơ ${p.procedureName} (mã ${p.dossierCode}) đã sẵn sàng.`, how.vi, ...verify.vi, ...rateLines(p).vi],
        sms: [`Ket qua ho so ${p.dossierCode} da san sang.${how.smsVi}`, ''],
      },
      en: {
        subject: `Your result for application ${p.dossierCode} is ready`,
        body: [`Your result for the application for ${p.procedureName} (code ${p.dossierCode}) is ready.`, how.en, ...verify.en, ...rateLines(p).en],
        sms: [`Your result for ${p.dossierCode} is ready.${how.smsEn}`, ''],
      },
    };
  },
  returned: (p) => ({
    vi: {
      subject: `Đã trả kết quả hồ sơ ${p.dossierCode}`,
      body: [
        `Kết quả hồ sơ ${p.procedureName} (mã ${p.dossierCode}) đã được trả cho ông/bà.`,
        ...postalLines(p).vi,
        'Cảm ơn ông/bà đã sử dụng dịch vụ.',
        ...rateLines(p).vi,
      ],
      sms: [`Ket qua ho so ${p.dossierCode} da duoc tra. Cam on ong/ba.`, '', rateSms(p)],
    },
    en: {
      subject: `Result of application ${p.dossierCode} delivered`,
      body: [
        `The result of your application for ${p.procedureName} (code ${p.dossierCode}) has been handed over.`,
        ...postalLines(p).en,
        'Thank you for using our service.',
        ...rateLines(p).en,
      ],
      sms: [`Result of ${p.dossierCode} delivered. Thank you.`, '', rateSms(p, 'en')],
    },
  }),
  apology: (p) => {
    const a = appointment(p);
    return {
      vi: {
        subject: `Xin lỗi ông/bà: hồ sơ ${p.dossierCode} bị trễ hẹn`,
        body: [
          `Chúng tôi thành thật xin lỗi vì hồ sơ ${p.procedureName} (mã ${p.dossierCode}) chưa trả được kết quả đúng hẹn.`,
          ...(reasonOf(p) ? [`Lý do: ${reasonOf(p)}.`] : []),
          p.dueAt ? `Ngày hẹn mới: ${whenVi(p.dueAt)}.` : a.vi,
          'Mong ông/bà thông cảm.',
        ],
        sms: [`Xin loi ong/ba, ho so ${p.dossierCode} bi tre hen.${p.dueAt ? ` Hen moi ${whenVi(p.dueAt)}.` : ''}`, ''],
      },
      en: {
        subject: `We apologise: application ${p.dossierCode} is delayed`,
        body: [
          `We sincerely apologise: the result of your application for ${p.procedureName} (code ${p.dossierCode}) was not ready on time.`,
          ...(reasonOf(p) ? [`Reason: ${reasonOf(p)}.`] : []),
          p.dueAt ? `New appointment date: ${whenEn(p.dueAt)}.` : a.en,
          'Thank you for your patience.',
        ],
        sms: [`Sorry, application ${p.dossierCode} is delayed.${p.dueAt ? ` New date ${whenEn(p.dueAt)}.` : ''}`, ''],
      },
    };
  },
  withdrawn: (p) => ({
    vi: {
      subject: `Hồ sơ ${p.dossierCode} đã được rút`,
      body: [`Theo đề nghị của ông/bà, hồ sơ ${p.procedureName} (mã ${p.dossierCode}) đã được rút và dừng giải quyết.`],
      sms: [`Ho so ${p.dossierCode} da duoc rut theo de nghi cua ong/ba.`, ''],
    },
    en: {
      subject: `Application ${p.dossierCode} withdrawn`,
      body: [`As you asked, your application for ${p.procedureName} (code ${p.dossierCode}) has been withdrawn.`],
      sms: [`Application ${p.dossierCode} withdrawn as you asked.`, ''],
    },
  }),
  cancelled: (p) => ({
    vi: {
      subject: `Hồ sơ ${p.dossierCode} đã bị hủy`,
      body: [`Hồ sơ ${p.procedureName} (mã ${p.dossierCode}) đã bị hủy.`, `Lý do: ${reasonOf(p)}.`, 'Nếu cần, xin liên hệ Bộ phận Một cửa.'],
      sms: [`Ho so ${p.dossierCode} da bi huy. Ly do: `, reasonOf(p)],
    },
    en: {
      subject: `Application ${p.dossierCode} cancelled`,
      body: [
        `Your application for ${p.procedureName} (code ${p.dossierCode}) has been cancelled.`,
        `Reason: ${reasonOf(p)}.`,
        'If needed, please contact the one-stop desk.',
      ],
      sms: [`Application ${p.dossierCode} cancelled. Reason: `, reasonOf(p)],
    },
  }),
};
