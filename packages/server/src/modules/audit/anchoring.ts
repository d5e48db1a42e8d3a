import type { Selectable } from 'kysely';
import { inTransaction, type Db } from '../../db/database.ts';
import { systemClock, type Clock } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { GENESIS_HASH, LEGACY_CHAIN, SYSTEM_CHAIN } from './audit.ts';
import { ANCHOR_FORMAT, anchorStatement, type AnchorJson } from './anchor.ts';
import { renderDailyReport } from './report.ts';
import type { AuditAnchorTable } from './tables.ts';
import { verifySegment, type AuditProblem } from './verify.ts';

/*
 * Anchoring: the head of each chain (its last entry's id and hash) is signed with the key of the
 * chain's unit and published outside the database — the unit's public page (/xa/{code}, GET
 * /api/audit-anchors/{chain}) and a daily e-mail to its leaders. The hash chain alone cannot stop
 * someone who can write the database: they edit an entry, recompute every later hash and the head,
 * and the chain verifies. A copy of a signed head held elsewhere can: the rewritten chain no longer
 * passes through it. The audit_anchor table only serves the page and the report; an attacker with
 * the database can rewrite it too, so it proves nothing by itself.
 */

export interface SignedHead {
  algorithm: string;
  signature: string;
  certificatePem: string;
  chainPem: string[];
  signerCode: string;
  signerName: string;
}

export interface AnchoringDeps {
  /** Signs a statement with the key of the chain's unit (results module's UnitStatementSigners). */
  sign(chain: string, statement: string): Promise<SignedHead>;
  /** Who receives the chain's daily report: its unit's approvers and administrators (identity). */
  leaders(chain: string): Promise<string[]>;
  /** Queues an e-mail in the given transaction (notifications module's outbox). */
  enqueueMail(trx: Db, mail: { to: string[]; subject: string; text: string }): Promise<void>;
  /** "Xã Phú Lâm" for a unit's chain; null for the platform's own chains. */
  unitName(chain: string): string | null;
  /**
   * The moment a signature is made. Real time, not the product's injected clock (which schedules
   * the reports): certificates are valid in real time, as for the PDF signatures.
   */
  signingClock?: Clock;
  log?: { info(msg: string): void; warn(msg: string): void; error(msg: string): void };
}

export type AnchorOutcome =
  | { status: 'anchored' | 'unchanged'; chain: string; anchor: AnchorJson }
  | { status: 'failed'; chain: string; problem: AuditProblem; entryId: number; message: string; anchor: AnchorJson | null }
  | { status: 'empty'; chain: string };

/** Chains that belong to no unit: their reports go to the system administrators. */
export function isPlatformChain(chain: string): boolean {
  return chain === SYSTEM_CHAIN || chain === LEGACY_CHAIN;
}

export function anchorJson(r: Selectable<AuditAnchorTable>): AnchorJson {
  const fields = { chain: r.chain, entryId: Number(r.entry_id), headHash: r.head_hash, signedAt: new Date(r.signed_at).toISOString() };
  return {
    format: ANCHOR_FORMAT,
    ...fields,
    algorithm: r.algorithm,
    signature: r.signature,
    statement: anchorStatement(fields),
    certificate: r.certificate_pem,
    caCertificates: r.ca_pems,
    signer: r.signer_name,
  };
}

const VN_OFFSET_MS = 7 * 3600_000; // Vietnam has no daylight saving time

export class AuditAnchoring {
  private readonly db: Db;
  private readonly signingClock: Clock;

  constructor(
    private readonly ctx: AppContext,
    private readonly deps: AnchoringDeps,
  ) {
    this.db = ctx.db;
    this.signingClock = deps.signingClock ?? systemClock;
  }

  /** The chain's anchors, newest first. */
  async recent(chain: string, limit = 20): Promise<AnchorJson[]> {
    const rows = await this.db.selectFrom('audit_anchor').selectAll().where('chain', '=', chain).orderBy('entry_id', 'desc').limit(limit).execute();
    return rows.map(anchorJson);
  }

