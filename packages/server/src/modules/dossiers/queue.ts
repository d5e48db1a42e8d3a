import { inspectText } from '../../platform/input.ts';
import { sql, type Expression, type SqlBool } from 'kysely';
import { addDays, vnDate, vnInstant } from '@motcua/core/calendar';
import type { QueuePage, QueueQuery, UnitDaySummary } from '@motcua/core/api';
import { RUNNING_STATES, timeliness, type Channel, type DossierState, type DossierView, type Timeliness } from '@motcua/core/dossier';
import { foldKey } from '@motcua/core/text';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../platform/access.ts';
import { badRequest, forbidden } from '../../platform/errors.ts';
import { isEmptyScope, unitScope, type UnitScope } from '../../platform/privacy.ts';
import { dossierClock, iso } from './clock.ts';
import type { DossierTable } from './tables.ts';
import { communesOf } from '../units/index.ts';

type Row = Pick<DossierTable, 'due_at' | 'result_ready_at' | 'paused_at' | 'closed_at'>;

/** Timeliness from the projection: the same core rule, fed the four facts it reads. */
export function rowTimeliness(r: Row, now: Date): Timeliness {
  const isoOrNull = (d: Date | null) => (d === null ? null : new Date(d).toISOString());
  const facts = {
    dueAt: isoOrNull(r.due_at),
    resultReadyAt: isoOrNull(r.result_ready_at),
    pausedAt: isoOrNull(r.paused_at),
    closure: r.closed_at === null ? null : { at: isoOrNull(r.closed_at)!, reason: null },
  };
  return timeliness(facts as DossierView, now, dossierClock);
}

const encodeCursor = (key: string, code: string) => Buffer.from(JSON.stringify([key, code])).toString('base64url');
function decodeCursor(cursor: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(v) &&
      v.length === 2 &&
      typeof v[0] === 'string' &&
      typeof v[1] === 'string' &&
      (v[0] === 'infinity' || !Number.isNaN(Date.parse(v[0]))) &&
      !inspectText(v, 'cursor')
    ) {
      return [v[0], v[1]];
    }
  } catch {
    /* fall through */
  }
  throw badRequest('Con trỏ phân trang không hợp lệ.', 'Invalid pagination cursor.', { field: 'cursor' });
}

/** Rows the caller may see the applicant of (platform/privacy.ts), optionally of one unit only. */
function scope(allowed: UnitScope, unit?: string): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [];
  if (allowed.all) parts.push(sql<SqlBool>`true`);
  if (allowed.units.length) parts.push(sql<SqlBool>`d.unit_code in (${sql.join(allowed.units)})`);
  // A province's communes come from the units module's index, not a join on its table.
  const communes = allowed.provinces.flatMap((p) => communesOf(p));
  if (communes.length) parts.push(sql<SqlBool>`d.unit_code in (${sql.join(communes)})`);
  else if (allowed.provinces.length) parts.push(sql<SqlBool>`false`);
  const seen = sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
  return unit === undefined ? seen : sql<SqlBool>`(d.unit_code = ${unit} and ${seen})`;
}

