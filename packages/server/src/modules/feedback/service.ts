import { randomInt } from 'node:crypto';
import type { FeedbackAnswerBody, FeedbackBody, FeedbackItem, FeedbackRatingBody, FeedbackReceipt, FeedbackStatus, PublishedAnswer } from '@motcua/core/api';
import { vnDate } from '@motcua/core/calendar';
import { FEEDBACK_TOPIC_LABEL, feedbackDueAt, feedbackStage, maskDigits, type FeedbackTopic } from '@motcua/core/voice';
import type { Actor } from '../../platform/access.ts';
import type { AppContext } from '../../platform/context.ts';
import { forbidden, notFound, Problem } from '../../platform/errors.ts';
import { leaderEmails, unitOfficialEmails } from '../identity/index.ts';
import { enqueueMail, enqueuePhoneMessage, toSmsText, type PhoneMessagePayload } from '../notifications/index.ts';
import { sees } from '../../platform/privacy.ts';
import { inTransaction } from '../../db/database.ts';
import { PhoneCodes } from './phone-codes.ts';
import type { FeedbackTable } from './tables.ts';

/** Who answers PAKN at a commune and so gets the reminder: the one-stop desk. */
const FEEDBACK_HANDLER_ROLES = ['receptionist'] as const;
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const isUniqueViolation = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505';
const noItem = (code: string) => notFound('phản ánh, kiến nghị', 'Feedback', code);
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const stageOf = (r: FeedbackTable, now: Date) => feedbackStage({ dueAt: new Date(r.due_at), answeredAt: r.answered_at ? new Date(r.answered_at) : null }, now);

/** The notice of an answer: a link to read and rate it (the text itself may be long and personal). */
export function answerNotice(code: string, phone: string, fullName: string, publicUrl: string): PhoneMessagePayload {
  const link = `${publicUrl.replace(/\/$/, '')}/phan-anh?ma=${encodeURIComponent(code)}`;
  return {
    phone,
    kind: 'feedback_answered',
    sms: toSmsText(`Phản ánh ${code} đã được trả lời. Xem và đánh giá: ${link}`),
    templateData: { customer_name: fullName.slice(0, 30), feedback_code: code.slice(0, 30), link },
    zalo: true,
  };
}

/**
 * Feedback and complaints (PAKN, Decree 20/2008/NĐ-CP): filed by a logged-in citizen or at the
 * desk, routed to the commune named, due on the working-day calendar (core/voice), reminded and
 * escalated to the commune's leaders when late, answered, rated by the person, and — when they
 * agreed — published without personal data.
 */
export class FeedbackService {
  readonly phoneCodes: PhoneCodes;
  constructor(private readonly ctx: AppContext) {
    this.phoneCodes = new PhoneCodes(ctx);
  }

  async file(actor: Actor, body: FeedbackBody): Promise<FeedbackReceipt> {
    let fullName: string;
    let idNumber: string | null = null;
    let channel: string;
    if (actor.kind === 'citizen') {
      fullName = actor.fullName;
      idNumber = actor.idNumber;
      channel = 'portal';
    } else if (actor.kind === 'official' && actor.unitCodes.includes(body.unitCode)) {
      if (!body.fullName)
        throw new Problem(400, 'invalid_input', 'Xin ghi họ tên người phản ánh.', 'Give the name of the person giving feedback.', { field: 'fullName' });
      fullName = body.fullName;
      channel = 'desk';
    } else if (actor.kind === 'anonymous') {
      if (!body.phoneCode)
        throw new Problem(
          401,
          'unauthorized',
          'Xin đăng nhập hoặc xác nhận số điện thoại bằng mã SMS.',
          'Log in, or confirm your phone number with an SMS code.',
        );
      if (!body.fullName)
        throw new Problem(400, 'invalid_input', 'Xin ghi họ tên người phản ánh.', 'Give the name of the person giving feedback.', { field: 'fullName' });
      await this.phoneCodes.consume(body.phone, body.phoneCode);
      fullName = body.fullName;
      channel = 'phone';
    } else throw forbidden('Cán bộ chỉ nhận phản ánh cho đơn vị mình.', 'Officials take feedback for their own units only.');
    const now = this.ctx.clock.now();
    const dueAt = feedbackDueAt(now);
    for (let attempt = 0; ; attempt++) {
      const code = `PA-${body.unitCode}-${vnDate(now).slice(2).replaceAll('-', '')}-${Array.from({ length: 4 }, () => CODE_CHARS[randomInt(CODE_CHARS.length)]).join('')}`;
      try {
        await this.ctx.db
          .insertInto('feedback')
          .values({
            code,
            unit_code: body.unitCode,
            topic: body.topic,
            dossier_code: body.dossierCode?.trim() || null,
            text: body.text.trim(),
            full_name: fullName,
            phone: body.phone,
            id_number: idNumber,
            channel,
            publish_consent: body.publishConsent,
            submitted_at: now,
            due_at: dueAt,
            answer: null,
            answered_at: null,
            answered_by: null,
            answer_rating: null,
            reminded_at: null,
            escalated_at: null,
          })
          .execute();
        return { code, dueAt: dueAt.toISOString() };
      } catch (e) {
        if (!isUniqueViolation(e) || attempt >= 3) throw e;
      }
    }
  }

