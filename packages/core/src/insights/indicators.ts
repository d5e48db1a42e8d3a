import type { Counts } from './rollup.ts';

/**
 * The indicator set of Decision 766/QĐ-TTg (23/6/2022), "Bộ chỉ số chỉ đạo, điều hành và đánh giá
 * chất lượng phục vụ người dân, doanh nghiệp trong thực hiện TTHC, dịch vụ công theo thời gian
 * thực trên môi trường điện tử": five groups — công khai, minh bạch; tiến độ, kết quả giải quyết;
 * số hóa hồ sơ; cung cấp dịch vụ trực tuyến; mức độ hài lòng — 100 points in all (Điều 1 and the
 * annex).
 *
 * Points are written here only where a published text we could read confirms them (see
 * docs/rules.md "Decision 766"): group 1 is out of 18 and its "TTHC cập nhật, công khai đúng hạn"
 * worth 4; group 2 up to 20 for dossiers handled on time; group 5 out of 18 and its satisfaction
 * rate worth 6. How the remaining 44 points divide between groups 3 and 4, and the other
 * sub-indicators' points, we could not confirm: they stay null rather than guessed, and the total
 * is given out of the points that are known (`scoredMax`).
 *
 * Scoring within an indicator is proportional (value × points). The annex grades some indicators
 * against yearly targets of Resolution 76/NQ-CP; those steps are not confirmed either, so the
 * proportional score is Motcua's reading, labelled as such in the answer.
 */

export type GroupKey = 'transparency' | 'progress' | 'digitisation' | 'online' | 'satisfaction';

export interface IndicatorDef {
  key: string;
  group: GroupKey;
  nameVi: string;
  nameEn: string;
  /** How the figure is computed, in words (shown beside it and in the Excel sheet). */
  formulaVi: string;
  /** Points of the annex, or null where not confirmed. */
  max: number | null;
}

export interface GroupDef {
  key: GroupKey;
  nameVi: string;
  nameEn: string;
  max: number | null;
}

export const GROUPS: readonly GroupDef[] = [
  { key: 'transparency', nameVi: 'Công khai, minh bạch', nameEn: 'Openness and transparency', max: 18 },
  { key: 'progress', nameVi: 'Tiến độ, kết quả giải quyết', nameEn: 'Progress and results', max: 20 },
  { key: 'digitisation', nameVi: 'Số hóa hồ sơ', nameEn: 'Digitisation of dossiers', max: null },
  { key: 'online', nameVi: 'Cung cấp dịch vụ trực tuyến', nameEn: 'Online services', max: null },
  { key: 'satisfaction', nameVi: 'Mức độ hài lòng', nameEn: 'Satisfaction', max: 18 },
];

/** Total points of the set (Decision 766/QĐ-TTg, annex). */
export const TOTAL_POINTS = 100;

export const INDICATORS: readonly IndicatorDef[] = [
  {
    key: 'procedures_published',
    group: 'transparency',
    nameVi: 'TTHC được cập nhật, công khai đầy đủ',
    nameEn: 'Procedures published with complete information',
    formulaVi: 'Số TTHC có đủ thời hạn, lệ phí, thành phần hồ sơ, căn cứ pháp lý / số TTHC có hồ sơ trong kỳ',
    max: 4,
  },
  {
    key: 'national_portal_sync',
    group: 'transparency',
    nameVi: 'Hồ sơ đồng bộ lên Cổng Dịch vụ công quốc gia',
    nameEn: 'Dossiers synchronised to the National Public Service Portal',
    formulaVi: 'Số hồ sơ đồng bộ / số hồ sơ tiếp nhận',
    max: null,
  },
  {
    key: 'on_time',
    group: 'progress',
    nameVi: 'Hồ sơ giải quyết trước hạn, đúng hạn',
    nameEn: 'Dossiers handled early or on time',
    formulaVi: '(trước hạn + đúng hạn) / số hồ sơ đã có kết quả trong kỳ',
    max: 20,
  },
  {
    key: 'intake_digitised',
    group: 'digitisation',
    nameVi: 'Hồ sơ tiếp nhận được số hóa',
    nameEn: 'Dossiers digitised at intake',
    formulaVi: 'Số hồ sơ có thành phần lưu dạng tệp / số hồ sơ tiếp nhận',
    max: null,
  },
  {
    key: 'results_electronic',
    group: 'digitisation',
    nameVi: 'Kết quả giải quyết cấp dạng điện tử',
    nameEn: 'Results issued electronically',
    formulaVi: 'Số kết quả trả dạng điện tử / số kết quả đã trả',
    max: null,
  },
  {
    key: 'digitised_reuse',
    group: 'digitisation',
    nameVi: 'Khai thác, sử dụng lại dữ liệu số hóa',
    nameEn: 'Digitised documents reused',
    formulaVi: 'Số hồ sơ dùng lại giấy tờ đã số hóa / số hồ sơ tiếp nhận',
    max: null,
  },
  {
    key: 'online_share',
    group: 'online',
    nameVi: 'Hồ sơ trực tuyến',
    nameEn: 'Dossiers submitted online',
    formulaVi: 'Số hồ sơ nộp trực tuyến / số hồ sơ của các TTHC có dịch vụ trực tuyến',
    max: null,
  },
  {
    key: 'full_online_share',
    group: 'online',
    nameVi: 'Hồ sơ trực tuyến toàn trình',
    nameEn: 'Dossiers submitted fully online',
    formulaVi: 'Số hồ sơ trực tuyến của TTHC toàn trình / số hồ sơ của các TTHC toàn trình',
    max: null,
  },
  {
    key: 'online_payment',
    group: 'online',
    nameVi: 'Thanh toán trực tuyến',
    nameEn: 'Fees paid online',
    formulaVi: 'Số hồ sơ có phí, lệ phí được thanh toán trực tuyến (VNPAY, VietQR) / số hồ sơ có phí, lệ phí đã thanh toán trong kỳ',
    max: null,
  },
  {
    key: 'satisfaction_rate',
    group: 'satisfaction',
    nameVi: 'Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC',
    nameEn: 'Satisfaction with intake and handling',
    formulaVi: 'Số đánh giá hài lòng (4–5 sao) / số đánh giá',
    max: 6,
  },
  {
    key: 'feedback_on_time',
    group: 'satisfaction',
    nameVi: 'Phản ánh, kiến nghị được xử lý đúng hạn',
    nameEn: 'Feedback and complaints handled on time',
    formulaVi: 'Số PAKN trả lời đúng hạn / số PAKN đến hạn trong kỳ (đã đến hạn hoặc đã trả lời)',
    max: null,
  },
];

