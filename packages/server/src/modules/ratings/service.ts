import type { KioskLink, LowRatingAlert, MyOfficialRatings, MyRatings, RatingBody, RatingFigures, RatingLinkInfo, RatingReceipt } from '@motcua/core/api';
import { vnDate } from '@motcua/core/calendar';
import {
  checkScores,
  CRITERION_LABEL,
  isLowRating,
  isRateable,
  KIOSK_LINK_MINUTES,
  LEVEL_LABEL,
  NOTICE_LINK_DAYS,
  type RatingChannel,
  type RatingCriterion,
} from '@motcua/core/voice';
import { inTransaction, type Db } from '../../db/database.ts';
import type { Actor } from '../../platform/access.ts';
import type { AppContext } from '../../platform/context.ts';
import { forbidden, notFound, Problem } from '../../platform/errors.ts';
import { sees } from '../../platform/privacy.ts';
import type { DossierService, LoadedDossier } from '../dossiers/index.ts';
import { leaderEmails } from '../identity/index.ts';
import { enqueueMail } from '../notifications/index.ts';
import { communesOf, provinceOf } from '../units/index.ts';
import { newToken, ratingPath, tokenHash } from './links.ts';
import { ratingsStore as store } from './store.ts';

/** PostgreSQL's unique_violation: the dossier's one rating row already exists. */
const isUniqueViolation = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505';
const DAY_MS = 24 * 60 * 60 * 1000;
const noDossier = (code: string) => notFound('hồ sơ', 'Dossier', code);
const alreadyRated = (code: string) =>
  new Problem(
    409,
    'already_rated',
    `Hồ sơ ${code} đã được đánh giá. Mỗi hồ sơ chỉ đánh giá một lần.`,
    `Dossier ${code} has already been rated; each dossier is rated once.`,
  );

/** The official a rating concerns: the specialist it was assigned to, else the one who received it. */
function officialOf(loaded: LoadedDossier): string | null {
  if (loaded.view.assigneeUserId) return loaded.view.assigneeUserId;
  const official = loaded.events.find((e) => e.actor.kind === 'official' && e.actor.userId !== 'system');
  return official && official.actor.kind === 'official' ? official.actor.userId : null;
}

/**
 * Ratings of dossiers (issue #16): once per dossier, by the applicant's session or a link from
 * the result notice or the desk's kiosk; counted anonymously; a low one alerts the commune's leaders.
 */
export class RatingsService {
  constructor(
    private readonly ctx: AppContext,
    private readonly dossiers: DossierService,
  ) {}

  /** A link for a notice (called inside the dossier event's transaction by the notice hook). */
  async noticeLink(trx: Db, dossierCode: string): Promise<string | null> {
    if (await store.isRated(trx, dossierCode)) return null;
    const token = newToken();
    const now = this.ctx.clock.now();
    await store.addLink(trx, {
      token_hash: tokenHash(token),
      dossier_code: dossierCode,
      channel: 'link',
      created_at: now,
      expires_at: new Date(now.getTime() + NOTICE_LINK_DAYS * DAY_MS),
    });
    return `${this.ctx.config.publicUrl.replace(/\/$/, '')}${ratingPath(token)}`;
  }

  /** A short-lived link the desk opens on its tablet (or shows as a QR) for the person at the counter. */
  async kioskLink(actor: Actor, code: string): Promise<KioskLink> {
    const loaded = await this.dossiers.load(code);
    if (!loaded || actor.kind !== 'official' || !actor.unitCodes.includes(loaded.view.unitCode)) throw noDossier(code);
    if (!isRateable(loaded.view.state)) throw this.notRateable(code);
    if (await store.isRated(this.ctx.db, code)) throw alreadyRated(code);
    const token = newToken();
    const now = this.ctx.clock.now();
    const expiresAt = new Date(now.getTime() + KIOSK_LINK_MINUTES * 60_000);
    await store.addLink(this.ctx.db, { token_hash: tokenHash(token), dossier_code: code, channel: 'kiosk', created_at: now, expires_at: expiresAt });
    return { path: ratingPath(token), expiresAt: expiresAt.toISOString() };
  }

  /** What a link's page shows: the dossier code and procedure, never the applicant. */
  async linkInfo(token: string): Promise<RatingLinkInfo> {
    const link = await this.liveLink(this.ctx.db, token);
    const loaded = await this.dossiers.load(link.dossier_code);
    if (!loaded) throw this.invalidLink();
    return {
      dossierCode: link.dossier_code,
      procedureName: loaded.intake.procedureName,
      channel: link.channel as RatingChannel,
      expiresAt: link.expires_at.toISOString(),
      online: loaded.view.channel === 'online',
    };
  }

