/** Builds lineage entries for current provinces and communes from merger-2025.json. */
import { nameKey, type CurrentUnit, type HistoricUnit, type LineageEntry } from '@motcua/core/units';
import { parsePredecessorText, parseProvinceText, type Mention } from './predecessor-text.ts';
import { nearDistance, OldUnitPool, settle } from './matcher.ts';
import type { MergerRow } from './source.ts';

export interface LineageReport {
  lineage: LineageEntry[];
  mentions: number;
  /** Names settled by a tie-break (district majority / nearest code) rather than uniquely. */
  tieBroken: number;
  unmatched: { code: string; unit: string; name: string }[];
  /** Names linked by near spelling only, for review: "Xã Hua Bum → Xã Hua Bun". */
  nearSpelling: string[];
  problems: string[];
}

function entry(code: string, predecessors: string[], partial: string[], unchanged: boolean, unmatched: string[]): LineageEntry {
  return { code, predecessors, ...(partial.length ? { partial } : {}), unchanged, unmatched };
}

export function buildLineage(current: CurrentUnit[], history: HistoricUnit[], merger: MergerRow[]): LineageReport {
  const pool = new OldUnitPool(history);
  const report: LineageReport = { lineage: [], mentions: 0, tieBroken: 0, unmatched: [], nearSpelling: [], problems: [] };
  const provinceRows = new Map(merger.filter((r) => r.magoc === '0').map((r) => [r.ma, r]));
  const provinceOrigins = new Map<string, string[]>();

  for (const unit of current.filter((u) => !u.provinceCode)) {
    const row = provinceRows.get(unit.code);
    if (!row) {
      report.problems.push(`no merger row for province ${unit.code} ${unit.fullName}`);
      continue;
    }
    const parsed = parseProvinceText(row.truocsapnhap);
    const codes: string[] = [];
    const unmatched: string[] = [];
    if (parsed.unchanged) {
      // "Giữ nguyên" keeps the code; Huế was "Thừa Thiên Huế" before, so match by code.
      if (pool.byCode.get(unit.code)) codes.push(unit.code);
      else unmatched.push(unit.fullName);
    }
    for (const m of parsed.mentions) {
      const found = pool.provincesNamed(m.name);
      if (found.length === 1) codes.push(found[0]!.code);
      else unmatched.push(m.raw);
    }
    report.mentions += parsed.mentions.length || 1;
    for (const name of unmatched) report.unmatched.push({ code: unit.code, unit: unit.fullName, name });
    provinceOrigins.set(unit.code, codes);
    report.lineage.push(entry(unit.code, codes, [], parsed.unchanged, unmatched));
  }

  // Communes: by code, falling back to province + name (the source misnumbers a few rows).
  const currentCodes = new Set(current.map((u) => u.code));
  const rowsByCode = new Map<string, MergerRow>();
  const strayRows = new Map<string, MergerRow>();
  for (const r of merger.filter((r) => r.magoc !== '0')) {
    if (currentCodes.has(r.ma)) rowsByCode.set(r.ma, r);
    else strayRows.set(`${r.magoc}|${nameKey(r.ten)}`, r);
  }

  const pending: { unit: CurrentUnit; provinces: string[] }[] = [];
  for (const unit of current.filter((u) => u.provinceCode)) {
    const row = rowsByCode.get(unit.code) ?? strayRows.get(`${unit.provinceCode}|${nameKey(unit.fullName)}`);
    if (!row) {
      report.problems.push(`no merger row for ${unit.code} ${unit.fullName}`);
      report.lineage.push(entry(unit.code, [], [], false, [unit.fullName]));
      report.unmatched.push({ code: unit.code, unit: unit.fullName, name: '(no source row)' });
      continue;
    }
    if (row.ma !== unit.code) report.problems.push(`merger row ${row.ma} ${row.ten} taken as ${unit.code} ${unit.fullName}`);
    const provinces = provinceOrigins.get(unit.provinceCode!) ?? [];
    const parsed = parsePredecessorText(row.truocsapnhap);
    const mentions: Mention[] = parsed.unchanged
      ? [{ raw: unit.fullName, prefix: null, inheritedPrefix: false, name: unit.name, qualifier: null, partial: false }]
      : parsed.mentions;
    const matches = mentions.map((m) => pool.match(m, provinces));
    const picked = settle(matches, unit.code);

    const predecessors: string[] = [];
    const partial: string[] = [];
    const unmatched: string[] = [];
    const add = (code: string, isPartial: boolean) => {
      if (!predecessors.includes(code)) predecessors.push(code);
      if (isPartial && !partial.includes(code)) partial.push(code);
    };
    matches.forEach((m, i) => {
      report.mentions++;
      if (m.district) {
        const communes = pool.communesOfDistrict.get(m.district.code) ?? [];
        if (communes.length) for (const c of communes) add(c.code, m.mention.partial);
        else add(m.district.code, m.mention.partial);
        return;
      }
      const chosen = picked[i]?.unit;
      if (!chosen) {
        unmatched.push(m.mention.raw);
        report.unmatched.push({ code: unit.code, unit: unit.fullName, name: m.mention.raw });
        return;
      }
      if (m.fuzzy) report.nearSpelling.push(`${unit.code} ${unit.fullName}: "${m.mention.raw}" → ${chosen.code} ${chosen.fullName}`);
      else if (picked[i]?.tieBroken) report.tieBroken++;
      add(chosen.code, m.mention.partial);
    });
    report.lineage.push(entry(unit.code, predecessors, partial, parsed.unchanged, unmatched));
    pending.push({ unit, provinces });
  }
  adoptOrphans(report, pool, pending);
  return report;
}

