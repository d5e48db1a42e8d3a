import { sql, type Kysely } from 'kysely';

// An official's position (chức vụ), e.g. "Phó Chủ tịch Ủy ban nhân dân": result documents print
// it above the signer's name (Decree 30/2020/NĐ-CP, Appendix I, section II.8: the signer's title).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table official add column job_title text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table official drop column job_title`.execute(db);
}
