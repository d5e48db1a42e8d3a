import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/**
 * Rows in every table of the schema, in one statement (cheap enough to take around every request
 * of a fuzz run). A request that was refused must leave all of them as they were.
 */
export async function rowCounts(db: Db, options: { exclude?: string[] } = {}): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema() order by tablename`.execute(db);
  const names = tables.rows.map((r) => r.name).filter((n) => !n.startsWith('kysely_') && !(options.exclude ?? []).includes(n));
  if (!names.length) return {};
  const q = (n: string) => `"${n.replace(/"/g, '""')}"`;
  const select = names.map((n) => `(select count(*) from ${q(n)})::int as ${q(n)}`).join(', ');
  const r = await sql.raw<Record<string, number>>(`select ${select}`).execute(db);
  return r.rows[0] ?? {};
}

/** Tables whose count differs between two snapshots, as "table: before → after". */
export function rowCountChanges(before: Record<string, number>, after: Record<string, number>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => before[n] !== after[n]).map((n) => `${n}: ${before[n] ?? 0} → ${after[n] ?? 0}`);
}
