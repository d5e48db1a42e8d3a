import { carveReservedBlock, RESERVED_BLOCK_SIZE, type SeqRange } from '@motcua/core/dossier';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/**
 * A unit's day of dossier numbers, shared by the desk and offline outreach (core/dossier/code.ts
 * explains the split). The desk's counter row is the one lock: reserving takes it too, so a
 * block is carved only above the desk's last number and the desk never takes a held number.
 */

/** Holds `size` numbers of the unit's day for `holder` (idempotent per holder); null when the day has no room left. */
export async function reserveDayNumbers(trx: Db, unitCode: string, day: string, holder: string, size = RESERVED_BLOCK_SIZE): Promise<SeqRange | null> {
  // Takes the day's row lock without moving the desk's counter (0 = no desk number yet).
  const desk = await sql<{ last_seq: number }>`
    insert into dossier_daily_sequence (unit_code, day, last_seq) values (${unitCode}, ${day}, 0)
    on conflict (unit_code, day) do update set last_seq = dossier_daily_sequence.last_seq
    returning last_seq`.execute(trx);
  const held = await trx
    .selectFrom('dossier_reserved_range')
    .select(['first_seq', 'last_seq', 'holder'])
    .where('unit_code', '=', unitCode)
    .where(sql<boolean>`day = ${day}`)
    .execute();
  const mine = held.find((h) => h.holder === holder);
  if (mine) return { firstSeq: mine.first_seq, lastSeq: mine.last_seq };
  const range = carveReservedBlock(
    Number(desk.rows[0]!.last_seq),
    held.map((h) => ({ firstSeq: h.first_seq, lastSeq: h.last_seq })),
    size,
  );
  if (!range) return null;
  await trx.insertInto('dossier_reserved_range').values({ unit_code: unitCode, day, first_seq: range.firstSeq, last_seq: range.lastSeq, holder }).execute();
  return range;
}

/**
 * Gives a holder's numbers back — all of them, or those after `keepThrough` — so the desk may
 * reach them and the next block reuses them.
 */
export async function returnDayNumbers(trx: Db, holder: string, keepThrough?: number): Promise<void> {
  const range = await trx.selectFrom('dossier_reserved_range').select('first_seq').where('holder', '=', holder).executeTakeFirst();
  if (!range) return;
  if (keepThrough === undefined || keepThrough < range.first_seq) {
    await trx.deleteFrom('dossier_reserved_range').where('holder', '=', holder).execute();
  } else {
    await trx.updateTable('dossier_reserved_range').set({ last_seq: keepThrough }).where('holder', '=', holder).execute();
  }
}
