// Forms 01–04 of the one-stop shop (Thông tư 01/2018/TT-VPCP): receipt, supplement request,
// refusal and apology. Wording follows the circular's templates.
import { vnDateTime } from './format.ts';
import { documentTitle, nationalHeader, signatures, unitInText } from './header.ts';
import { CHANNEL_LABEL, type ApologyInput, type DossierNotice, type ReceiptInput, type RefusalInput, type SupplementRequestInput } from './types.ts';
import { DocWriter } from './writer.ts';

const SIGN_NOTE = '(Ký và ghi rõ họ tên)';
const pad2 = (n: number): string => String(n).padStart(2, '0');

async function start(input: DossierNotice, title: string): Promise<DocWriter> {
  const w = await DocWriter.create(title, input.dossierCode, input.verificationUrl);
  nationalHeader(w, input, input.issuedAt ?? new Date());
  documentTitle(w, title, `Mã hồ sơ: ${input.dossierCode}`);
  return w;
}

/** "<receiving office> tiếp nhận hồ sơ của:" followed by the applicant and the request. */
function applicantBlock(w: DocWriter, input: DossierNotice): void {
  const receiver = input.unit.department ? `${input.unit.department} – ${unitInText(input.unit)}` : unitInText(input.unit);
  w.paragraph(`${receiver} tiếp nhận hồ sơ của:`);
  const { applicant: a, procedure: p } = input;
  w.field('Ông/Bà', a.fullName, { indent: 14 });
  if (a.idNumber) w.field('Số định danh cá nhân', a.idNumber, { indent: 14 });
  if (a.address) w.field('Địa chỉ', a.address, { indent: 14 });
  if (a.phone) w.field('Số điện thoại', a.phone, { indent: 14 });
  if (a.email) w.field('Thư điện tử', a.email, { indent: 14 });
  w.field('Nội dung yêu cầu giải quyết', p.code ? `${p.name} (mã thủ tục ${p.code})` : p.name, { indent: 14 });
  w.field('Thời gian tiếp nhận', vnDateTime(input.receivedAt), { indent: 14, spaceAfter: 8 });
}

function numbered(w: DocWriter, items: string[]): void {
  items.forEach((item, i) => w.paragraph(`${i + 1}. ${item}`, { indent: 14 }));
}

