import { HAMLET_KINDS, type HamletInput, type HamletPatch, type UnitDetail } from '@motcua/core/api';
import { resolveAddress, searchUnits, unitDetail, type UnitIndex } from '@motcua/core/units';
import { nfc } from '@motcua/core/text';
import type { AppContext } from '../../platform/context.ts';
import { inTransaction } from '../../db/database.ts';
import { badRequest, forbidden, notFound } from '../../platform/errors.ts';
import type { Actor } from '../../platform/access.ts';
import { covers, unitIndex } from './lookup.ts';
import { loadDemoHamlets, loadUnitData } from './data.ts';
import { UnitsStore, type Hamlet, type UnitRow } from './store.ts';

export { unitIndex };

export class UnitsService {
  readonly store: UnitsStore;
  constructor(private readonly ctx: AppContext) {
    this.store = new UnitsStore(ctx.db);
  }

  get index(): UnitIndex {
    return unitIndex();
  }

  search(q: string, provinceCode?: string, limit = 20) {
    return searchUnits(this.index, nfc(q), { ...(provinceCode ? { provinceCode } : {}), limit });
  }

  /**
   * A current unit with the old units it was formed from; or, for a pre-2025 code, the old unit with
   * the current unit(s) it went into. Old and current codes overlap, so a current unit also shows
   * the former unit that had its code.
   */
  detail(code: string): UnitDetail {
    const d = unitDetail(this.index, code);
    if (!d || (!d.unit && !d.old)) throw notFound('đơn vị hành chính', 'Administrative unit', code);
    if (d.unit) {
      return {
        ...d.unit,
        current: true as const,
        province: d.province,
        predecessors: d.predecessors,
        unchanged: d.unchanged,
        successor: null,
        formerUnitWithSameCode: d.old ? { ...d.old, successors: d.successors } : null,
      };
    }
    const old = d.old!;
    return { ...old, current: false as const, predecessors: [], successor: d.successors[0] ?? null, successors: d.successors };
  }

  resolve(address: string) {
    const text = nfc(address).trim();
    if (text.length < 3) throw badRequest('Địa chỉ quá ngắn để tra cứu.', 'The address is too short to resolve.');
    return resolveAddress(this.index, text);
  }

  /** Seeds the current units (and demo hamlets) into the database the first time. */
  async seed(withDemo: boolean): Promise<void> {
    if ((await this.store.countUnits()) === 0) {
      const rows: UnitRow[] = loadUnitData().current.map((u) => ({
        code: u.code,
        name: u.name,
        nameEn: u.nameEn ?? null,
        fullName: u.fullName,
        fullNameEn: u.fullNameEn ?? null,
        type: u.type,
        provinceCode: u.provinceCode ?? null,
      }));
      // One transaction: a start that dies mid-seed leaves no half-filled table behind (issue #19).
      await inTransaction(this.ctx.db, (trx) => new UnitsStore(trx).insertUnits(rows));
    }
    if (withDemo) await this.store.insertHamlets(loadDemoHamlets());
  }

  async hamlets(unitCode: string): Promise<Hamlet[]> {
    this.detail(unitCode);
    return this.store.listHamlets(unitCode);
  }

  private assertCommuneAdmin(actor: Actor, unitCode: string) {
    if (actor.kind !== 'official' || !actor.roles.includes('commune_admin') || !covers(actor, unitCode)) {
      throw forbidden('Chỉ quản trị viên của xã mới được sửa danh sách thôn, ấp.', 'Only the commune administrator may edit its hamlets.');
    }
  }

  async addHamlet(actor: Actor, unitCode: string, input: HamletInput): Promise<Hamlet> {
    const unit = this.detail(unitCode);
    if (!['commune', 'ward', 'special_zone'].includes(unit.type)) {
      throw badRequest('Thôn, ấp chỉ thuộc về xã, phường, đặc khu.', 'Hamlets belong to communes, wards and special zones only.');
    }
    this.assertCommuneAdmin(actor, unitCode);
    if (!(HAMLET_KINDS as readonly string[]).includes(input.kind)) {
      throw badRequest('Loại thôn, ấp không hợp lệ.', 'Unknown hamlet kind.', { allowed: HAMLET_KINDS });
    }
    const code = await this.store.nextHamletCode(unitCode);
    await this.store.insertHamlets([
      { code, unitCode, name: nfc(input.name).trim(), kind: input.kind, distanceKm: input.distanceKm ?? null, travelMinutes: input.travelMinutes ?? null },
    ]);
    return (await this.store.getHamlet(code))!;
  }

  async updateHamlet(actor: Actor, unitCode: string, hamletCode: string, patch: HamletPatch): Promise<Hamlet> {
    const existing = await this.store.getHamlet(hamletCode);
    if (!existing || existing.unitCode !== unitCode) throw notFound('thôn, ấp', 'Hamlet', hamletCode);
    this.assertCommuneAdmin(actor, unitCode);
    if (patch.kind !== undefined && !(HAMLET_KINDS as readonly string[]).includes(patch.kind)) {
      throw badRequest('Loại thôn, ấp không hợp lệ.', 'Unknown hamlet kind.', { allowed: HAMLET_KINDS });
    }
    await this.store.updateHamlet(hamletCode, { ...patch, ...(patch.name ? { name: nfc(patch.name).trim() } : {}) }, this.ctx.clock.now());
    return (await this.store.getHamlet(hamletCode))!;
  }
}