/**
 * Every old commune went somewhere: an unmatched name that is a near spelling of exactly one old
 * commune no row has claimed is that commune ("Lản Nhì Thàng" = "Lả Nhì Thàng", another district).
 */
function adoptOrphans(report: LineageReport, pool: OldUnitPool, pending: { unit: CurrentUnit; provinces: string[] }[]): void {
  const claimed = new Set(report.lineage.flatMap((e) => e.predecessors));
  const byCode = new Map(report.lineage.map((e) => [e.code, e]));
  for (const { unit, provinces } of pending) {
    const e = byCode.get(unit.code)!;
    for (const name of [...e.unmatched]) {
      const mention = parsePredecessorText(name).mentions[0];
      if (!mention) continue;
      const orphans = pool.communesIn(provinces).filter((u) => !claimed.has(u.code) && (nearDistance(mention.name, u) ?? 9) <= 1);
      if (orphans.length !== 1) continue;
      const orphan = orphans[0]!;
      claimed.add(orphan.code);
      e.predecessors.push(orphan.code);
      e.unmatched = e.unmatched.filter((n) => n !== name);
      report.unmatched = report.unmatched.filter((u) => !(u.code === unit.code && u.name === name));
      report.nearSpelling.push(`${unit.code} ${unit.fullName}: "${name}" → ${orphan.code} ${orphan.fullName} (unclaimed)`);
    }
    // A hamlet handed over ("Xóm Tổng Dùn") came from the old commune whose code the new unit kept.
    const own = pool.byCode.get(unit.code);
    const hamlets = e.unmatched.filter((n) => HAMLET.test(n));
    if (hamlets.length && own && !claimed.has(own.code) && provinces.includes(own.provinceCode)) {
      claimed.add(own.code);
      e.predecessors.push(own.code);
      e.partial = [...(e.partial ?? []), own.code];
      e.unmatched = e.unmatched.filter((n) => !hamlets.includes(n));
      report.unmatched = report.unmatched.filter((u) => !(u.code === unit.code && hamlets.includes(u.name)));
      report.nearSpelling.push(`${unit.code} ${unit.fullName}: ${hamlets.join(', ')} → part of ${own.code} ${own.fullName} (kept code)`);
    }
  }
}

const HAMLET = /^(xóm|thôn|bản|ấp|tổ dân phố|khu phố)\s/iu;
