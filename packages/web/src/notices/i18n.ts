// Importing this module registers the text of the notice channel and delivery panels (namespace `notices`).
import { addMessages } from '../i18n/index.ts';

const vi = {
  channel: {
    title: 'Nhận thông báo về hồ sơ',
    intro: 'Chọn cách nhận thông báo trên điện thoại. Thư điện tử vẫn được gửi nếu ông/bà đã khai địa chỉ.',
    legend: 'Nhận thông báo qua',
    zalo: 'Zalo',
    zaloHint: 'Tin nhắn từ tài khoản chính thức của cơ quan trên Zalo; nếu Zalo không gửi được sẽ gửi SMS.',
    sms: 'Tin nhắn SMS',
    phone: 'Số điện thoại di động',
    consent: 'Tôi đồng ý nhận thông báo qua Zalo',
    save: 'Lưu lựa chọn',
    saved: 'Đã lưu: nhận thông báo qua {{channel}} (ghi nhận lúc {{at}}).',
    current: 'Hiện tại: nhận thông báo qua {{channel}} tới số {{phone}}.',
  },
  delivery: {
    title: 'Thông báo đã gửi cho người nộp',
    empty: 'Chưa có thông báo nào.',
    undelivered: 'Có thông báo chưa đến được người nộp: hãy liên hệ bằng cách khác.',
    status: {
      pending: 'Đang chờ gửi',
      accepted: 'Đã gửi, chưa có xác nhận đã nhận',
      delivered: 'Đã đến người nhận',
      failed: 'Không đến được người nhận',
      refused: 'Zalo từ chối, đã chuyển sang SMS',
      parked: 'Gửi không được (đã dừng thử lại)',
    },
    channel: { email: 'Thư điện tử', sms: 'SMS', zalo: 'Zalo', outbox: 'Chưa gửi' },
  },
};

const en: typeof vi = {
  channel: {
    title: 'Notices about your applications',
    intro: 'Choose how notices reach your phone. E-mail is still sent if you gave an address.',
    legend: 'Receive notices by',
    zalo: 'Zalo',
    zaloHint: "Messages from the office's official Zalo account; when Zalo cannot deliver, an SMS is sent.",
    sms: 'SMS text message',
    phone: 'Mobile phone number',
    consent: 'I agree to receive notices by Zalo',
    save: 'Save my choice',
    saved: 'Saved: notices by {{channel}} (recorded at {{at}}).',
    current: 'Now: notices by {{channel}} to {{phone}}.',
  },
  delivery: {
    title: 'Notices sent to the applicant',
    empty: 'No notices yet.',
    undelivered: 'A notice has not reached the applicant: contact them another way.',
    status: {
      pending: 'Waiting to be sent',
      accepted: 'Sent, not yet confirmed received',
      delivered: 'Received',
      failed: 'Did not reach the recipient',
      refused: 'Refused by Zalo, sent by SMS instead',
      parked: 'Could not be sent (retries stopped)',
    },
    channel: { email: 'E-mail', sms: 'SMS', zalo: 'Zalo', outbox: 'Not sent yet' },
  },
};

export type NoticesMessages = typeof vi;

addMessages('notices', { vi, en });
