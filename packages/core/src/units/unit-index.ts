import { nameKey } from './names.ts';
import type { CurrentUnit, HistoricUnit, LineageEntry, UnitData } from './types.ts';

/** Lookup structures over the administrative map; build once with buildUnitIndex and share. */
export interface UnitIndex {
  readonly current: ReadonlyMap<string, CurrentUnit>;
  readonly historic: ReadonlyMap<string, HistoricUnit>;
  readonly lineage: ReadonlyMap<string, LineageEntry>;
  /** Old code → current codes it went into, main successor first. */
  readonly successors: ReadonlyMap<string, string[]>;
  /** nameKey(name) → units, for resolution. */
  readonly currentByKey: ReadonlyMap<string, CurrentUnit[]>;
  readonly historicByKey: ReadonlyMap<string, HistoricUnit[]>;
  /** Old parent code → codes of its old children (province → districts, district → communes). */
  readonly children: ReadonlyMap<string, string[]>;
  /** Current commune → old district and province codes of its predecessors. */
  readonly oldPlaces: ReadonlyMap<string, ReadonlySet<string>>;
  /** Search: distinct name words, sorted, and the units holding each. */
  readonly words: readonly string[];
  readonly unitsByWord: ReadonlyMap<string, CurrentUnit[]>;
}

/** Common short names of provinces, beside their official names. */
const PROVINCE_ALIASES: Record<string, string[]> = {
  'ho chi minh': ['hcm', 'tphcm', 'sai gon', 'sg'],
  'ha noi': ['hn'],
  'ba ria vung tau': ['brvt', 'vung tau'],
};

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

export function buildUnitIndex(data: UnitData): UnitIndex {
  const current = new Map(data.current.map((u) => [u.code, u]));
  const historic = new Map(data.history.map((u) => [u.code, u]));
  const lineage = new Map(data.lineage.map((e) => [e.code, e]));

  const children = new Map<string, string[]>();
  for (const u of data.history) if (u.parentCode) push(children, u.parentCode, u.code);
  const currentByKey = new Map<string, CurrentUnit[]>();
  for (const u of data.current) push(currentByKey, nameKey(u.name), u);
  const historicByKey = new Map<string, HistoricUnit[]>();
  for (const u of data.history) push(historicByKey, nameKey(u.name), u);
  for (const [official, aliases] of Object.entries(PROVINCE_ALIASES)) {
    for (const alias of aliases) {
      for (const u of currentByKey.get(official) ?? []) if (!u.provinceCode) push(currentByKey, alias, u);
      for (const u of historicByKey.get(official) ?? []) if (u.code.length === 2) push(historicByKey, alias, u);
    }
  }

  // Successors: the unit that took the whole old unit (not "một phần") first, then one that kept its code.
  const successorLinks = new Map<string, { code: string; rank: number }[]>();
  const oldPlaces = new Map<string, Set<string>>();
  for (const e of data.lineage) {
    const places = new Set<string>();
    for (const p of e.predecessors) {
      const old = historic.get(p);
      const rank = (e.partial?.includes(p) ? 2 : 0) + (e.code === p ? 0 : 1);
      const list = successorLinks.get(p) ?? [];
      list.push({ code: e.code, rank });
      successorLinks.set(p, list);
      if (old?.parentCode) places.add(old.parentCode);
      if (old) places.add(old.provinceCode);
    }
    oldPlaces.set(e.code, places);
  }
  const successors = new Map<string, string[]>();
  for (const [code, list] of successorLinks) {
    successors.set(
      code,
      list.sort((a, b) => a.rank - b.rank).map((l) => l.code),
    );
  }

  const unitsByWord = new Map<string, CurrentUnit[]>();
  for (const u of data.current) {
    for (const w of new Set(nameKey(u.name).split(' '))) if (w) push(unitsByWord, w, u);
  }
  const words = [...unitsByWord.keys()].sort();

  return { current, historic, lineage, successors, children, currentByKey, historicByKey, oldPlaces, words, unitsByWord };
}
