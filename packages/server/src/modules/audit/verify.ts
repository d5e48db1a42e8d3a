import type { Db } from '../../db/database.ts';
import { entryHash, GENESIS_HASH, type AuditEntry } from './audit.ts';

/** A head the chain must pass through: a published signed anchor, or one kept in audit_anchor. */
export interface AnchorPoint {
  chain: string;
  entryId: number;
  headHash: string;
  signedAt: string;
  /** Where the anchor came from (file, URL, 'audit_anchor'), for the message. */
  source: string;
}

export type AuditProblem = 'edited' | 'deleted' | 'rewritten';

export type VerifyResult =
  | { ok: true; entries: number; chains: number; anchors: number }
  | { ok: false; entries: number; chain: string; entryId: number; problem: AuditProblem; message: string };

type Failure = { ok: false; entries: number; entryId: number; problem: AuditProblem; message: string };
type ChainResult = { ok: true; entries: number; anchors: number } | Failure;

export interface VerifyOptions {
  /** Entries read per query (default 1000). */
  batch?: number;
  /** Heads the chains must pass through; an anchor on a chain that is gone is a deletion. */
  anchors?: AnchorPoint[];
}

/**
 * Walks every chain in id order (chains by name) and names the first entry that was edited or
 * deleted, or the first anchor the chain no longer passes through (a tail rewritten together with
 * its hashes and head). A chain with entries but no head, or a head whose chain lost its newest
 * entries, fails.
 *
 * Correct while the server writes: appends hand out a chain's ids under its head row lock, so they
 * commit in id order and any read sees a prefix of each chain. The bulk is read in short batches
 * outside any transaction (writers are never held up for long: on PGlite every transaction holds
 * the only connection); the last batches and the head are read in one REPEATABLE READ READ ONLY
 * snapshot, so the head compared is the one those entries end at.
 */
export async function verifyAuditChain(db: Db, options: number | VerifyOptions = {}): Promise<VerifyResult> {
  const { batch = 1000, anchors = [] } = typeof options === 'number' ? { batch: options } : options;
  const logged = await db.selectFrom('audit_log').select('chain').distinct().execute();
  const heads = await db.selectFrom('audit_head').select('name').execute();
  const chains = [...new Set([...logged.map((r) => r.chain), ...heads.map((h) => h.name), ...anchors.map((a) => a.chain)])].sort();
  let entries = 0;
  let anchorsPassed = 0;
  for (const chain of chains) {
    const own = anchors.filter((a) => a.chain === chain).sort((a, b) => a.entryId - b.entryId);
    const r = await verifyChain(db, chain, own, batch);
    if (!r.ok) return { ...r, entries: entries + r.entries, chain, message: `chain ${chain}: ${r.message}` };
    entries += r.entries;
    anchorsPassed += r.anchors;
  }
  return { ok: true, entries, chains: chains.length, anchors: anchorsPassed };
}

/** Where a walk stands: the next id expected, the hash it must link to, the anchors still ahead. */
class Walk {
  expectedId: number;
  prevHash: string;
  private next = 0;
  /** The last entry an anchor confirmed (the start of the range a later mismatch incriminates). */
  private confirmed: number;

  constructor(
    start: { entryId: number; hash: string },
    private readonly anchors: AnchorPoint[] = [],
  ) {
    this.expectedId = start.entryId + 1;
    this.prevHash = start.hash;
    this.confirmed = start.entryId;
    while (this.anchors[this.next] && this.anchors[this.next]!.entryId <= start.entryId) this.next++;
  }

  get verified(): number {
    return this.expectedId - 1;
  }

  get anchorsPassed(): number {
    return this.next;
  }

  get pendingAnchor(): AnchorPoint | undefined {
    return this.anchors[this.next];
  }

  fail(entryId: number, problem: AuditProblem, message: string): Failure {
    return { ok: false, entries: this.verified, entryId, problem, message };
  }

  /** Checks rows in id order; a failure, or null when they extend the chain. */
  check(rows: AuditRow[]): Failure | null {
    for (const r of rows) {
      const id = Number(r.id);
      if (id !== this.expectedId) return this.fail(this.expectedId, 'deleted', `audit entry ${this.expectedId} is missing (deleted)`);
      if (r.prev_hash !== this.prevHash) {
        // The previous entry was rewritten together with its own hash; only the link betrays it.
        return this.fail(id - 1, 'edited', `audit entry ${id - 1} was altered (entry ${id} no longer links to it)`);
      }
      const entry: AuditEntry = { at: new Date(r.at), actor: r.actor, action: r.action, dossierCode: r.dossier_code, detail: r.detail };
      if (entryHash(this.prevHash, id, entry) !== r.hash) return this.fail(id, 'edited', `audit entry ${id} was altered (hash mismatch)`);
      for (let a = this.pendingAnchor; a && a.entryId === id; a = this.pendingAnchor) {
        // Every entry here hashes and links correctly, yet the chain does not pass through the signed
        // head: entries after the last confirmed anchor were rewritten and their hashes recomputed.
        if (a.headHash !== r.hash) {
          return this.fail(
            id,
            'rewritten',
            `audit entries ${this.confirmed + 1}..${id} were rewritten: the chain's hash at entry ${id} is ${r.hash.slice(0, 16)}…, the anchor signed ${a.signedAt} (${a.source}) says ${a.headHash.slice(0, 16)}…`,
          );
        }
        this.confirmed = id;
        this.next++;
      }
      this.prevHash = r.hash;
      this.expectedId++;
    }
    return null;
  }
}

