import { sql } from 'kysely';
import type { Procedure } from '@motcua/core/catalog';
import { withFeeRule } from '@motcua/core/fees';
import type { Db } from '../../db/database.ts';

/** Records stored before fee rules read with the rule their amount implies (core decides it). */
const doc = (p: Procedure): Procedure => withFeeRule(p);

const stampOf = (r: { version: number; updated_at: Date }) => `${r.version}:${new Date(r.updated_at).getTime()}`;

export class CatalogStore {
  constructor(private readonly db: Db) {}

  async all(): Promise<Procedure[]> {
    const rows = await this.db.selectFrom('procedure').select('document').orderBy('code').execute();
    return rows.map((r) => doc(r.document));
  }

  /** The procedures with these codes (unknown codes are left out), in code order. */
  async many(codes: readonly string[]): Promise<Procedure[]> {
    if (codes.length === 0) return [];
    const rows = await this.db
      .selectFrom('procedure')
      .select('document')
      .where('code', 'in', [...codes])
      .orderBy('code')
      .execute();
    return rows.map((r) => doc(r.document));
  }

  async get(code: string): Promise<Procedure | undefined> {
    const r = await this.db.selectFrom('procedure').select('document').where('code', '=', code).executeTakeFirst();
    return r && doc(r.document);
  }

  /** What changes whenever the row does (edits bump the version), without reading the document. */
  async stamp(code: string): Promise<string | undefined> {
    const r = await this.db.selectFrom('procedure').select(['version', 'updated_at']).where('code', '=', code).executeTakeFirst();
    return r && stampOf(r);
  }

  async getStamped(code: string): Promise<{ procedure: Procedure; stamp: string } | undefined> {
    const r = await this.db.selectFrom('procedure').select(['document', 'version', 'updated_at']).where('code', '=', code).executeTakeFirst();
    return r && { procedure: doc(r.document), stamp: stampOf(r) };
  }

  /** A cheap fingerprint so every app server notices another server's edit. */
  async fingerprint(): Promise<string> {
    const r = await sql<{ n: number; latest: Date | null; versions: number | null }>`
      select count(*)::int as n, max(updated_at) as latest, sum(version)::int as versions from procedure`.execute(this.db);
    const row = r.rows[0];
    return `${row?.n ?? 0}:${row?.latest ? new Date(row.latest).getTime() : 0}:${row?.versions ?? 0}`;
  }

  async count(): Promise<number> {
    const r = await this.db
      .selectFrom('procedure')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async insertMany(procedures: Procedure[]): Promise<void> {
    if (procedures.length === 0) return;
    await this.db
      .insertInto('procedure')
      .values(
        procedures.map((p) => ({
          code: p.code,
          national_code: p.nationalCode,
          field_key: p.fieldKey,
          online: p.online,
          document: JSON.stringify(p),
        })),
      )
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }

  async upsert(p: Procedure, by: string, now: Date): Promise<{ created: boolean }> {
    const r = await this.db
      .insertInto('procedure')
      .values({
        code: p.code,
        national_code: p.nationalCode,
        field_key: p.fieldKey,
        online: p.online,
        document: JSON.stringify(p),
        updated_by: by,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.column('code').doUpdateSet({
          national_code: p.nationalCode,
          field_key: p.fieldKey,
          online: p.online,
          document: JSON.stringify(p),
          updated_by: by,
          updated_at: now,
          version: sql`procedure.version + 1`,
        }),
      )
      .returning(sql<boolean>`(xmax = 0)`.as('created'))
      .executeTakeFirstOrThrow();
    return { created: Boolean(r.created) };
  }
}
