// Register numbers (số, quyển) printed on result documents. Each unit keeps one register of each
// kind per calendar year, numbered from 1 without gaps: Decree 30/2020/NĐ-CP art. 15(1) for the
// unit's outgoing documents (numbered "from 01 on 1 January to 31 December"); the civil-status
// books (sổ hộ tịch, Law on Civil Status 2014) follow the same yearly sequence here. The article
// that fixes how civil-status books are numbered was not retrieved: see docs/rules.md.
import { sql } from 'kysely';
import { inTransaction, type Db } from '../../db/database.ts';
import { localParts } from './documents/index.ts';

/** Which register a document is entered in; one sequence per unit, register and year. */
export type RegisterKind = 'birth' | 'death' | 'marriage' | 'marital_status' | 'outgoing';

export const REGISTER_NAME: Record<RegisterKind, string> = {
  birth: 'Sổ đăng ký khai sinh',
  death: 'Sổ đăng ký khai tử',
  marriage: 'Sổ đăng ký kết hôn',
  marital_status: 'Sổ cấp Giấy xác nhận tình trạng hôn nhân',
  outgoing: 'Sổ đăng ký văn bản đi',
};

export interface RegisterNumber {
  register: RegisterKind;
  year: number;
  number: number;
  /**
   * "01/2026": one book per register and year. A unit that fills a book and opens a second one
   * within the year is not modelled; the civil-status registers are printed "Quyển số" only.
   */
  book: string;
}

const book = (year: number) => `01/${year}`;

/**
 * The register number of one dossier event's document: the one already drawn for that event, or
 * the next of the unit's register for the year of `at` (Vietnam time). The counter row's upsert
 * locks it until commit, so concurrent callers queue and each gets the next number; a caller that
 * loses a race for the same event rolls back its increment with the rest and reads the winner's.
 * A number is drawn before the document is rendered: a failed render keeps the entry and its retry
 * prints the same number, so every number drawn ends on exactly one document.
 */
export async function drawRegisterNumber(
  db: Db,
  req: { unitCode: string; register: RegisterKind; dossierCode: string; eventSeq: number; at: Date },
): Promise<RegisterNumber> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await inTransaction(db, async (trx) => {
        const drawn = await trx
          .selectFrom('result_register_entry')
          .select(['year', 'number'])
          .where('dossier_code', '=', req.dossierCode)
          .where('event_seq', '=', req.eventSeq)
          .where('register', '=', req.register)
          .executeTakeFirst();
        if (drawn) return { register: req.register, year: drawn.year, number: drawn.number, book: book(drawn.year) };
        const year = localParts(req.at).year;
        const r = await sql<{ last_number: number }>`
          insert into result_register_counter (unit_code, register, year, last_number)
          values (${req.unitCode}, ${req.register}, ${year}, 1)
          on conflict (unit_code, register, year) do update set last_number = result_register_counter.last_number + 1
          returning last_number`.execute(trx);
        const number = r.rows[0]!.last_number;
        await trx
          .insertInto('result_register_entry')
          .values({
            unit_code: req.unitCode,
            register: req.register,
            year,
            number,
            dossier_code: req.dossierCode,
            event_seq: req.eventSeq,
            allocated_at: req.at,
          })
          .execute();
        return { register: req.register, year, number, book: book(year) };
      });
    } catch (e) {
      // 23505: another transaction drew a number for the same event first; read it on the next pass.
      if ((e as { code?: string }).code !== '23505' || attempt >= 2) throw e;
    }
  }
}
