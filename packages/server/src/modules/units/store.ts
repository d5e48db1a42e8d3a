import type { Hamlet, HamletKind } from '@motcua/core/api';
import type { Db } from '../../db/database.ts';
import type { Selectable } from 'kysely';
import type { HamletTable } from './tables.ts';

export interface UnitRow {
  code: string;
  name: string;
  nameEn: string | null;
  fullName: string;
  fullNameEn: string | null;
  type: string;
  provinceCode: string | null;
}

export type { Hamlet } from '@motcua/core/api';

const toHamlet = (r: Selectable<HamletTable>): Hamlet => ({
  code: r.code,
  unitCode: r.unit_code,
  name: r.name,
  // Written only through HamletInput/HamletPatch (and the demo data), so one of HAMLET_KINDS.
  kind: r.kind as HamletKind,
  distanceKm: r.distance_km === null ? null : Number(r.distance_km),
  travelMinutes: r.travel_minutes,
  active: r.active,
});

export class UnitsStore {
  constructor(private readonly db: Db) {}

  async countUnits(): Promise<number> {
    const r = await this.db
      .selectFrom('unit')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** Batched: one INSERT per 500 rows keeps the embedded seed fast. */
  async insertUnits(rows: UnitRow[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      await this.db
        .insertInto('unit')
        .values(
          rows.slice(i, i + 500).map((u) => ({
            code: u.code,
            name: u.name,
            name_en: u.nameEn,
            full_name: u.fullName,
            full_name_en: u.fullNameEn,
            type: u.type,
            province_code: u.provinceCode,
          })),
        )
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
  }

  async listHamlets(unitCode: string, includeInactive = false): Promise<Hamlet[]> {
    let q = this.db.selectFrom('hamlet').selectAll().where('unit_code', '=', unitCode);
    if (!includeInactive) q = q.where('active', '=', true);
    const rows = await q.orderBy('name').execute();
    return rows.map(toHamlet);
  }

  async hamletsByCode(unitCode: string): Promise<Hamlet[]> {
    const rows = await this.db.selectFrom('hamlet').selectAll().where('unit_code', '=', unitCode).orderBy('code').execute();
    return rows.map(toHamlet);
  }

  async allHamlets(): Promise<Hamlet[]> {
    const rows = await this.db.selectFrom('hamlet').selectAll().orderBy('code').execute();
    return rows.map(toHamlet);
  }

  async getHamlet(code: string): Promise<Hamlet | undefined> {
    const r = await this.db.selectFrom('hamlet').selectAll().where('code', '=', code).executeTakeFirst();
    return r ? toHamlet(r) : undefined;
  }

  async nextHamletCode(unitCode: string): Promise<string> {
    const rows = await this.db.selectFrom('hamlet').select('code').where('unit_code', '=', unitCode).execute();
    const max = rows.reduce((m, r) => Math.max(m, Number(r.code.split('-')[1] ?? 0)), 0);
    return `${unitCode}-${String(max + 1).padStart(2, '0')}`;
  }

  async insertHamlets(hamlets: Omit<Hamlet, 'active'>[]): Promise<void> {
    if (hamlets.length === 0) return;
    await this.db
      .insertInto('hamlet')
      .values(
        hamlets.map((h) => ({
          code: h.code,
          unit_code: h.unitCode,
          name: h.name,
          kind: h.kind,
          distance_km: h.distanceKm,
          travel_minutes: h.travelMinutes,
        })),
      )
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }

  async updateHamlet(code: string, patch: Partial<Pick<Hamlet, 'name' | 'kind' | 'distanceKm' | 'travelMinutes' | 'active'>>, now: Date): Promise<void> {
    await this.db
      .updateTable('hamlet')
      .set({
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
        ...(patch.distanceKm !== undefined ? { distance_km: patch.distanceKm } : {}),
        ...(patch.travelMinutes !== undefined ? { travel_minutes: patch.travelMinutes } : {}),
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        updated_at: now,
      })
      .where('code', '=', code)
      .execute();
  }
}