type AuditRow = Awaited<ReturnType<typeof readBatch>>[number];

function readBatch(db: Db, chain: string, fromId: number, batch: number, toId?: number) {
  let q = db.selectFrom('audit_log').selectAll().where('chain', '=', chain).where('id', '>=', fromId);
  if (toId !== undefined) q = q.where('id', '<=', toId);
  return q.orderBy('id').limit(batch).execute();
}

/** Reads and checks batches until one comes back short, or the walk has passed toId. */
async function walkBatches(db: Db, chain: string, walk: Walk, batch: number, toId?: number): Promise<Failure | null> {
  for (;;) {
    if (toId !== undefined && walk.expectedId > toId) return null;
    const rows = await readBatch(db, chain, walk.expectedId, batch, toId);
    const failed = walk.check(rows);
    if (failed) return failed;
    if (rows.length < batch) return null;
  }
}

async function verifyChain(db: Db, chain: string, anchors: AnchorPoint[], batch: number): Promise<ChainResult> {
  const walk = new Walk({ entryId: 0, hash: GENESIS_HASH }, anchors);
  // Outside the snapshot, walk only up to the head committed now: a chain that grows faster than
  // the walk reads would otherwise never let it finish. What is appended meanwhile is bounded and
  // read in the snapshot.
  const target = await db.selectFrom('audit_head').select('last_id').where('name', '=', chain).executeTakeFirst();
  const early = target ? await walkBatches(db, chain, walk, batch, Number(target.last_id)) : null;
  if (early) return early;
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const snapshot = trx as unknown as Db;
      const head = await snapshot.selectFrom('audit_head').select(['last_id', 'last_hash']).where('name', '=', chain).executeTakeFirst();
      const failed = await walkBatches(snapshot, chain, walk, batch);
      if (failed) return failed;
      const lastId = walk.verified;
      // Every append writes the head, so entries without one mean the head row was deleted.
      if (!head && lastId > 0) return walk.fail(lastId, 'deleted', `the head of the chain is missing (deleted) after audit entry ${lastId}`);
      if (head && Number(head.last_id) > lastId) return walk.fail(lastId + 1, 'deleted', `audit entries ${lastId + 1}..${head.last_id} are missing (deleted)`);
      if (head && head.last_hash !== walk.prevHash) return walk.fail(lastId, 'edited', `audit entry ${lastId} was altered (does not match the recorded head)`);
      const beyond = walk.pendingAnchor;
      if (beyond) {
        return walk.fail(
          lastId + 1,
          'deleted',
          `audit entries ${lastId + 1}..${beyond.entryId} are missing (deleted): the anchor signed ${beyond.signedAt} (${beyond.source}) vouches for entry ${beyond.entryId}`,
        );
      }
      return { ok: true, entries: lastId, anchors: walk.anchorsPassed };
    });
}

export type SegmentResult = { ok: true } | { ok: false; entryId: number; problem: AuditProblem; message: string };

/**
 * Checks that a chain runs from `from` (an earlier anchor, or the genesis at entry 0) to `to` (a
 * head that was read committed, so every entry up to it is committed and visible): what the
 * anchoring job verifies before it signs a new head, so each signature vouches for checked entries.
 */
export async function verifySegment(
  db: Db,
  chain: string,
  from: { entryId: number; hash: string },
  to: { entryId: number; hash: string },
  batch = 1000,
): Promise<SegmentResult> {
  const walk = new Walk(from);
  const failed = await walkBatches(db, chain, walk, batch, to.entryId);
  if (failed) return failed;
  if (walk.verified < to.entryId)
    return { ok: false, entryId: walk.expectedId, problem: 'deleted', message: `audit entries ${walk.expectedId}..${to.entryId} are missing (deleted)` };
  if (walk.prevHash !== to.hash)
    return { ok: false, entryId: to.entryId, problem: 'edited', message: `audit entry ${to.entryId} was altered (does not match the recorded head)` };
  return { ok: true };
}
