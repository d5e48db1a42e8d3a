/**
 * Demo hamlets for pilot communes. Real hamlet lists are not in the open data, so names follow the
 * common pattern of hamlets named after the former commune ("Ấp Long Hòa 1"), the former seat
 * commune's hamlets lying nearest the new one-stop office.
 */
import { nameKey, type CurrentUnit, type Hamlet, type HamletKind, type HistoricUnit } from '@motcua/core/units';

const KIND_WORD: Record<HamletKind, string> = { ap: 'Ấp', thon: 'Thôn', ban: 'Bản', to_dan_pho: 'Tổ dân phố' };

/** Southern provinces name hamlets "ấp"; wards have "tổ dân phố". */
function kindFor(unit: CurrentUnit): HamletKind {
  if (unit.type === 'ward') return 'to_dan_pho';
  return Number(unit.provinceCode) >= 75 ? 'ap' : 'thon';
}

/** Small stable jitter (0..2) so distances are not a perfect staircase. */
function jitter(text: string): number {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.codePointAt(0)!) % 9973;
  return h % 3;
}

export function demoHamlets(unit: CurrentUnit, predecessors: HistoricUnit[]): Hamlet[] {
  const olds = predecessors.filter((p) => p.code.length === 5);
  if (!olds.length) throw new Error(`No old communes to name hamlets of ${unit.code}`);
  // The old commune that gave the new one its name was the seat: its hamlets come first and nearest.
  const seat = nameKey(unit.name);
  olds.sort((a, b) => Number(nameKey(b.name) === seat) - Number(nameKey(a.name) === seat));
  const total = Math.min(10, Math.max(6, 3 * olds.length));
  const counts = olds.map((_, i) => Math.floor(total / olds.length) + (i < total % olds.length ? 1 : 0));
  const kind = kindFor(unit);
  const hamlets: Hamlet[] = [];
  olds.forEach((old, i) => {
    const count = counts[i] ?? 0;
    for (let j = 1; j <= count; j++) {
      const name = `${KIND_WORD[kind]} ${old.name}${count > 1 ? ` ${j}` : ''}`;
      const distanceKm = (i === 0 ? 1 : 3 + 3 * i) + (j - 1) + jitter(name);
      hamlets.push({
        unitCode: unit.code,
        code: `${unit.code}-${String(hamlets.length + 1).padStart(2, '0')}`,
        name,
        kind,
        distanceKm,
        // Motorbike on rural roads, about 20 km/h, plus a few minutes to park and queue.
        travelMinutes: Math.round(distanceKm * 3) + 3,
      });
    }
  });
  return hamlets;
}
