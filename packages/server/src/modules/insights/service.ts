import type { Insights } from '@motcua/core/api';
import { addDays, vnDate, vnInstant, type IsoDate } from '@motcua/core/calendar';
import type { AppContext } from '../../platform/context.ts';
import { badRequest, forbidden, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/access.ts';
import { sees } from '../../platform/privacy.ts';
import { dossierFiguresByUnit, type DossierFigures } from '../dossiers/index.ts';
import { outreachFigures } from '../outreach/index.ts';
import { communesOf } from '../units/index.ts';

/** Which communes a figure covers: one commune, or every commune of a province. */
type Scope = { unitCode: string } | { provinceCode: string };

const unitsOf = (scope: Scope): string[] => ('unitCode' in scope ? [scope.unitCode] : communesOf(scope.provinceCode));

const EMPTY: DossierFigures = {
  received: 0,
  online: 0,
  counter: 0,
  outreach: 0,
  postal: 0,
  finished: 0,
  finishedOnTime: 0,
  lateNow: 0,
  inProgress: 0,
  apologies: 0,
};

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);

function sum(rows: DossierFigures[]): DossierFigures {
  const total = { ...EMPTY };
  for (const r of rows) for (const k of Object.keys(EMPTY) as (keyof DossierFigures)[]) total[k] += r[k];
  return total;
}

function withRates(f: DossierFigures) {
  return { ...f, onlineRate: rate(f.online, f.received), onTimeRate: rate(f.finishedOnTime, f.finished) };
}

/**
 * The figures leaders report: received, by channel, online-submission rate, on-time rate, late now,
 * and the outreach tally (received, processed on the spot, to return, people guided, satisfaction).
 */
export class InsightsService {
  constructor(
    private readonly ctx: AppContext,
    private readonly unitName: (code: string) => { fullName: string; type: string; provinceCode?: string | null } | null,
  ) {}

  private scopeFor(actor: Actor, code: string): Scope {
    const unit = this.unitName(code);
    if (!unit) throw notFound('đơn vị hành chính', 'Administrative unit', code);
    if (actor.kind !== 'official') throw forbidden();
    const isProvince = code.length === 2;
    // A province's figures are of the province itself; a commune's also of the province it lies in.
    const place = { unitCode: code, provinceCode: isProvince ? code : (unit.provinceCode ?? null) };
    if (!sees(actor, 'figures', place)) throw forbidden('Bạn chỉ xem được số liệu của đơn vị mình.', 'You can only see the figures of your own units.');
    return isProvince ? { provinceCode: code } : { unitCode: code };
  }

  /** Period in Vietnam dates, `to` inclusive; defaults to the current month up to today. */
  period(from?: IsoDate, to?: IsoDate) {
    const today = vnDate(this.ctx.clock.now());
    const start = from ?? `${today.slice(0, 7)}-01`;
    const end = to ?? today;
    if (start > end) throw badRequest('Ngày bắt đầu phải trước ngày kết thúc.', 'The start date must not be after the end date.');
    return { fromDate: start, toDate: end, from: vnInstant(start, '00:00'), to: vnInstant(addDays(end, 1), '00:00') };
  }

  async figures(actor: Actor, code: string, from?: IsoDate, to?: IsoDate): Promise<Insights> {
    const scope = this.scopeFor(actor, code);
    const p = this.period(from, to);
    const now = this.ctx.clock.now();
    const units = unitsOf(scope);
    const [byUnit, outreach] = await Promise.all([dossierFiguresByUnit(this.ctx.db, units, p, now), outreachFigures(this.ctx.db, units, p)]);
    const unit = this.unitName(code)!;
    return {
      unit: { code, fullName: unit.fullName },
      period: { from: p.fromDate, to: p.toDate },
      dossiers: withRates(sum(byUnit)),
      outreach: {
        ...outreach,
        toReturn: outreach.received - outreach.completedOnSpot,
        satisfactionRate: rate(outreach.satisfied, outreach.surveys),
      },
      communes:
        'provinceCode' in scope ? byUnit.map((r) => ({ code: r.unitCode, fullName: this.unitName(r.unitCode)?.fullName ?? r.unitCode, ...withRates(r) })) : [],
    };
  }
}