  /**
   * Signs the chain's current head, after checking the entries since its last anchor (so each
   * signature vouches for verified entries and the walk stays incremental). Idempotent per head:
   * an unchanged head keeps its anchor, and two workers signing the same head keep one.
   */
  async anchorChain(chain: string): Promise<AnchorOutcome> {
    const head = await this.db.selectFrom('audit_head').select(['last_id', 'last_hash']).where('name', '=', chain).executeTakeFirst();
    if (!head) return { status: 'empty', chain };
    const [last] = await this.recent(chain, 1);
    const to = { entryId: Number(head.last_id), hash: head.last_hash };
    const failed = (entryId: number, problem: AuditProblem, message: string): AnchorOutcome => {
      this.deps.log?.error(`audit chain ${chain}: ${message} — not signed`);
      return { status: 'failed', chain, entryId, problem, message, anchor: last ?? null };
    };
    if (last && last.entryId > to.entryId)
      return failed(
        to.entryId + 1,
        'deleted',
        `audit entries ${to.entryId + 1}..${last.entryId} are missing (deleted): the head is behind the anchor signed ${last.signedAt}`,
      );
    if (last && last.entryId === to.entryId) {
      if (last.headHash === to.hash) return { status: 'unchanged', chain, anchor: last };
      return failed(to.entryId, 'rewritten', `the head no longer matches the anchor signed ${last.signedAt}`);
    }
    const checked = await verifySegment(this.db, chain, last ? { entryId: last.entryId, hash: last.headHash } : { entryId: 0, hash: GENESIS_HASH }, to);
    if (!checked.ok) return failed(checked.entryId, checked.problem, checked.message);

    const signedAt = this.signingClock.now().toISOString();
    const s = await this.deps.sign(chain, anchorStatement({ chain, entryId: to.entryId, headHash: to.hash, signedAt }));
    await this.db
      .insertInto('audit_anchor')
      .values({
        chain,
        entry_id: to.entryId,
        head_hash: to.hash,
        signed_at: new Date(signedAt),
        algorithm: s.algorithm,
        signature: s.signature,
        certificate_pem: s.certificatePem,
        ca_pems: JSON.stringify(s.chainPem),
        signer_code: s.signerCode,
        signer_name: s.signerName,
      })
      .onConflict((oc) => oc.columns(['chain', 'entry_id']).doNothing())
      .execute();
    const stored = await this.db.selectFrom('audit_anchor').selectAll().where('chain', '=', chain).where('entry_id', '=', to.entryId).executeTakeFirstOrThrow();
    return { status: 'anchored', chain, anchor: anchorJson(stored) };
  }

  /** Chains with anchors and when each was last signed, for the list of public pages. */
  async published(): Promise<{ chain: string; lastSignedAt: string }[]> {
    const rows = await this.db
      .selectFrom('audit_anchor')
      .select(['chain', (eb) => eb.fn.max('signed_at').as('last')])
      .groupBy('chain')
      .orderBy('chain')
      .execute();
    return rows.map((r) => ({ chain: r.chain, lastSignedAt: new Date(r.last as Date).toISOString() }));
  }

  async chains(): Promise<string[]> {
    return (await this.db.selectFrom('audit_head').select('name').orderBy('name').execute()).map((r) => r.name);
  }

  /** One round of the worker: every chain whose head moved is signed; one chain's failure stops no other. */
  async anchorAll(): Promise<AnchorOutcome[]> {
    const out: AnchorOutcome[] = [];
    for (const chain of await this.chains()) {
      try {
        out.push(await this.anchorChain(chain));
      } catch (err) {
        this.deps.log?.error(`audit chain ${chain}: anchoring failed: ${(err as Error).message}`);
      }
    }
    return out;
  }

  /** The Vietnam day whose report is due at `now`: today from the report hour on, else yesterday. */
  reportDay(now: Date): string {
    const vn = new Date(now.getTime() + VN_OFFSET_MS);
    if (vn.getUTCHours() < this.ctx.config.audit.reportHour) vn.setUTCDate(vn.getUTCDate() - 1);
    return vn.toISOString().slice(0, 10);
  }

  /**
   * Queues the due daily report of every chain not yet reported that day: a fresh anchor (or the
   * last good one, with a warning when checking failed) e-mailed to the chain's leaders. The report
   * row and the outbox message commit together, so each chain gets one report a day however many
   * workers run. Returns the number of e-mails queued.
   */
  async queueDailyReports(): Promise<number> {
    const day = this.reportDay(this.ctx.clock.now());
    const done = new Set((await this.db.selectFrom('audit_anchor_report').select('chain').where('day', '=', day).execute()).map((r) => r.chain));
    let queued = 0;
    for (const chain of await this.chains()) {
      if (done.has(chain)) continue;
      try {
        const outcome = await this.anchorChain(chain);
        if (outcome.status === 'empty' || (outcome.status === 'failed' && !outcome.anchor)) continue;
        const to = await this.deps.leaders(chain);
        const mail = renderDailyReport({ outcome, unitName: this.deps.unitName(chain), publicUrl: this.ctx.config.publicUrl });
        queued += await inTransaction(this.db, async (trx) => {
          const claimed = await trx
            .insertInto('audit_anchor_report')
            .values({ chain, day, recipients: to.length, queued_at: this.ctx.clock.now() })
            .onConflict((oc) => oc.columns(['chain', 'day']).doNothing())
            .returning('chain')
            .execute();
          if (!claimed.length || !to.length) return 0;
          await this.deps.enqueueMail(trx, { to, ...mail });
          return 1;
        });
        if (!to.length) this.deps.log?.warn(`audit chain ${chain}: no approver or administrator has an e-mail address; the daily anchor was not sent`);
      } catch (err) {
        this.deps.log?.error(`audit chain ${chain}: daily report failed: ${(err as Error).message}`);
      }
    }
    return queued;
  }
}
