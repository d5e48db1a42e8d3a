import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { CriterionTally, RatingCriterion, RatingLevel } from '@motcua/core/voice';
import { tallyOf } from '@motcua/core/voice';
import type { RatingLinkTable } from './tables.ts';

export interface NewRating {
  dossierCode: string;
  unitCode: string;
  procedureName: string;
  officialUserId: string | null;
  month: string;
  channel: string;
  comment: string | null;
  low: boolean;
  ratedAt: Date;
  scores: Partial<Record<RatingCriterion, RatingLevel>>;
}

/** Which figures to count: a commune, optionally one month and one official. */
export interface FigureFilter {
  unitCode?: string;
  provinceUnits?: string[];
  month?: string | null;
  officialUserId?: string | null;
}

/** This module's SQL; it decides nothing. */
export const ratingsStore = {
  async insert(trx: Db, r: NewRating): Promise<void> {
    await trx
      .insertInto('dossier_rating')
      .values({
        dossier_code: r.dossierCode,
        unit_code: r.unitCode,
        procedure_name: r.procedureName,
        official_user_id: r.officialUserId,
        month: r.month,
        channel: r.channel,
        comment: r.comment,
        low: r.low,
        rated_at: r.ratedAt,
      })
      .execute();
    const rows = Object.entries(r.scores).map(([criterion, level]) => ({ dossier_code: r.dossierCode, criterion, level: level as number }));
    if (rows.length > 0) await trx.insertInto('dossier_rating_score').values(rows).execute();
  },

  async rated(db: Db, codes: readonly string[]): Promise<{ dossier_code: string; rated_at: Date }[]> {
    if (codes.length === 0) return [];
    return db
      .selectFrom('dossier_rating')
      .select(['dossier_code', 'rated_at'])
      .where('dossier_code', 'in', [...codes])
      .execute();
  },

  async isRated(db: Db, code: string): Promise<boolean> {
    return (await db.selectFrom('dossier_rating').select('dossier_code').where('dossier_code', '=', code).executeTakeFirst()) !== undefined;
  },

  async addLink(db: Db, link: Omit<RatingLinkTable, 'used_at'>): Promise<void> {
    await db
      .insertInto('rating_link')
      .values({ ...link, used_at: null })
      .execute();
  },

  link(db: Db, tokenHash: string): Promise<RatingLinkTable | undefined> {
    return db.selectFrom('rating_link').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  },

  /** Spends a link; false when another request spent it first. */
  async useLink(trx: Db, tokenHash: string, at: Date): Promise<boolean> {
    const r = await trx.updateTable('rating_link').set({ used_at: at }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Counts per criterion and level, and how many ratings: nothing that tells one rating from another. */
  async tallies(db: Db, f: FigureFilter): Promise<{ ratings: number; low: number; criteria: CriterionTally[] }> {
    const where = [
      f.unitCode ? sql`r.unit_code = ${f.unitCode}` : null,
      f.provinceUnits ? (f.provinceUnits.length ? sql`r.unit_code in (${sql.join(f.provinceUnits)})` : sql`false`) : null,
      f.month ? sql`r.month = ${f.month}` : null,
      f.officialUserId ? sql`r.official_user_id = ${f.officialUserId}` : null,
    ].filter((w) => w !== null);
    const cond = where.length ? sql.join(where, sql` and `) : sql`true`;
    const head = await sql<{ n: number; low: number }>`
      select count(*)::int as n, count(*) filter (where r.low)::int as low from dossier_rating r where ${cond}`.execute(db);
    const rows = await sql<{ criterion: string; level: number; n: number }>`
      select s.criterion, s.level::int as level, count(*)::int as n
      from dossier_rating_score s join dossier_rating r on r.dossier_code = s.dossier_code
      where ${cond} group by s.criterion, s.level`.execute(db);
    return { ratings: head.rows[0]!.n, low: head.rows[0]!.low, criteria: tallyOf(rows.rows) };
  },

  /** An official's comments, newest first, without their dossiers or dates. */
  async commentsFor(db: Db, officialUserId: string, limit = 50): Promise<string[]> {
    const rows = await db
      .selectFrom('dossier_rating')
      .select('comment')
      .where('official_user_id', '=', officialUserId)
      .where('comment', 'is not', null)
      .orderBy('rated_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => r.comment!);
  },

  async lowRatings(db: Db, unitCode: string, limit = 100) {
    const rows = await db
      .selectFrom('dossier_rating')
      .select(['dossier_code', 'procedure_name', 'rated_at', 'comment'])
      .where('unit_code', '=', unitCode)
      .where('low', '=', true)
      .orderBy('rated_at', 'desc')
      .limit(limit)
      .execute();
    const scores = rows.length
      ? await db
          .selectFrom('dossier_rating_score')
          .selectAll()
          .where(
            'dossier_code',
            'in',
            rows.map((r) => r.dossier_code),
          )
          .execute()
      : [];
    return rows.map((r) => ({
      ...r,
      scores: Object.fromEntries(scores.filter((s) => s.dossier_code === r.dossier_code).map((s) => [s.criterion, Number(s.level)])),
    }));
  },
};
