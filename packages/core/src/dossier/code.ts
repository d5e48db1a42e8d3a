/**
 * Dossier codes (mã số hồ sơ) as Circular 01/2018/TT-VPCP art. 19(1) writes them:
 *
 *   V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX
 *
 * - V1V2V3.Z1Z2.Y1Y2.MX1X2: the receiving agency's identifier in the form of QCVN 102:2016/BTTTT
 *   (Circular 10/2016/TT-BTTTT): M a letter and X1X2 two digits for the level-1 agency (e.g. H49,
 *   the People's Committee of Quảng Ninh, whose own identifier is 000.00.00.H49), Y1Y2 level 2,
 *   Z1Z2 level 3, V1V2V3 level 4, zeros where the agency sits higher;
 * - YYMMDD: the day of receipt (two digits each for year, month, day);
 * - XXXX: the number of the dossier among those received that day, "gồm 04 ký tự số" — so a day
 *   holds at most 9,999 dossiers per agency, and nothing here ever writes a fifth digit.
 */

/** A calendar date in Vietnam, 'YYYY-MM-DD'. */
export type IsoDate = string;

export interface DossierCodeParts {
  /** The agency identifier (QCVN 102:2016 form). */
  agencyCode: string;
  intakeDate: IsoDate;
  seq: number;
}

/** XXXX has four digits (art. 19(1)): the last number a day can give. */
export const MAX_DAILY_SEQ = 9999;

/** QCVN 102:2016/BTTTT identifier: V1V2V3.Z1Z2.Y1Y2.MX1X2. */
export const AGENCY_CODE = /^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;
const ISO_DATE = /^(20\d{2})-(\d{2})-(\d{2})$/;
const CODE = /^(\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2})-(\d{2})(\d{2})(\d{2})-(\d{4})$/;

function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isAgencyCode(s: string): boolean {
  return AGENCY_CODE.test(s);
}

/** Throws RangeError on impossible parts (a number past 9,999 included): codes are built by the server from trusted values. */
export function formatDossierCode(agencyCode: string, intakeDate: IsoDate, seq: number): string {
  if (!AGENCY_CODE.test(agencyCode)) throw new RangeError(`invalid agency identifier (QCVN 102:2016 V1V2V3.Z1Z2.Y1Y2.MX1X2): ${JSON.stringify(agencyCode)}`);
  const m = ISO_DATE.exec(intakeDate);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new RangeError(`invalid intake date (YYYY-MM-DD, 2000–2099): ${JSON.stringify(intakeDate)}`);
  }
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_DAILY_SEQ) throw new RangeError(`invalid daily number (1–${MAX_DAILY_SEQ}): ${seq}`);
  return `${agencyCode}-${m[1]!.slice(2)}${m[2]}${m[3]}-${String(seq).padStart(4, '0')}`;
}

/** The parts of a well-formed code, or null. Only the canonical spelling is accepted. */
export function parseDossierCode(code: string): DossierCodeParts | null {
  const m = CODE.exec(code);
  if (!m) return null;
  const [, agencyCode, yy, mm, dd, digits] = m as unknown as [string, string, string, string, string, string];
  const year = 2000 + Number(yy);
  if (!isRealDate(year, Number(mm), Number(dd))) return null;
  const seq = Number(digits);
  if (seq < 1) return null;
  return { agencyCode, intakeDate: `${year}-${mm}-${dd}`, seq };
}

/**
 * The default identifier Motcua gives a commune that has not been configured with its real one.
 * A DERIVATION, not an official assignment: the level-1 part is 'H' + the province's statistical
 * code (QCVN 102:2016's own level-1 list numbers provinces differently, e.g. Quảng Ninh H49), and
 * the commune's place in its province (1-based, in statistical-code order) fills Y1Y2 (blocks of
 * 99) and Z1Z2 (01–99), so no field that names an existing level is 00.
 */
export function defaultAgencyCode(provinceCode: string, ordinal: number): string {
  if (!/^\d{2}$/.test(provinceCode)) throw new RangeError(`invalid province code: ${JSON.stringify(provinceCode)}`);
  if (!Number.isInteger(ordinal) || ordinal < 1 || ordinal > 99 * 99) throw new RangeError(`invalid ordinal: ${ordinal}`);
  const y = Math.floor((ordinal - 1) / 99) + 1;
  const z = ((ordinal - 1) % 99) + 1;
  return `000.${String(z).padStart(2, '0')}.${String(y).padStart(2, '0')}.H${provinceCode}`;
}

/*
 * Offline outreach codes. A field worker receives dossiers in hamlets without a connection but
 * must hand over a receipt with its code on the spot. Before the trip the server reserves a block
 * of numbers of the session's day for the agency; the app formats codes from it.
 *
 * Why codes never collide: a day's numbers 1–9,999 are shared by two users. The desk counts up
 * from 1 without gaps; reserved blocks are carved from the top down (the first block of a day is
 * 9900–9999). The desk is refused a number that a held block covers, and a block is carved only
 * above the desk's last number — both under the same lock of the (unit, day) counter row, so the
 * two never meet. A block whose numbers were not used is returned and the next block reuses them.
 */
export const RESERVED_BLOCK_SIZE = 100;

export interface ReservedCodeBlock {
  agencyCode: string;
  /** The block's number within its day (for display and logs). */
  blockIndex: number;
  firstSeq: number;
  lastSeq: number;
}

export interface SeqRange {
  firstSeq: number;
  lastSeq: number;
}

/**
 * Where the next reserved block of a day goes: the highest free run of `size` numbers above the
 * desk's last number that no held range covers, or null when the day has no such run left.
 */
export function carveReservedBlock(deskLastSeq: number, held: readonly SeqRange[], size = RESERVED_BLOCK_SIZE): SeqRange | null {
  const taken = [...held].sort((a, b) => b.firstSeq - a.firstSeq);
  let top = MAX_DAILY_SEQ;
  for (const r of [...taken, { firstSeq: 0, lastSeq: deskLastSeq }]) {
    // The free run between this range and the one above it is (r.lastSeq, top].
    if (top - r.lastSeq >= size) return { firstSeq: top - size + 1, lastSeq: top };
    top = Math.min(top, r.firstSeq - 1);
  }
  return null;
}

/** The lowest number a held block covers: the desk may not reach it (MAX_DAILY_SEQ + 1 if none). */
export function deskCeiling(held: readonly SeqRange[]): number {
  return held.reduce((low, r) => Math.min(low, r.firstSeq), MAX_DAILY_SEQ + 1);
}

/** The code for the offset-th dossier (0-based) taken in with a reserved block. */
export function codeFromReservedBlock(block: ReservedCodeBlock, intakeDate: IsoDate, offset: number): string {
  if (!Number.isInteger(offset) || offset < 0 || block.firstSeq + offset > block.lastSeq) {
    throw new RangeError(`offset ${offset} outside block ${block.blockIndex} of ${block.agencyCode}`);
  }
  return formatDossierCode(block.agencyCode, intakeDate, block.firstSeq + offset);
}