/** Form 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả. */
export async function renderReceipt(input: ReceiptInput): Promise<Uint8Array> {
  const w = await start(input, 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
  applicantBlock(w, input);
  w.paragraph([{ text: '1. Thành phần hồ sơ nộp gồm:', font: w.fonts.bold }], { align: 'left' });
  w.table(
    [
      { header: 'STT', width: 0.08, align: 'center' },
      { header: 'Tên giấy tờ', width: 0.5 },
      { header: 'Bản chính', width: 0.12, align: 'center' },
      { header: 'Bản sao', width: 0.12, align: 'center' },
      { header: 'Ghi chú', width: 0.18 },
    ],
    input.documents.map((d, i) => [String(i + 1), d.name, String(d.originals ?? 0), String(d.copies ?? 0), d.note ?? '']),
  );
  const bold = (text: string) => ({ text, font: w.fonts.bold });
  const plain = (text: string) => ({ text, font: w.fonts.regular });
  w.paragraph([bold('2. Số lượng hồ sơ: '), plain(`${pad2(input.sets ?? 1)} bộ.`)], { align: 'left' });
  let n = 3;
  if (input.processingTime) {
    w.paragraph([bold(`${n++}. Thời gian giải quyết hồ sơ theo quy định: `), plain(`${input.processingTime}.`)], { align: 'left' });
  }
  w.paragraph([bold(`${n++}. Thời gian nhận hồ sơ: `), plain(`${vnDateTime(input.receivedAt)}.`)], { align: 'left' });
  w.paragraph(
    [bold(`${n++}. Thời gian trả kết quả giải quyết hồ sơ: `), plain(`${vnDateTime(input.appointmentAt)}${input.appointmentProvisional ? ' (dự kiến)' : ''}.`)],
    { align: 'left' },
  );
  w.paragraph([bold(`${n++}. Hình thức nộp hồ sơ: `), plain(`${CHANNEL_LABEL[input.channel]}.`)], { align: 'left' });
  w.paragraph([bold(`${n++}. Đăng ký nhận kết quả: `), plain(`${CHANNEL_LABEL[input.resultDelivery ?? 'counter']}.`)], { align: 'left' });
  // An online applicant never signs on paper: only the receiving official's block is printed.
  const applicantSig = input.channel === 'online' ? undefined : { heading: 'NGƯỜI NỘP HỒ SƠ', note: SIGN_NOTE, name: input.applicant.fullName };
  signatures(w, { heading: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: SIGN_NOTE, name: input.official.fullName }, applicantSig);
  return w.finish();
}

/** Form 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ. */
export async function renderSupplementRequest(input: SupplementRequestInput): Promise<Uint8Array> {
  if (input.missingItems.length === 0) throw new Error('Phiếu yêu cầu bổ sung cần ít nhất một nội dung / missingItems is empty');
  const w = await start(input, 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
  applicantBlock(w, input);
  w.paragraph('Yêu cầu ông/bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:');
  numbered(w, input.missingItems);
  w.paragraph(
    [
      { text: 'Lý do: ', font: w.fonts.bold },
      { text: input.reason, font: w.fonts.regular },
    ],
    { spaceBefore: 4 },
  );
  const contact = input.unit.phone ? `${input.official.fullName} (số điện thoại ${input.unit.phone})` : input.official.fullName;
  w.paragraph(`Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, ông/bà liên hệ với ${contact} để được hướng dẫn.`);
  signatures(w, { heading: 'NGƯỜI HƯỚNG DẪN', note: SIGN_NOTE, name: input.official.fullName });
  return w.finish();
}

/** Form 03 — Phiếu từ chối tiếp nhận, giải quyết hồ sơ. */
export async function renderRefusal(input: RefusalInput): Promise<Uint8Array> {
  const w = await start(input, 'PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ');
  applicantBlock(w, input);
  w.paragraph(`Qua xem xét, ${unitInText(input.unit)} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`);
  w.paragraph(input.reason, { indent: 14 });
  w.paragraph('Xin thông báo cho ông/bà được biết và thực hiện./.');
  signatures(w, { heading: (input.official.title ?? 'Người tiếp nhận hồ sơ').toUpperCase(), note: SIGN_NOTE, name: input.official.fullName });
  return w.finish();
}

/** Form 04 — Phiếu xin lỗi và hẹn lại ngày trả kết quả. */
export async function renderApology(input: ApologyInput): Promise<Uint8Array> {
  const w = await start(input, 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
  const unit = unitInText(input.unit);
  applicantBlock(w, input);
  w.paragraph(`Theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả, thời gian trả kết quả giải quyết hồ sơ là ${vnDateTime(input.originalAppointmentAt)}.`);
  w.paragraph(`Tuy nhiên đến nay, ${unit} chưa trả kết quả giải quyết hồ sơ của ông/bà. Lý do: ${input.reason}`);
  w.paragraph([
    { text: `Sự chậm trễ này đã gây phiền hà cho ông/bà. ${unit} xin lỗi ông/bà và sẽ trả kết quả giải quyết hồ sơ cho ông/bà vào `, font: w.fonts.regular },
    { text: `${vnDateTime(input.newAppointmentAt)}.`, font: w.fonts.bold },
  ]);
  w.paragraph('Xin trân trọng cảm ơn./.');
  signatures(w, { heading: (input.official.title ?? 'Thủ trưởng cơ quan').toUpperCase(), note: SIGN_NOTE, name: input.official.fullName });
  return w.finish();
}
