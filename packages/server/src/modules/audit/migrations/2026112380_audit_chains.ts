import { sql, type Kysely } from 'kysely';

// One hash chain per unit (see audit.ts): entries are numbered within their chain, so the key is
// (chain, id). Entries written before this migration stay, unchanged and still verifiable, in the
// chain they were written in: the single chain whose head row was already named 'audit'.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table audit_log add column chain text not null default 'audit'`.execute(db);
  await sql`alter table audit_log alter column chain drop default`.execute(db);
  await sql`alter table audit_log drop constraint audit_log_pkey`.execute(db);
  await sql`alter table audit_log add primary key (chain, id)`.execute(db);
  // The head keeps the hash it replaced, so one upsert can hand the appender both links.
  await sql`alter table audit_head add column prev_hash text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Folding per-unit chains back into one would rewrite every hash: refuse rather than lose entries.
  const other = await sql<{ n: number }>`select count(*)::int as n from audit_log where chain <> 'audit'`.execute(db);
  if (Number(other.rows[0]?.n ?? 0) > 0) throw new Error('audit_chains down: per-unit chains hold entries; cannot go back to one chain');
  await sql`delete from audit_head where name <> 'audit'`.execute(db);
  await sql`alter table audit_head drop column prev_hash`.execute(db);
  await sql`alter table audit_log drop constraint audit_log_pkey`.execute(db);
  await sql`alter table audit_log add primary key (id)`.execute(db);
  await sql`alter table audit_log drop column chain`.execute(db);
}