/** The office work queue: filtered, scoped, keyset-paginated. */
export async function workQueue(db: Db, actor: Actor, query: QueueQuery, now: Date, options: { procedureCodes?: readonly string[] } = {}): Promise<QueuePage> {
  if (actor.kind !== 'official') throw forbidden();
  // Each row shows the applicant's name: only units where the caller may see identities.
  const allowed = unitScope(actor, 'identity');
  if (isEmptyScope(allowed)) return { items: [], nextCursor: null };
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 100);
  const byDue = (query.sort ?? 'dueAt') === 'dueAt';
  // A dossier filed online has no due date until the desk receives it; it waits since it was sent,
  // so it sorts by that moment among the due dates instead of last ("Chưa có hạn" at the bottom).
  const sortExpr = byDue ? sql`coalesce(d.due_at, d.submitted_at)` : sql`coalesce(d.received_at, d.submitted_at)`;
  const where: Expression<SqlBool>[] = [scope(allowed, query.unit)];
  if (query.state?.length) where.push(sql<SqlBool>`d.state in (${sql.join(query.state)})`);
  if (query.procedure) where.push(sql<SqlBool>`d.procedure_code = ${query.procedure}`);
  if (query.channel) where.push(sql<SqlBool>`d.channel = ${query.channel}`);
  if (query.hamlet) where.push(sql<SqlBool>`d.hamlet = ${query.hamlet}`);
  if (query.dueBefore) {
    // The schema's pattern has the shape of a date-time, not its sense: 2026-38-63 matches too.
    const due = new Date(query.dueBefore);
    if (Number.isNaN(due.getTime()))
      throw badRequest(`Thời hạn "${query.dueBefore}" không phải ngày giờ có thật.`, `"${query.dueBefore}" is not a real date and time.`, {
        field: 'dueBefore',
      });
    where.push(sql<SqlBool>`d.due_at < ${due}`);
  }
  if (query.late) where.push(sql<SqlBool>`d.state in (${sql.join([...RUNNING_STATES])}) and d.due_at < ${now}`);
  if (query.assignedToMe) where.push(sql<SqlBool>`d.assignee_user_id = ${actor.userId}`);
  const q = query.q?.trim();
  if (q) {
    const folded = foldKey(q);
    // A CCCD matches exactly; otherwise a code prefix or words of the name without diacritics.
    if (/^\d{12}$/.test(q)) where.push(sql<SqlBool>`d.id_number = ${q}`);
    else {
      // …or the procedure's name ("khai sinh"), as the catalog's search reads it (options.procedureCodes).
      const byProcedure = options.procedureCodes?.length ? sql<SqlBool>`d.procedure_code in (${sql.join([...options.procedureCodes])})` : sql<SqlBool>`false`;
      where.push(
        sql<SqlBool>`(d.code like ${`${q.toUpperCase().replace(/[%_\\]/g, '')}%`} or (${folded} <> '' and d.search_key like ${`%${folded}%`}) or ${byProcedure})`,
      );
    }
  }
  if (query.cursor) {
    const [key, code] = decodeCursor(query.cursor);
    const k = key === 'infinity' ? sql`'infinity'::timestamptz` : sql`${new Date(key)}::timestamptz`;
    where.push(byDue ? sql<SqlBool>`(${sortExpr}, d.code) > (${k}, ${code})` : sql<SqlBool>`(${sortExpr}, d.code) < (${k}, ${code})`);
  }
  const dir = byDue ? sql`asc` : sql`desc`;
  const rows = await sql<DossierTable & { sort_key: Date | string }>`
    select d.*, ${sortExpr} as sort_key from dossier d
    where ${sql.join(where, sql` and `)}
    order by ${sortExpr} ${dir}, d.code ${dir}
    limit ${limit + 1}`.execute(db);
  const page = rows.rows.slice(0, limit);
  const last = page[page.length - 1];
  const keyOf = (r: { sort_key: Date | string }) =>
    r.sort_key instanceof Date
      ? r.sort_key.toISOString()
      : String(r.sort_key) === 'infinity' || !Number.isFinite(Date.parse(String(r.sort_key)))
        ? 'infinity'
        : new Date(String(r.sort_key)).toISOString();
  return {
    items: page.map((r) => ({
      code: r.code,
      state: r.state as DossierState,
      unitCode: r.unit_code,
      channel: r.channel as Channel,
      procedureCode: r.procedure_code,
      procedureName: r.procedure_name,
      applicantName: r.full_name,
      hamlet: r.hamlet,
      receivedAt: iso(r.received_at),
      dueAt: iso(r.due_at),
      timeliness: rowTimeliness(r, now),
      assigneeUserId: r.assignee_user_id,
    })),
    nextCursor: rows.rows.length > limit && last ? encodeCursor(keyOf(last), last.code) : null,
  };
}

/** Today's counts (Vietnam day) for a unit's dashboard. */
export async function unitSummary(db: Db, unitCode: string, now: Date): Promise<UnitDaySummary> {
  const day = vnDate(now);
  const start = vnInstant(day, '00:00');
  const end = vnInstant(addDays(day, 1), '00:00');
  const running = sql.join([...RUNNING_STATES]);
  const r = await sql<Record<Exclude<keyof UnitDaySummary, 'unitCode' | 'day'>, number>>`
    select
      count(*) filter (where received_at >= ${start} and received_at < ${end})::int as "receivedToday",
      count(*) filter (where state in (${running}) and due_at >= ${start} and due_at < ${end})::int as "dueToday",
      count(*) filter (where state in (${running}) and due_at < ${now})::int as "late",
      count(*) filter (where returned_at >= ${start} and returned_at < ${end})::int as "returnedToday",
      count(*) filter (where state in (${running}))::int as "inProgress",
      count(*) filter (where state = 'submitted')::int as "awaitingCheck",
      count(*) filter (where state = 'supplement_requested')::int as "awaitingSupplement",
      count(*) filter (where state = 'pending_approval')::int as "awaitingApproval"
    from dossier where unit_code = ${unitCode}`.execute(db);
  const c = r.rows[0]!;
  return { unitCode, day, ...Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Number(v)])) } as UnitDaySummary;
}