  async rate(actor: Actor, code: string, body: RatingBody): Promise<RatingReceipt> {
    const checked = checkScores(body.scores);
    if (!checked.ok) throw new Problem(400, 'invalid_input', checked.messageVi, checked.messageEn, { field: 'scores' });
    const loaded = await this.dossiers.load(code);
    if (!loaded) throw noDossier(code);
    let channel: RatingChannel = 'portal';
    let hash: string | null = null;
    if (body.token) {
      const link = await this.liveLink(this.ctx.db, body.token);
      if (link.dossier_code !== code) throw this.invalidLink();
      channel = link.channel as RatingChannel;
      hash = link.token_hash;
    } else if (actor.kind !== 'citizen' || actor.idNumber !== loaded.view.applicantIdNumber) {
      // Only the applicant rates without a link; anyone else learns nothing about the code.
      if (actor.kind === 'anonymous')
        throw new Problem(
          401,
          'unauthorized',
          'Bạn cần đăng nhập hoặc mở đường dẫn đánh giá trong thông báo.',
          'Log in, or open the rating link in your notice.',
        );
      throw noDossier(code);
    }
    if (!isRateable(loaded.view.state)) throw this.notRateable(code);
    const now = this.ctx.clock.now();
    const comment = body.comment?.trim() || null;
    const low = isLowRating(checked.scores);
    try {
      await inTransaction(this.ctx.db, async (trx) => {
        if (hash && !(await store.useLink(trx, hash, now))) throw this.usedLink();
        await store.insert(trx, {
          dossierCode: code,
          unitCode: loaded.view.unitCode,
          procedureName: loaded.intake.procedureName,
          officialUserId: officialOf(loaded),
          month: vnDate(now).slice(0, 7),
          channel,
          comment,
          low,
          ratedAt: now,
          scores: checked.scores,
        });
        if (low) await this.alertLeaders(trx, code, loaded, checked.scores, comment);
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw alreadyRated(code);
      throw e;
    }
    return { dossierCode: code, ratedAt: now.toISOString(), channel };
  }

  /** The leaders' e-mail, queued with the rating: it goes iff the rating is kept. Names no one. */
  private async alertLeaders(trx: Db, code: string, loaded: LoadedDossier, scores: Partial<Record<RatingCriterion, number>>, comment: string | null) {
    const to = await leaderEmails(trx, loaded.view.unitCode);
    if (to.length === 0) return;
    const lines = Object.entries(scores).map(([c, l]) => `- ${CRITERION_LABEL[c as RatingCriterion].vi}: ${l} (${LEVEL_LABEL[l as 1].vi})`);
    await enqueueMail(trx, {
      to,
      subject: `Đánh giá chưa hài lòng — hồ sơ ${code} / Low satisfaction rating — dossier ${code}`,
      text: [
        `Hồ sơ ${code} (${loaded.intake.procedureName}) vừa nhận đánh giá thấp:`,
        ...lines,
        ...(comment ? [`Ý kiến: ${comment}`] : []),
        '',
        `Xem trên trang cán bộ: ${this.ctx.config.publicUrl.replace(/\/$/, '')}/can-bo/danh-gia`,
        `Dossier ${code} received a low rating; see the office's ratings page.`,
      ].join('\n'),
    });
  }

  async mine(actor: Actor): Promise<MyRatings> {
    if (actor.kind !== 'citizen') return { items: [] };
    const codes = (await this.dossiers.listMine(actor, 200)).map((d) => d.code);
    const rows = await store.rated(this.ctx.db, codes);
    return { items: rows.map((r) => ({ dossierCode: r.dossier_code, ratedAt: new Date(r.rated_at).toISOString() })) };
  }

  /** A commune's (or a province's) tallies for those who may see its figures. */
  async figures(actor: Actor, query: { unit: string; month?: string; official?: string }): Promise<RatingFigures> {
    const isProvince = query.unit.length === 2;
    const place = { unitCode: query.unit, provinceCode: isProvince ? query.unit : provinceOf(query.unit) };
    if (!sees(actor, 'figures', place)) throw forbidden('Bạn chỉ xem được số liệu của đơn vị mình.', 'You can only see the figures of your own units.');
    const t = await store.tallies(this.ctx.db, {
      ...(isProvince ? { provinceUnits: communesOf(query.unit) } : { unitCode: query.unit }),
      month: query.month ?? null,
      officialUserId: query.official ?? null,
    });
    return { unitCode: query.unit, month: query.month ?? null, officialUserId: query.official ?? null, ...t };
  }

  /** The official's own ratings. */
  async forOfficial(actor: Actor): Promise<MyOfficialRatings> {
    if (actor.kind !== 'official') throw forbidden();
    const t = await store.tallies(this.ctx.db, { officialUserId: actor.userId });
    return { ratings: t.ratings, criteria: t.criteria, comments: await store.commentsFor(this.ctx.db, actor.userId) };
  }

  /** Low ratings of a commune, with their dossiers, for its leaders to follow up. */
  async lowAlerts(actor: Actor, unit: string): Promise<{ items: LowRatingAlert[] }> {
    if (actor.kind !== 'official' || !actor.unitCodes.includes(unit)) throw forbidden('Chỉ lãnh đạo của xã xem được.', "Only the commune's leaders see these.");
    const rows = await store.lowRatings(this.ctx.db, unit);
    return {
      items: rows.map((r) => ({
        dossierCode: r.dossier_code,
        procedureName: r.procedure_name,
        ratedAt: new Date(r.rated_at).toISOString(),
        scores: r.scores,
        comment: r.comment,
      })),
    };
  }

  /** Per-criterion level counts for other modules (insights): the same figures as the route. */
  tallies(filter: Parameters<typeof store.tallies>[1]) {
    return store.tallies(this.ctx.db, filter);
  }

  private async liveLink(db: Db, token: string) {
    const link = await store.link(db, tokenHash(token));
    if (!link) throw this.invalidLink();
    if (link.used_at) throw this.usedLink();
    if (link.expires_at.getTime() <= this.ctx.clock.now().getTime()) {
      throw new Problem(410, 'rating_link_expired', 'Đường dẫn đánh giá đã hết hạn.', 'This rating link has expired.');
    }
    return link;
  }

  private invalidLink() {
    return new Problem(404, 'rating_link_invalid', 'Đường dẫn đánh giá không đúng.', 'This rating link is not valid.');
  }
  private usedLink() {
    return new Problem(409, 'rating_link_used', 'Đường dẫn đánh giá này đã được dùng.', 'This rating link has already been used.');
  }
  private notRateable(code: string) {
    return new Problem(
      409,
      'not_rateable',
      `Hồ sơ ${code} chưa có kết quả nên chưa thể đánh giá.`,
      `Dossier ${code} has no outcome yet, so it cannot be rated.`,
    );
  }
}
