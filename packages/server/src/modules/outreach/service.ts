import type { Actor } from '../../platform/access.ts';
import type { AppContext } from '../../platform/context.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import type { DossierService } from '../dossiers/index.ts';
import type { UploadsService } from '../uploads/index.ts';
import { PLAN_ROLES } from './access.ts';
import { FieldUploads } from './chunks.ts';
import { OutreachCredentials } from './credential.ts';
import { fieldKit, returnUnusedCodes } from './kit.ts';
import { OutreachPlanning } from './planning.ts';
import { OutreachReports } from './report.ts';
import { OutreachSync, type SyncHooks } from './sync.ts';

/** The outreach capability: planning, field kits, sync, field uploads and reports. */
export class OutreachService {
  readonly planning: OutreachPlanning;
  readonly credentials: OutreachCredentials;
  readonly sync: OutreachSync;
  readonly uploads: FieldUploads;
  readonly reports: OutreachReports;

  constructor(
    private readonly ctx: AppContext,
    deps: { dossiers: DossierService; uploads: UploadsService; hooks?: SyncHooks },
  ) {
    this.planning = new OutreachPlanning(ctx);
    this.credentials = new OutreachCredentials(ctx);
    this.sync = new OutreachSync(ctx, deps.dossiers, deps.hooks);
    this.uploads = new FieldUploads(ctx, deps.uploads);
    this.reports = new OutreachReports(ctx);
  }

  kit(actor: Actor, sessionId: string, deviceId: string) {
    return fieldKit(this.ctx, this.credentials, actor, sessionId, deviceId);
  }

  returnUnusedCodes(actor: Actor, sessionId: string, deviceId: string, used: number) {
    return returnUnusedCodes(this.ctx, actor, sessionId, deviceId, used);
  }

  /** A planner of the unit, or the official the credential was issued to, may revoke it. */
  async revokeCredential(actor: Actor, id: string): Promise<void> {
    const owner = await this.credentials.sessionOf(id);
    if (!owner) throw notFound('mã truy cập lưu động', 'Outreach credential', id);
    const session = (await this.planning.store.session(owner.sessionId))!;
    const mayRevoke =
      actor.kind === 'official' &&
      actor.unitCodes.includes(session.unitCode) &&
      (actor.userId === owner.userId || PLAN_ROLES.some((r) => actor.roles.includes(r)));
    if (!mayRevoke) throw forbidden();
    await this.credentials.revoke(id);
  }
}
