import type { BreakdownRow, Insights, ProcedureOutcome, PublicInsights, RollupCounts } from '@motcua/core/api';
import { addDays, vnDate, vnInstant, type IsoDate } from '@motcua/core/calendar';
import type { Procedure } from '@motcua/core/catalog';
import { notRecorded, scorecard, type Counts, type IndicatorInputs, type Ratio, type Scorecard } from '@motcua/core/insights';
import type { AppContext } from '../../platform/context.ts';
import { badRequest, forbidden, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/access.ts';
import { sees } from '../../platform/privacy.ts';
import { proceduresOf } from '../catalog/index.ts';
import { dossiersByHamlet, dossiersLateNow } from '../dossiers/index.ts';
import { feedbackOnTimeTally } from '../feedback/index.ts';
import { outreachFigures } from '../outreach/index.ts';
import { onlinePaymentTally } from '../payments/index.ts';
import { ratingTallies } from '../ratings/index.ts';
import { communesOf, hamletsOf } from '../units/index.ts';
import { addCounts, openAtByUnit, sumLines, zeroCounts, type SumLine } from './figures-store.ts';

type UnitInfo = { fullName: string; type: string; provinceCode?: string | null };
type Period = { fromDate: IsoDate; toDate: IsoDate; from: Date; to: Date };
export type Breakdown = 'hamlet' | 'commune' | 'month';

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

/** Payments and feedback are counted for the whole scope; breakdown rows say so rather than guess. */
const PAYMENT_BY_ROW = notRecorded('Thanh toán trực tuyến chỉ tính cho cả phạm vi.', 'Online payment is given for the whole scope only.');
const FEEDBACK_BY_ROW = notRecorded('Phản ánh, kiến nghị chỉ tính cho cả phạm vi.', 'Feedback is given for the whole scope only.');
const SATISFACTION_BY_UNIT = notRecorded('Đánh giá hài lòng chỉ tính cho cả phạm vi.', 'Satisfaction is given for the whole scope only.');

const RATINGS_CUT = notRecorded(
  'Đánh giá trên hồ sơ được tính theo tháng: chọn kỳ gồm các tháng trọn vẹn (hoặc đến hôm nay) để có tỷ lệ hài lòng.',
  'Dossier ratings are counted by month: choose a period of whole months (or up to today) to get the satisfaction rate.',
);

const nextMonth = (m: string) => {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
};

/**
 * The months whose dossier ratings the period covers exactly. Ratings are filed by the month they
 * were given (modules/ratings), so a period that cuts a month has no exact count: null then. A month
 * that runs on past today is whole, since no later rating exists yet.
 */
export function ratingMonths(fromDate: IsoDate, toDate: IsoDate, today: IsoDate): string[] | null {
  if (!fromDate.endsWith('-01')) return null;
  const last = toDate.slice(0, 7);
  if (toDate < today && addDays(toDate, 1).slice(0, 7) === last) return null;
  const months: string[] = [];
  for (let m = fromDate.slice(0, 7); m <= last; m = nextMonth(m)) months.push(m);
  return months;
}

/** A procedure's catalog entry is complete when it states time limit, fee, documents and legal basis. */
const complete = (p: Procedure) =>
  (p.processingDays !== null || p.sameDay) && (p.feeVnd !== null || Boolean(p.feeNote)) && p.documents.length > 0 && p.legalBasis.length > 0;

/**
 * Leaders' figures: the Decision 766 scorecard (core/insights) computed from the rollup
 * (insight_rollup, kept by the dossier event hook), never from the dossiers themselves, so a
 * province's answer costs the same whatever its number of dossiers.
 */
export class InsightsService {
  constructor(
    private readonly ctx: AppContext,
    private readonly unitName: (code: string) => UnitInfo | null,
  ) {}

  private unit(code: string): UnitInfo {
    const unit = this.unitName(code);
    if (!unit) throw notFound('đơn vị hành chính', 'Administrative unit', code);
    return unit;
  }

  private authorise(actor: Actor, code: string): void {
    const unit = this.unit(code);
    if (actor.kind !== 'official') throw forbidden();
    const isProvince = code.length === 2;
    // A province's figures are of the province itself; a commune's also of the province it lies in.
    const place = { unitCode: code, provinceCode: isProvince ? code : (unit.provinceCode ?? null) };
    if (!sees(actor, 'figures', place)) throw forbidden('Bạn chỉ xem được số liệu của đơn vị mình.', 'You can only see the figures of your own units.');
  }

  /** Period in Vietnam dates, `to` inclusive; defaults to the current month up to today. */
  period(from?: IsoDate, to?: IsoDate): Period {
    const today = vnDate(this.ctx.clock.now());
    const start = from ?? `${today.slice(0, 7)}-01`;
    const end = to ?? today;
    if (start > end) throw badRequest('Ngày bắt đầu phải trước ngày kết thúc.', 'The start date must not be after the end date.');
    return { fromDate: start, toDate: end, from: vnInstant(start, '00:00'), to: vnInstant(addDays(end, 1), '00:00') };
  }

  private scoreOf(
    lines: SumLine[],
    procs: Map<string, Procedure>,
    satisfaction: Ratio,
    onlinePayment: Ratio = PAYMENT_BY_ROW,
    feedbackOnTime: Ratio = FEEDBACK_BY_ROW,
  ): { card: Scorecard; counts: Counts; online: number } {
    const counts = zeroCounts();
    const used = new Set<string>();
    const offered = { dossiers: 0, online: 0 };
    const full = { dossiers: 0, online: 0 };
    let online = 0;
    for (const l of lines) {
      addCounts(counts, l);
      if (l.received > 0) used.add(l.procedureCode);
      const isOnline = l.channel === 'online' ? l.received : 0;
      online += isOnline;
      const level = procs.get(l.procedureCode)?.online ?? null;
      // Decision 766 divides by dossiers of procedures that offer an online service, not all dossiers.
      if (level !== null) {
        offered.dossiers += l.received;
        offered.online += isOnline;
      }
      if (level === 'full') {
        full.dossiers += l.received;
        full.online += isOnline;
      }
    }
    const inputs: IndicatorInputs = {
      counts,
      procedures: { used: used.size, complete: [...used].filter((c) => procs.has(c) && complete(procs.get(c)!)).length },
      onlineOffered: offered,
      fullOnlineOffered: full,
      satisfaction,
      onlinePayment,
      feedbackOnTime,
    };
    return { card: scorecard(inputs), counts, online };
  }

  private row(key: string, name: string, s: { card: Scorecard; counts: Counts; online: number }): BreakdownRow {
    const c = s.counts;
    const scored = s.card.groups.flatMap((g) => g.indicators).filter((i) => i.value !== null && i.max !== null);
    const weakest = scored.sort((a, b) => a.value! - b.value!)[0]?.key ?? null;
    return {
      key,
      name,
      total: s.card.scoredMax > 0 ? s.card.total : null,
      scoredMax: s.card.scoredMax > 0 ? s.card.scoredMax : null,
      received: c.received,
      online: s.online,
      early: c.early,
      onTime: c.onTime,
      late: c.late,
      onTimeRate: rate(c.early + c.onTime, c.early + c.onTime + c.late),
      onlineRate: rate(s.online, c.received),
      weakest,
    };
  }

  /** Weakest first: the lowest share of the points scored, those with nothing to score last. */
  private static ranked(rows: BreakdownRow[]): BreakdownRow[] {
    const share = (r: BreakdownRow) => (r.total === null || !r.scoredMax ? Number.POSITIVE_INFINITY : r.total / r.scoredMax);
    return [...rows].sort((a, b) => share(a) - share(b) || a.key.localeCompare(b.key));
  }

  private async compute(code: string, p: Period) {
    const isProvince = code.length === 2;
    const units = isProvince ? communesOf(code) : [code];
    const [byUnit, byMonth, carried, openEnd, outreach, payments, feedback] = await Promise.all([
      sumLines(this.ctx.db, units, p.fromDate, p.toDate, 'unit'),
      sumLines(this.ctx.db, units, p.fromDate, p.toDate, 'month'),
      openAtByUnit(this.ctx.db, units, p.fromDate),
      openAtByUnit(this.ctx.db, units, addDays(p.toDate, 1)),
      outreachFigures(this.ctx.db, units, p),
      onlinePaymentTally(this.ctx.db, units, p.from, p.to),
      feedbackOnTimeTally(this.ctx.db, units, p.from, p.to, this.ctx.clock.now()),
    ]);
    const procs = new Map((await proceduresOf(this.ctx.db, [...new Set(byUnit.map((l) => l.procedureCode))])).map((x) => [x.code, x]));
    const satisfaction = await this.satisfaction(code, units, p, outreach);
    // Decision 766's online-payment share: dossiers whose fee was paid online / dossiers whose fee was paid.
    const onlinePayment: Ratio = { numerator: payments.online, denominator: payments.paid };
    const feedbackOnTime: Ratio = { numerator: feedback.onTime, denominator: feedback.due };
    const whole = this.scoreOf(byUnit, procs, satisfaction, onlinePayment, feedbackOnTime);
    const channel = (ch: string) => byUnit.filter((l) => l.channel === ch).reduce((n, l) => n + l.received, 0);
    const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    const counts: RollupCounts = {
      ...whole.counts,
      online: channel('online'),
      counter: channel('counter'),
      outreach: channel('outreach'),
      postal: channel('postal'),
      carriedOver: sum(carried),
      openAtEnd: sum(openEnd),
    };
    const group = <K extends string>(lines: SumLine[]) => {
      const m = new Map<K, SumLine[]>();
      for (const l of lines) m.set(l.group as K, [...(m.get(l.group as K) ?? []), l]);
      return m;
    };
    const months = [...group(byMonth)]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([m, lines]) => this.row(m, m, this.scoreOf(lines, procs, SATISFACTION_BY_UNIT)));
    const communes = isProvince
      ? InsightsService.ranked(
          [...group(byUnit)].map(([u, lines]) => this.row(u, this.unitName(u)?.fullName ?? u, this.scoreOf(lines, procs, SATISFACTION_BY_UNIT))),
        )
      : [];
    const procedures: ProcedureOutcome[] = [...group(byUnit.map((l) => ({ ...l, group: l.procedureCode })))]
      .map(([pc, lines]) => {
        const c = lines.reduce((t, l) => addCounts(t, l), zeroCounts());
        return {
          code: pc,
          name: procs.get(pc)?.name ?? pc,
          received: c.received,
          early: c.early,
          onTime: c.onTime,
          late: c.late,
          onTimeRate: rate(c.early + c.onTime, c.early + c.onTime + c.late),
        };
      })
      .sort((a, b) => b.received - a.received || a.code.localeCompare(b.code));
    return { units, byUnit, whole, counts, months, communes, procedures, outreach };
  }

  /**
   * "Số đánh giá hài lòng (4–5) / số đánh giá" (core/insights): the outreach surveys' overall score
   * and the dossier ratings' overall criterion (every rating gives it), counted together.
   */
  private async satisfaction(code: string, units: string[], p: Period, outreach: { satisfied: number; surveys: number }): Promise<Ratio> {
    const months = ratingMonths(p.fromDate, p.toDate, vnDate(this.ctx.clock.now()));
    if (!months) return RATINGS_CUT;
    const filter = code.length === 2 ? { provinceUnits: units } : { unitCode: code };
    const tallies = await Promise.all(months.map((month) => ratingTallies(this.ctx.db, { ...filter, month })));
    let satisfied = outreach.satisfied;
    let rated = outreach.surveys;
    for (const t of tallies) {
      const overall = t.criteria.find((c) => c.criterion === 'overall');
      if (!overall) continue;
      satisfied += overall.counts[3] + overall.counts[4];
      rated += overall.total;
    }
    return { numerator: satisfied, denominator: rated };
  }

  async figures(actor: Actor, code: string, from?: IsoDate, to?: IsoDate, by?: Breakdown): Promise<Insights> {
    this.authorise(actor, code);
    const p = this.period(from, to);
    const c = await this.compute(code, p);
    const lateNow = await dossiersLateNow(this.ctx.db, c.units, this.ctx.clock.now());
    const legacy = (counts: Counts, online: number, channelOf: (ch: string) => number, late: number, open: number) => {
      const finished = counts.early + counts.onTime + counts.late;
      return {
        received: counts.received,
        online,
        counter: channelOf('counter'),
        outreach: channelOf('outreach'),
        postal: channelOf('postal'),
        finished,
        finishedOnTime: counts.early + counts.onTime,
        lateNow: late,
        inProgress: open,
        apologies: counts.apologies,
        onlineRate: rate(online, counts.received),
        onTimeRate: rate(counts.early + counts.onTime, finished),
      };
    };
    const chan = (lines: SumLine[]) => (ch: string) => lines.filter((l) => l.channel === ch).reduce((n, l) => n + l.received, 0);
    const openEnd = code.length === 2 ? await openAtByUnit(this.ctx.db, c.units, addDays(p.toDate, 1)) : new Map([[code, c.counts.openAtEnd]]);
    const breakdownBy: Breakdown = by ?? (code.length === 2 ? 'commune' : 'month');
    const breakdown = breakdownBy === 'month' ? c.months : breakdownBy === 'commune' ? c.communes : await this.hamletRows(code.length === 2 ? null : code, p);
    const unit = this.unit(code);
    return {
      unit: { code, fullName: unit.fullName },
      period: { from: p.fromDate, to: p.toDate },
      groups: c.whole.card.groups,
      total: c.whole.card.total,
      scoredMax: c.whole.card.scoredMax,
      max: c.whole.card.max,
      counts: c.counts,
      months: c.months,
      procedures: c.procedures,
      breakdown: { by: breakdownBy, rows: breakdown },
      dossiers: legacy(c.whole.counts, c.counts.online, chan(c.byUnit), lateNow, c.counts.openAtEnd),
      outreach: {
        ...c.outreach,
        toReturn: c.outreach.received - c.outreach.completedOnSpot,
        satisfactionRate: rate(c.outreach.satisfied, c.outreach.surveys),
      },
      communes:
        code.length === 2
          ? c.communes.map((r) => {
              const lines = c.byUnit.filter((l) => l.group === r.key);
              const counts = lines.reduce((t, l) => addCounts(t, l), zeroCounts());
              return { code: r.key, fullName: r.name, ...legacy(counts, r.online, chan(lines), 0, openEnd.get(r.key) ?? 0) };
            })
          : [],
    };
  }

  /** Dossiers filed from each hamlet (the applicant's hamlet, a count only: no one is named). */
  private async hamletRows(unitCode: string | null, p: Period): Promise<BreakdownRow[]> {
    if (!unitCode) return [];
    const [hamlets, counts] = await Promise.all([hamletsOf(this.ctx.db, unitCode), dossiersByHamlet(this.ctx.db, unitCode, p.from)]);
    return hamlets.map((h) => ({
      key: h.code,
      name: h.name,
      total: null,
      scoredMax: null,
      received: counts.get(h.code) ?? 0,
      online: 0,
      early: 0,
      onTime: 0,
      late: 0,
      onTimeRate: null,
      onlineRate: null,
      weakest: null,
    }));
  }

  /** The public transparency page's figures: score, groups, trend and communes ranked; counts only. */
  async publicFigures(code: string, from?: IsoDate, to?: IsoDate): Promise<PublicInsights> {
    const unit = this.unit(code);
    const p = this.period(from, to);
    const c = await this.compute(code, p);
    return {
      unit: { code, fullName: unit.fullName },
      period: { from: p.fromDate, to: p.toDate },
      groups: c.whole.card.groups,
      total: c.whole.card.total,
      scoredMax: c.whole.card.scoredMax,
      max: c.whole.card.max,
      counts: c.counts,
      months: c.months,
      communes: c.communes,
    };
  }
}
