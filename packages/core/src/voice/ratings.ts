/**
 * Satisfaction with one dossier: the criteria a citizen rates and the five-point scale.
 *
 * The criteria are those provincial one-stop systems ask under Decree 61/2018/NĐ-CP (Chapter on
 * evaluating the handling of administrative procedures) and Circular 01/2018/TT-VPCP, as listed
 * in issue #16. The article numbers and the official wording of each indicator could not be
 * confirmed from the sources at hand: docs/rules.md says so, and no article is cited per criterion.
 */
export const RATING_CRITERIA = ['attitude', 'timeliness', 'visits', 'guidance', 'online', 'overall'] as const;
export type RatingCriterion = (typeof RATING_CRITERIA)[number];

export const CRITERION_LABEL: Record<RatingCriterion, { vi: string; en: string }> = {
  attitude: { vi: 'Thái độ, tinh thần phục vụ của cán bộ', en: "Officials' attitude and helpfulness" },
  timeliness: { vi: 'Thời gian trả kết quả so với giấy hẹn', en: 'Time taken against the appointment' },
  visits: { vi: 'Số lần phải đi lại, bổ sung giấy tờ', en: 'How many times you had to come or add papers' },
  guidance: { vi: 'Hướng dẫn rõ ràng, đầy đủ', en: 'Clarity of the guidance' },
  online: { vi: 'Dịch vụ công trực tuyến dễ sử dụng', en: 'Ease of the online service' },
  overall: { vi: 'Mức độ hài lòng chung', en: 'Overall satisfaction' },
};

export type RatingLevel = 1 | 2 | 3 | 4 | 5;
export const RATING_LEVELS: readonly RatingLevel[] = [1, 2, 3, 4, 5];

/** The scale in words, as paper questionnaires print it (not only stars). */
export const LEVEL_LABEL: Record<RatingLevel, { vi: string; en: string }> = {
  1: { vi: 'Rất không hài lòng', en: 'Very dissatisfied' },
  2: { vi: 'Không hài lòng', en: 'Dissatisfied' },
  3: { vi: 'Bình thường', en: 'Neutral' },
  4: { vi: 'Hài lòng', en: 'Satisfied' },
  5: { vi: 'Rất hài lòng', en: 'Very satisfied' },
};

/** A score at or below this on any criterion alerts the commune's leaders. */
export const LOW_RATING_THRESHOLD = 2;

export type RatingScores = Partial<Record<RatingCriterion, number>>;

export type RatingCheck = { ok: true; scores: Partial<Record<RatingCriterion, RatingLevel>> } | { ok: false; messageVi: string; messageEn: string };

/**
 * A rating must score "overall" and may leave others out (a counter dossier has no online
 * service to judge); every score is a whole 1–5 and no unknown criterion is accepted.
 */
export function checkScores(scores: Record<string, unknown>): RatingCheck {
  const out: Partial<Record<RatingCriterion, RatingLevel>> = {};
  for (const [key, value] of Object.entries(scores)) {
    if (!(RATING_CRITERIA as readonly string[]).includes(key))
      return { ok: false, messageVi: `Tiêu chí "${key}" không có trong phiếu đánh giá.`, messageEn: `"${key}" is not a rating criterion.` };
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5)
      return { ok: false, messageVi: `Điểm của tiêu chí "${key}" phải từ 1 đến 5.`, messageEn: `The score for "${key}" must be a whole number from 1 to 5.` };
    out[key as RatingCriterion] = value as RatingLevel;
  }
  if (out.overall === undefined) return { ok: false, messageVi: 'Xin cho biết mức độ hài lòng chung.', messageEn: 'Please give your overall satisfaction.' };
  return { ok: true, scores: out };
}

export const isLowRating = (scores: Partial<Record<RatingCriterion, number>>): boolean =>
  Object.values(scores).some((s) => s !== undefined && s <= LOW_RATING_THRESHOLD);

/** Per criterion, how many ratings gave each level: "19 of 32 very satisfied, none very dissatisfied". */
export interface CriterionTally {
  criterion: RatingCriterion;
  counts: [number, number, number, number, number];
  total: number;
}

export function tallyOf(rows: readonly { criterion: string; level: number; n: number }[]): CriterionTally[] {
  return RATING_CRITERIA.map((criterion) => {
    const counts: [number, number, number, number, number] = [0, 0, 0, 0, 0];
    for (const r of rows) if (r.criterion === criterion && r.level >= 1 && r.level <= 5) counts[r.level - 1] = (counts[r.level - 1] ?? 0) + r.n;
    return { criterion, counts, total: counts.reduce((a, b) => a + b, 0) };
  });
}

/** The sentence a round report prints for one criterion. */
export function tallySentenceVi(t: CriterionTally): string {
  if (t.total === 0) return 'Chưa có đánh giá';
  const none = t.counts[0] === 0 ? ', không có trường hợp rất không hài lòng' : `, ${t.counts[0]} rất không hài lòng`;
  return `${t.counts[4]}/${t.total} rất hài lòng${none}`;
}

/** A dossier can be rated once its outcome is known: the result ready or handed over, or intake refused. */
export const RATEABLE_STATES = ['result_ready', 'returned', 'refused_intake'] as const;
export const isRateable = (state: string): boolean => (RATEABLE_STATES as readonly string[]).includes(state);

/** Where a rating was given. */
export const RATING_CHANNELS = ['portal', 'link', 'kiosk', 'field'] as const;
export type RatingChannel = (typeof RATING_CHANNELS)[number];

/** How long a link in a result notice stays valid, and a kiosk link opened at the desk. */
export const NOTICE_LINK_DAYS = 30;
export const KIOSK_LINK_MINUTES = 30;
