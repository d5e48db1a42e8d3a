import { sql } from 'kysely';
import { MAX_DAILY_SEQ, type DossierEvent, type NewDossierEvent } from '@motcua/core/dossier';
import type { Db } from '../../db/database.ts';
import type { DossierTable, StoredActor } from './tables.ts';

export type StoredEvent = DossierEvent & { actor: StoredActor };
export type ProjectionRow = Omit<DossierTable, 'created_at'>;

/** A unique violation: the loser of a race on an event seq or an idempotency key. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505';
}

function eventValues(code: string, seq: number, event: NewDossierEvent, actor: StoredActor, extra: Record<string, unknown>) {
  return { dossier_code: code, seq, type: event.type, at: new Date(event.at), actor: JSON.stringify(actor), data: JSON.stringify({ ...event.data, ...extra }) };
}

/** An event just appended, exactly as events() will read it back, without reading it back. */
export function storedEvent(seq: number, event: NewDossierEvent, actor: StoredActor, extra: Record<string, unknown> = {}): StoredEvent {
  const json = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
  return { seq, type: event.type, at: new Date(event.at).toISOString(), actor: json(actor), data: json({ ...event.data, ...extra }) } as unknown as StoredEvent;
}

export class DossierStore {
  constructor(private readonly db: Db) {}

  /**
   * Next number of the unit's daily sequence, taken under the row lock of the upsert, with the
   * lowest number outreach holds that day (the desk's ceiling), read under the same lock.
   */
  async allocateSeq(trx: Db, unitCode: string, day: string): Promise<{ seq: number; ceiling: number }> {
    const r = await sql<{ last_seq: number; ceiling: number | null }>`
      insert into dossier_daily_sequence (unit_code, day, last_seq) values (${unitCode}, ${day}, 1)
      on conflict (unit_code, day) do update set last_seq = dossier_daily_sequence.last_seq + 1
      returning last_seq, (select min(first_seq) from dossier_reserved_range r where r.unit_code = ${unitCode} and r.day = ${day}) as ceiling`.execute(trx);
    const row = r.rows[0]!;
    return { seq: Number(row.last_seq), ceiling: row.ceiling === null ? MAX_DAILY_SEQ + 1 : Number(row.ceiling) };
  }

  /**
   * Claims an idempotency key. A concurrent claim of the same key waits on the unique index until
   * the first transaction ends, then sees its row (or takes the key if the first rolled back).
   */
  async claimKey(
    trx: Db,
    scope: string,
    key: string,
    requestHash: string,
  ): Promise<{ claimed: true } | { claimed: false; requestHash: string; dossierCode: string | null }> {
    const inserted = await trx
      .insertInto('idempotency_key')
      .values({ scope, key, request_hash: requestHash })
      .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (inserted) return { claimed: true };
    const row = await trx
      .selectFrom('idempotency_key')
      .select(['request_hash', 'dossier_code'])
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    return { claimed: false, requestHash: row.request_hash, dossierCode: row.dossier_code };
  }

  async appendEvent(trx: Db, code: string, seq: number, event: NewDossierEvent, actor: StoredActor, extra: Record<string, unknown> = {}): Promise<void> {
    await trx
      .insertInto('dossier_event')
      .values(eventValues(code, seq, event, actor, extra))
      .execute();
  }

  /**
   * A new dossier's first event, its projection and its idempotency key's completion in one
   * statement: intake runs this while it holds the unit's daily number, so round trips count.
   */
  async insertSubmission(
    trx: Db,
    code: string,
    event: NewDossierEvent,
    actor: StoredActor,
    extra: Record<string, unknown>,
    row: ProjectionRow,
    key: { scope: string; key: string } | null,
  ): Promise<void> {
    const withEvent = trx.with('event', (db) => db.insertInto('dossier_event').values(eventValues(code, 1, event, actor, extra)));
    if (!key) {
      await withEvent.insertInto('dossier').values(row).execute();
      return;
    }
    await withEvent
      .with('completed', (db) => db.updateTable('idempotency_key').set({ dossier_code: code }).where('scope', '=', key.scope).where('key', '=', key.key))
      .insertInto('dossier')
      .values(row)
      .execute();
  }

  async events(db: Db, code: string): Promise<StoredEvent[]> {
    const rows = await db.selectFrom('dossier_event').selectAll().where('dossier_code', '=', code).orderBy('seq').execute();
    return rows.map((r) => ({ seq: r.seq, type: r.type, at: new Date(r.at).toISOString(), actor: r.actor, data: r.data }) as unknown as StoredEvent);
  }

  async insertProjection(trx: Db, row: ProjectionRow): Promise<void> {
    await trx.insertInto('dossier').values(row).execute();
  }

  /** Rewrites the projection; the version guard makes a lost race visible instead of silent. */
  async updateProjection(trx: Db, row: ProjectionRow, previousVersion: number): Promise<boolean> {
    const { code, ...rest } = row;
    const r = await trx.updateTable('dossier').set(rest).where('code', '=', code).where('version', '=', previousVersion).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async row(code: string) {
    return this.db.selectFrom('dossier').selectAll().where('code', '=', code).executeTakeFirst();
  }

  async codesOfApplicant(idNumber: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('dossier')
      .select('code')
      .where('id_number', '=', idNumber)
      .orderBy('submitted_at', 'desc')
      .orderBy('code', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => r.code);
  }

  async countInUnits(unitCodes: string[]): Promise<number> {
    if (unitCodes.length === 0) return 0;
    const r = await this.db
      .selectFrom('dossier')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('unit_code', 'in', unitCodes)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