/** A figure's parts, or why Motcua has none: a later module fills in what it records. */
export type Ratio = { numerator: number; denominator: number } | { numerator: null; denominator: null; reasonVi: string; reasonEn: string };

export const notRecorded = (reasonVi: string, reasonEn: string): Ratio => ({ numerator: null, denominator: null, reasonVi, reasonEn });

/** What the formulas read: rollup counts plus the figures other modules supply (or not, yet). */
export interface IndicatorInputs {
  counts: Counts;
  /** Procedures with dossiers in the period, and of those the ones whose catalog entry is complete. */
  procedures: { used: number; complete: number };
  /** Dossiers of procedures that offer an online service (any level) and of those submitted online. */
  onlineOffered: { dossiers: number; online: number };
  fullOnlineOffered: { dossiers: number; online: number };
  satisfaction: Ratio;
  onlinePayment: Ratio;
  feedbackOnTime: Ratio;
}

export interface IndicatorResult {
  key: string;
  name: string;
  nameEn: string;
  formula: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  score: number | null;
  max: number | null;
  note: string | null;
  noteEn: string | null;
}

export interface GroupResult {
  key: GroupKey;
  name: string;
  nameEn: string;
  score: number | null;
  max: number | null;
  indicators: IndicatorResult[];
}

export interface Scorecard {
  groups: GroupResult[];
  /** Points earned on the indicators that have a figure and confirmed points. */
  total: number;
  /** Points those indicators are worth; the set is worth TOTAL_POINTS. */
  scoredMax: number;
  max: number;
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;
const ratio = (numerator: number, denominator: number): Ratio => ({ numerator, denominator });

const NATIONAL_SYNC = notRecorded(
  'Motcua không biết tỷ lệ đồng bộ của Cổng Dịch vụ công quốc gia.',
  "Motcua cannot know the National Public Service Portal's sync rate.",
);
const REUSE = notRecorded('Chưa ghi nhận việc dùng lại giấy tờ đã số hóa.', 'Reuse of digitised documents is not recorded yet.');

/** The ratios of every indicator from the inputs (pure: the same numbers in the browser and the server). */
export function ratios(i: IndicatorInputs): Record<string, Ratio> {
  const c = i.counts;
  return {
    procedures_published: ratio(i.procedures.complete, i.procedures.used),
    national_portal_sync: NATIONAL_SYNC,
    on_time: ratio(c.early + c.onTime, c.early + c.onTime + c.late),
    intake_digitised: ratio(c.digitised, c.received),
    results_electronic: ratio(c.returnedElectronic, c.returned),
    digitised_reuse: REUSE,
    online_share: ratio(i.onlineOffered.online, i.onlineOffered.dossiers),
    full_online_share: ratio(i.fullOnlineOffered.online, i.fullOnlineOffered.dossiers),
    online_payment: i.onlinePayment,
    satisfaction_rate: i.satisfaction,
    feedback_on_time: i.feedbackOnTime,
  };
}

/** Value 0–1 (null with nothing to divide), points proportional to the value where points are known. */
export function scorecard(i: IndicatorInputs): Scorecard {
  const r = ratios(i);
  let total = 0;
  let scoredMax = 0;
  const groups = GROUPS.map((g) => {
    const indicators = INDICATORS.filter((d) => d.group === g.key).map((d): IndicatorResult => {
      const x = r[d.key]!;
      const value = x.numerator !== null && x.denominator > 0 ? round(x.numerator / x.denominator, 4) : null;
      const score = value !== null && d.max !== null ? round(value * d.max, 2) : null;
      if (score !== null) {
        total += score;
        scoredMax += d.max!;
      }
      const empty =
        x.numerator === null ? x : x.denominator === 0 ? { reasonVi: 'Không có hồ sơ trong kỳ.', reasonEn: 'Nothing to count in the period.' } : null;
      return {
        key: d.key,
        name: d.nameVi,
        nameEn: d.nameEn,
        formula: d.formulaVi,
        numerator: x.numerator,
        denominator: x.denominator,
        value,
        score,
        max: d.max,
        note: empty?.reasonVi ?? (d.max === null && value !== null ? 'Chưa xác nhận được số điểm của chỉ số này.' : null),
        noteEn: empty?.reasonEn ?? (d.max === null && value !== null ? 'The points of this indicator are not confirmed.' : null),
      };
    });
    const scored = indicators.filter((x) => x.score !== null);
    return {
      key: g.key,
      name: g.nameVi,
      nameEn: g.nameEn,
      max: g.max,
      score: scored.length
        ? round(
            scored.reduce((s, x) => s + x.score!, 0),
            2,
          )
        : null,
      indicators,
    };
  });
  return { groups, total: round(total, 2), scoredMax, max: TOTAL_POINTS };
}