  /** By code and the phone given: the same 404 for a wrong phone as for an unknown code. */
  async lookup(code: string, phone: string): Promise<FeedbackStatus> {
    const r = await this.ctx.db.selectFrom('feedback').selectAll().where('code', '=', code.trim().toUpperCase()).executeTakeFirst();
    if (!r || r.phone !== phone.replace(/\D/g, '')) throw noItem(code);
    return {
      code: r.code,
      topic: r.topic as FeedbackTopic,
      text: r.text,
      submittedAt: iso(r.submitted_at)!,
      dueAt: iso(r.due_at)!,
      stage: stageOf(r, this.ctx.clock.now()),
      answer: r.answer,
      answeredAt: iso(r.answered_at),
      answerRating: r.answer_rating,
    };
  }

  /** The unit's queue, oldest due first (reminders and escalations run on the worker's timer, not here). */
  async queue(actor: Actor, unit: string): Promise<{ items: FeedbackItem[] }> {
    // The queue names the people who wrote: only officials of the unit who may see identities there (Decree 13/2023).
    if (actor.kind !== 'official' || !actor.unitCodes.includes(unit) || !sees(actor, 'identity', { unitCode: unit }))
      throw forbidden('Bạn chỉ xem được phản ánh của đơn vị mình.', "You see your own units' feedback only.");
    const now = this.ctx.clock.now();
    const rows = await this.ctx.db
      .selectFrom('feedback')
      .selectAll()
      .where('unit_code', '=', unit)
      .orderBy('answered_at', 'desc')
      .orderBy('due_at')
      .limit(200)
      .execute();
    return {
      items: rows.map((r) => ({
        code: r.code,
        topic: r.topic as FeedbackTopic,
        dossierCode: r.dossier_code,
        text: r.text,
        fullName: r.full_name,
        phone: r.phone,
        channel: r.channel,
        submittedAt: iso(r.submitted_at)!,
        dueAt: iso(r.due_at)!,
        stage: stageOf(r, now),
        answer: r.answer,
        escalated: r.escalated_at !== null,
        publishConsent: r.publish_consent,
      })),
    };
  }

