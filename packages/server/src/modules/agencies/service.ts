import type { AgencyCodeBody, UnitAgencyCode } from '@motcua/core/api';
import { isAgencyCode } from '@motcua/core/dossier';
import type { Actor } from '../../platform/access.ts';
import type { AppContext } from '../../platform/context.ts';
import { notFound, Problem } from '../../platform/errors.ts';
import { appendAudit, auditActor } from '../audit/index.ts';
import { derivedAgencyCode, unitOf } from '../units/index.ts';

/**
 * Each commune's agency identifier (QCVN 102:2016/BTTTT form, Circular 10/2016/TT-BTTTT), the first
 * part of its dossier codes (Circular 01/2018/TT-VPCP art. 19). A system administrator records the
 * one the province assigned; until then the default derivation applies (units/agency.ts).
 * Separate from the units module because it writes the audit log, which reads units.
 */
export class AgenciesService {
  constructor(private readonly ctx: AppContext) {}

  private commune(unitCode: string) {
    const unit = unitOf(unitCode);
    if (!unit?.provinceCode) throw notFound('xã, phường', 'Commune', unitCode);
    return unit;
  }

  async get(unitCode: string): Promise<UnitAgencyCode> {
    const unit = this.commune(unitCode);
    const row = await this.ctx.db.selectFrom('unit').select('agency_code').where('code', '=', unitCode).executeTakeFirst();
    const recorded = row?.agency_code ?? null;
    return { unitCode, unitName: unit.fullName, agencyCode: recorded ?? derivedAgencyCode(unitCode), derived: recorded === null };
  }

  async set(actor: Actor, unitCode: string, body: AgencyCodeBody): Promise<UnitAgencyCode> {
    this.commune(unitCode);
    const agencyCode = body.agencyCode.trim().toUpperCase();
    if (!isAgencyCode(agencyCode)) {
      throw new Problem(
        422,
        'invalid_input',
        'Mã định danh cơ quan phải theo dạng QCVN 102:2016/BTTTT: V1V2V3.Z1Z2.Y1Y2.MX1X2, ví dụ 000.12.26.H26.',
        'The agency identifier must have the QCVN 102:2016/BTTTT form V1V2V3.Z1Z2.Y1Y2.MX1X2, e.g. 000.12.26.H26.',
        { field: 'agencyCode' },
      );
    }
    const now = this.ctx.clock.now();
    await this.ctx.db.transaction().execute(async (trx) => {
      const holder = await trx.selectFrom('unit').select('code').where('agency_code', '=', agencyCode).where('code', '<>', unitCode).executeTakeFirst();
      if (holder) {
        throw new Problem(
          409,
          'conflict',
          `Mã ${agencyCode} đã được gán cho đơn vị ${holder.code}.`,
          `${agencyCode} is already assigned to unit ${holder.code}.`,
          {
            field: 'agencyCode',
          },
        );
      }
      const before = await trx.selectFrom('unit').select('agency_code').where('code', '=', unitCode).executeTakeFirstOrThrow();
      await trx.updateTable('unit').set({ agency_code: agencyCode }).where('code', '=', unitCode).execute();
      await appendAudit(trx, {
        at: now,
        actor: auditActor(actor),
        action: 'unit.agency_code',
        dossierCode: null,
        detail: { unitCode, from: before.agency_code, fromDerived: before.agency_code === null ? derivedAgencyCode(unitCode) : null, to: agencyCode },
      });
    });
    return this.get(unitCode);
  }
}
