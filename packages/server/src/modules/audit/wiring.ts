import type { AppContext } from '../../platform/context.ts';
import { leaderEmails } from '../identity/index.ts';
import { enqueueMail } from '../notifications/index.ts';
import { UnitStatementSigners } from '../results/index.ts';
import { AuditAnchoring, isPlatformChain, type AnchoringDeps } from './anchoring.ts';
import { publicUnit } from './index.ts';

/** The anchoring service wired to the modules it needs: results' signing keys, identity's leaders, the outbox. */
export function createAuditAnchoring(ctx: AppContext, log?: AnchoringDeps['log']): AuditAnchoring {
  const signers = new UnitStatementSigners(ctx);
  return new AuditAnchoring(ctx, {
    sign: (chain, statement) => signers.sign(chain, statement),
    leaders: (chain) => leaderEmails(ctx.db, isPlatformChain(chain) ? null : chain),
    enqueueMail,
    unitName: (chain) => publicUnit(chain)?.fullName ?? null,
    ...(log ? { log } : {}),
  });
}

export interface AnchoringJob {
  /** One round now (sign moved heads, queue due daily reports); the timer's rounds never overlap it. */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The worker process's anchoring timer (main.ts): a round at start, then every AUDIT_ANCHOR_MINUTES.
 * Several workers may run it: one anchor per head and one report per chain and day either way.
 */
export function startAuditAnchoring(ctx: AppContext, log: NonNullable<AnchoringDeps['log']>): AnchoringJob {
  const anchoring = createAuditAnchoring(ctx, log);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const round = () => {
    running = running
      .then(async () => {
        const signed = (await anchoring.anchorAll()).filter((o) => o.status === 'anchored').length;
        const mails = await anchoring.queueDailyReports();
        if (signed || mails) log.info(`audit anchoring: ${signed} head(s) signed, ${mails} daily report(s) queued`);
      })
      .catch((err: unknown) => log.error(`audit anchoring round failed: ${(err as Error).message}`));
    return running;
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void round().finally(schedule), ctx.config.audit.anchorMinutes * 60_000);
    timer.unref();
  };
  void round().finally(schedule);
  return {
    runNow: round,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