  async answer(actor: Actor, code: string, body: FeedbackAnswerBody): Promise<FeedbackStatus> {
    const r = await this.ctx.db.selectFrom('feedback').selectAll().where('code', '=', code).executeTakeFirst();
    if (!r || actor.kind !== 'official' || !actor.unitCodes.includes(r.unit_code)) throw noItem(code);
    if (r.answered_at) throw new Problem(409, 'conflict', 'Phản ánh này đã được trả lời.', 'This feedback has already been answered.');
    const now = this.ctx.clock.now();
    const answered = await inTransaction(this.ctx.db, async (trx) => {
      const done = await trx
        .updateTable('feedback')
        .set({ answer: body.answer.trim(), answered_at: now, answered_by: actor.userId })
        .where('code', '=', code)
        .where('answered_at', 'is', null)
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) return false;
      // The answer goes to the person on their phone channel (Zalo when they chose it, else SMS), sent iff this commits.
      await enqueuePhoneMessage(trx, answerNotice(r.code, r.phone, r.full_name, this.ctx.config.publicUrl));
      return true;
    });
    if (!answered) throw new Problem(409, 'conflict', 'Phản ánh này đã được trả lời.', 'This feedback has already been answered.');
    return this.lookup(code, r.phone);
  }

  /** The person rates the answer, once, proving it is theirs with the phone given. */
  async rateAnswer(code: string, body: FeedbackRatingBody): Promise<FeedbackStatus> {
    const current = await this.lookup(code, body.phone);
    if (!current.answer) throw new Problem(409, 'conflict', 'Phản ánh chưa được trả lời.', 'The feedback has not been answered yet.');
    const done = await this.ctx.db
      .updateTable('feedback')
      .set({ answer_rating: body.level })
      .where('code', '=', current.code)
      .where('answer_rating', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1)
      throw new Problem(409, 'already_rated', 'Ông/bà đã đánh giá câu trả lời này.', 'You have already rated this answer.');
    return this.lookup(code, body.phone);
  }

  /** Answers the person agreed to publish: topic, question with digits masked, answer, month; no one named. */
  async published(unit: string): Promise<{ items: PublishedAnswer[] }> {
    const rows = await this.ctx.db
      .selectFrom('feedback')
      .select(['topic', 'text', 'answer', 'answered_at'])
      .where('unit_code', '=', unit)
      .where('publish_consent', '=', true)
      .where('answered_at', 'is not', null)
      .orderBy('answered_at', 'desc')
      .limit(100)
      .execute();
    return {
      items: rows.map((r) => ({
        topic: r.topic as FeedbackTopic,
        question: maskDigits(r.text),
        answer: maskDigits(r.answer!),
        month: vnDate(new Date(r.answered_at!)).slice(0, 7),
      })),
    };
  }

  /**
   * Reminds the officials responsible (the unit's one-stop receptionists, who answer PAKN) of items
   * due within the reminder window and escalates late ones to the commune's leaders, each once
   * (reminded_at, escalated_at), the mail queued in the same transaction as the mark. Run by the
   * worker's timer (startFeedbackSweep), so nothing waits for someone to open the queue.
   */
  async sweep(): Promise<{ reminded: number; escalated: number }> {
    const now = this.ctx.clock.now();
    const open = await this.ctx.db.selectFrom('feedback').selectAll().where('answered_at', 'is', null).where('escalated_at', 'is', null).execute();
    let reminded = 0;
    let escalated = 0;
    for (const r of open) {
      const stage = stageOf(r, now);
      if (stage === 'late' || (stage === 'due_soon' && !r.reminded_at)) {
        const late = stage === 'late';
        await inTransaction(this.ctx.db, async (trx) => {
          const mark = late ? { escalated_at: now } : { reminded_at: now };
          const u = await trx
            .updateTable('feedback')
            .set(mark)
            .where('code', '=', r.code)
            .where(late ? 'escalated_at' : 'reminded_at', 'is', null)
            .executeTakeFirst();
          if (Number(u.numUpdatedRows) !== 1) return;
          const to = late ? await leaderEmails(trx, r.unit_code) : await unitOfficialEmails(trx, r.unit_code, FEEDBACK_HANDLER_ROLES);
          if (to.length === 0) return;
          const topic = FEEDBACK_TOPIC_LABEL[r.topic as FeedbackTopic]?.vi ?? r.topic;
          await enqueueMail(trx, {
            to,
            subject: late
              ? `Quá hạn trả lời phản ánh ${r.code} / Feedback ${r.code} is overdue`
              : `Sắp đến hạn trả lời phản ánh ${r.code} / Feedback ${r.code} due soon`,
            text: `${late ? 'Phản ánh, kiến nghị đã quá hạn trả lời' : 'Phản ánh, kiến nghị sắp đến hạn trả lời'}: ${r.code} (${topic}), hạn ${vnDate(new Date(r.due_at))}.\n${this.ctx.config.publicUrl.replace(/\/$/, '')}/can-bo/phan-anh`,
          });
        });
        if (late) escalated++;
        else reminded++;
      }
    }
    return { reminded, escalated };
  }
}
