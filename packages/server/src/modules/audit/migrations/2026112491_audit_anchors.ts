import { sql, type Kysely } from 'kysely';

// Signed chain heads (anchors) and the daily reports that carried them to the unit's leaders.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table audit_anchor (
    chain text not null,
    entry_id bigint not null,
    head_hash text not null,
    signed_at timestamptz not null,
    algorithm text not null,
    signature text not null,
    certificate_pem text not null,
    ca_pems jsonb not null,
    signer_code text not null,
    signer_name text not null,
    primary key (chain, entry_id)
  )`.execute(db);
  await sql`create index audit_anchor_signed_idx on audit_anchor (chain, signed_at desc)`.execute(db);
  await sql`create table audit_anchor_report (
    chain text not null,
    day date not null,
    recipients integer not null,
    queued_at timestamptz not null,
    primary key (chain, day)
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table audit_anchor_report`.execute(db);
  await sql`drop table audit_anchor`.execute(db);
}
