import type { HamletFacts, ScorePart, Suggestion } from '@motcua/core/api';
import { epochDayDiff } from './dates.ts';

/**
 * "Which hamlets to visit first": a transparent score out of 100 made of four parts, each shown
 * with its raw value, so an official can see why a hamlet ranks where it does and argue with it.
 *
 *   remoteness  30  travel time to the commune office (or distance when time is unknown): the
 *                   further people live, the more a trip to the office costs them
 *   assistance  30  residents flagged as needing help (elderly, disabled, ill): they cannot come
 *   demand      20  dossiers filed from the hamlet and people consulted there in the last year,
 *                   relative to the busiest hamlet of the commune
 *   recency     20  days since the team last went there (never = full points)
 */
export type { HamletFacts, ScorePart, Suggestion } from '@motcua/core/api';

export const WEIGHTS = { remoteness: 30, assistance: 30, demand: 20, recency: 20 } as const;
const FAR_MINUTES = 60;
const FAR_KM = 20;
const POINTS_PER_RESIDENT = 10;
const STALE_DAYS = 90;

const round1 = (n: number) => Math.round(n * 10) / 10;

function remoteness(h: HamletFacts): ScorePart {
  const base = { key: 'remoteness' as const, labelVi: 'Khoảng cách', labelEn: 'Remoteness', max: WEIGHTS.remoteness };
  if (h.travelMinutes !== null) {
    const points = round1((WEIGHTS.remoteness * Math.min(h.travelMinutes, FAR_MINUTES)) / FAR_MINUTES);
    return {
      ...base,
      points,
      explanationVi: `${h.travelMinutes} phút đi đến trụ sở xã (từ ${FAR_MINUTES} phút trở lên: tối đa)`,
      explanationEn: `${h.travelMinutes} minutes to the commune office (${FAR_MINUTES}+ minutes: full points)`,
    };
  }
  if (h.distanceKm !== null) {
    const points = round1((WEIGHTS.remoteness * Math.min(h.distanceKm, FAR_KM)) / FAR_KM);
    return {
      ...base,
      points,
      explanationVi: `Cách trụ sở xã ${h.distanceKm} km (từ ${FAR_KM} km trở lên: tối đa)`,
      explanationEn: `${h.distanceKm} km from the commune office (${FAR_KM}+ km: full points)`,
    };
  }
  return { ...base, points: 0, explanationVi: 'Chưa có số liệu khoảng cách', explanationEn: 'No distance recorded' };
}

function assistance(h: HamletFacts): ScorePart {
  const a = h.assistance;
  const n = a.elderly + a.disabled + a.ill + a.other;
  const points = Math.min(WEIGHTS.assistance, n * POINTS_PER_RESIDENT);
  return {
    key: 'assistance',
    labelVi: 'Người cần hỗ trợ',
    labelEn: 'Residents needing help',
    max: WEIGHTS.assistance,
    points,
    explanationVi:
      n === 0
        ? 'Chưa ghi nhận người cần hỗ trợ'
        : `${n} người cần hỗ trợ (cao tuổi ${a.elderly}, khuyết tật ${a.disabled}, ốm đau ${a.ill}, khác ${a.other}); ${POINTS_PER_RESIDENT} điểm mỗi người`,
    explanationEn:
      n === 0
        ? 'No residents flagged'
        : `${n} residents needing help (elderly ${a.elderly}, disabled ${a.disabled}, ill ${a.ill}, other ${a.other}); ${POINTS_PER_RESIDENT} points each`,
  };
}

function demand(h: HamletFacts, busiest: number): ScorePart {
  const n = h.dossiers + h.enquiries;
  const points = busiest === 0 ? 0 : round1((WEIGHTS.demand * n) / busiest);
  return {
    key: 'demand',
    labelVi: 'Nhu cầu',
    labelEn: 'Demand',
    max: WEIGHTS.demand,
    points,
    explanationVi: `${h.dossiers} hồ sơ và ${h.enquiries} lượt tư vấn trong 12 tháng (ấp nhiều nhất: ${busiest})`,
    explanationEn: `${h.dossiers} dossiers and ${h.enquiries} people consulted in 12 months (busiest hamlet: ${busiest})`,
  };
}

function recency(h: HamletFacts, today: string): ScorePart {
  const base = { key: 'recency' as const, labelVi: 'Lần đến gần nhất', labelEn: 'Last visit', max: WEIGHTS.recency };
  if (h.lastVisit === null) return { ...base, points: WEIGHTS.recency, explanationVi: 'Tổ lưu động chưa từng đến', explanationEn: 'Never visited' };
  const days = Math.max(0, epochDayDiff(h.lastVisit, today));
  const points = round1((WEIGHTS.recency * Math.min(days, STALE_DAYS)) / STALE_DAYS);
  return {
    ...base,
    points,
    explanationVi: `Đến lần cuối cách đây ${days} ngày (từ ${STALE_DAYS} ngày: tối đa)`,
    explanationEn: `Last visited ${days} days ago (${STALE_DAYS}+ days: full points)`,
  };
}

/** Ranks hamlets by score, highest first; ties go to the longer travel time, then the code. */
export function suggestHamlets(hamlets: readonly HamletFacts[], today: string): Suggestion[] {
  const busiest = Math.max(0, ...hamlets.map((h) => h.dossiers + h.enquiries));
  return hamlets
    .map((h) => {
      const parts = [remoteness(h), assistance(h), demand(h, busiest), recency(h, today)];
      return { hamletCode: h.code, hamletName: h.name, score: round1(parts.reduce((s, p) => s + p.points, 0)), parts, facts: h };
    })
    .sort((a, b) => b.score - a.score || (b.facts.travelMinutes ?? 0) - (a.facts.travelMinutes ?? 0) || a.hamletCode.localeCompare(b.hamletCode))
    .map((s, i) => ({ rank: i + 1, ...s }));
}
