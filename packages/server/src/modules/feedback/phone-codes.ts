import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../../platform/context.ts';
import { Problem } from '../../platform/errors.ts';
import { inTransaction } from '../../db/database.ts';
import { enqueuePhoneMessage, toSmsText } from '../notifications/index.ts';

/** A code lives this long: long enough to read an SMS, short enough that a stolen one is stale. */
export const PHONE_CODE_MINUTES = 10;
/** Codes sent to one number per window: a number cannot be flooded, nor codes guessed by asking again. */
export const PHONE_CODES_PER_WINDOW = 3;
export const PHONE_CODE_WINDOW_MINUTES = 60;
/** Wrong tries per code before it is spent. */
export const PHONE_CODE_ATTEMPTS = 5;

const hash = (phone: string, code: string) => createHash('sha256').update(`${phone}:${code}`).digest('hex');
const badCode = () =>
  new Problem(400, 'invalid_phone_code', 'Mã xác nhận không đúng hoặc đã hết hạn.', 'The confirmation code is wrong or has expired.', { field: 'phoneCode' });

/**
 * Confirms a phone number by a six-digit code sent by SMS (never Zalo: the code must reach the
 * number itself), so a person without a VNeID login can file PAKN under a number that is theirs.
 */
export class PhoneCodes {
  constructor(private readonly ctx: AppContext) {}

  async send(phone: string): Promise<{ expiresAt: string }> {
    const now = this.ctx.clock.now();
    const since = new Date(now.getTime() - PHONE_CODE_WINDOW_MINUTES * 60_000);
    const expiresAt = new Date(now.getTime() + PHONE_CODE_MINUTES * 60_000);
    await inTransaction(this.ctx.db, async (trx) => {
      const sent = await trx
        .selectFrom('feedback_phone_code')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('phone', '=', phone)
        .where('created_at', '>', since)
        .executeTakeFirstOrThrow();
      if (Number(sent.n) >= PHONE_CODES_PER_WINDOW)
        throw new Problem(
          429,
          'rate_limited',
          'Số này đã nhận đủ mã trong giờ qua, xin thử lại sau.',
          'This number has had enough codes this hour; try again later.',
        );
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      await trx
        .insertInto('feedback_phone_code')
        .values({ phone, code_hash: hash(phone, code), created_at: now, expires_at: expiresAt, used_at: null })
        .execute();
      await enqueuePhoneMessage(trx, {
        phone,
        kind: 'phone_code',
        sms: toSmsText(`Mã xác nhận gửi phản ánh, kiến nghị: ${code}. Hiệu lực ${PHONE_CODE_MINUTES} phút. Không đưa mã này cho ai.`),
        templateData: {},
        zalo: false,
      });
    });
    return { expiresAt: expiresAt.toISOString() };
  }

  /**
   * Spends the newest live code of the number if it matches; a wrong code counts a try (the count
   * commits, the 400 follows). Checked before the item is written, after its other checks.
   */
  async consume(phone: string, code: string): Promise<void> {
    const now = this.ctx.clock.now();
    const ok = await inTransaction(this.ctx.db, async (trx) => {
      const row = await trx
        .selectFrom('feedback_phone_code')
        .selectAll()
        .where('phone', '=', phone)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .where('attempts', '<', PHONE_CODE_ATTEMPTS)
        .orderBy('created_at', 'desc')
        .limit(1)
        .forUpdate()
        .executeTakeFirst();
      if (!row) return false;
      const match = timingSafeEqual(Buffer.from(row.code_hash), Buffer.from(hash(phone, code)));
      await trx
        .updateTable('feedback_phone_code')
        .set(match ? { used_at: now } : { attempts: row.attempts + 1 })
        .where('id', '=', row.id)
        .execute();
      return match;
    });
    if (!ok) throw badCode();
  }
}
