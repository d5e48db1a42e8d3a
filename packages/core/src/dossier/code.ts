/**
 * Dossier codes in the national one-stop format AGENCYCODE-YYMMDD-NNNN: the receiving unit's
 * code, the intake date in Vietnam, and that unit's sequence for the day, zero-padded to 4 digits
 * (more digits once past 9999). Agency codes may contain dots or hyphens (e.g. "000.00.21.H26"),
 * so parsing reads from the right.
 */

/** A calendar date in Vietnam, 'YYYY-MM-DD'. */
export type IsoDate = string;

export interface DossierCodeParts {
  unitCode: string;
  intakeDate: IsoDate;
  seq: number;
}

const AGENCY = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;
const ISO_DATE = /^(20\d{2})-(\d{2})-(\d{2})$/;
const CODE = /^(.+)-(\d{2})(\d{2})(\d{2})-(\d{4,})$/;

function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Throws RangeError on impossible parts: codes are built by the server from trusted values. */
export function formatDossierCode(unitCode: string, intakeDate: IsoDate, seq: number): string {
  if (!AGENCY.test(unitCode)) throw new RangeError(`invalid agency code: ${JSON.stringify(unitCode)}`);
  const m = ISO_DATE.exec(intakeDate);
  if (!m || !isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new RangeError(`invalid intake date (YYYY-MM-DD, 2000–2099): ${JSON.stringify(intakeDate)}`);
  }
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`invalid sequence: ${seq}`);
  return `${unitCode}-${m[1]!.slice(2)}${m[2]}${m[3]}-${String(seq).padStart(4, '0')}`;
}

/** The parts of a well-formed code, or null. Only the canonical spelling is accepted. */
export function parseDossierCode(code: string): DossierCodeParts | null {
  const m = CODE.exec(code);
  if (!m) return null;
  const [, unitCode, yy, mm, dd, digits] = m as unknown as [string, string, string, string, string, string];
  const year = 2000 + Number(yy);
  if (!AGENCY.test(unitCode) || !isRealDate(year, Number(mm), Number(dd))) return null;
  // "012345" would format as "12345": reject it so each dossier has exactly one code.
  if (digits.length > 4 && digits.startsWith('0')) return null;
  const seq = Number(digits);
  if (seq < 1 || !Number.isSafeInteger(seq)) return null;
  return { unitCode, intakeDate: `${year}-${mm}-${dd}`, seq };
}

/*
 * Offline outreach codes. A field worker receives dossiers in hamlets without a connection but
 * must hand over a receipt with its code on the spot. Before the trip the server reserves a block
 * of sequence numbers for the unit; the app formats codes from it with the actual intake date.
 *
 * Why codes never collide: the server's own daily sequence stays below RESERVED_SEQ_START (a
 * commune takes nowhere near 5,000 dossiers a day), while reserved sequences start there, and
 * each block index is handed out once per unit (a counter on the server), so no reserved number
 * is ever issued twice for the unit — whatever day it ends up being used.
 */
export const RESERVED_SEQ_START = 5000;
export const RESERVED_BLOCK_SIZE = 100;

export interface ReservedCodeBlock {
  unitCode: string;
  blockIndex: number;
  firstSeq: number;
  lastSeq: number;
}

export function reservedCodeBlock(unitCode: string, blockIndex: number): ReservedCodeBlock {
  if (!AGENCY.test(unitCode)) throw new RangeError(`invalid agency code: ${JSON.stringify(unitCode)}`);
  if (!Number.isSafeInteger(blockIndex) || blockIndex < 0) throw new RangeError(`invalid block index: ${blockIndex}`);
  const firstSeq = RESERVED_SEQ_START + blockIndex * RESERVED_BLOCK_SIZE;
  return { unitCode, blockIndex, firstSeq, lastSeq: firstSeq + RESERVED_BLOCK_SIZE - 1 };
}

/** The code for the offset-th dossier (0-based) taken in with a reserved block. */
export function codeFromReservedBlock(block: ReservedCodeBlock, intakeDate: IsoDate, offset: number): string {
  if (!Number.isInteger(offset) || offset < 0 || block.firstSeq + offset > block.lastSeq) {
    throw new RangeError(`offset ${offset} outside block ${block.blockIndex} of ${block.unitCode}`);
  }
  return formatDossierCode(block.unitCode, intakeDate, block.firstSeq + offset);
}

/** Whether a sequence number belongs to the reserved (offline) range rather than the server's. */
export function isReservedSeq(seq: number): boolean {
  return seq >= RESERVED_SEQ_START;
}
