import type { LookupResult } from '@motcua/core/api';
import { STATE_LABEL_VI, type DossierState } from '@motcua/core/dossier';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { Problem } from '../../platform/errors.ts';
import { inProvisionalYear, iso } from './clock.ts';
import { normalisePhone } from './intake.ts';
import { rowTimeliness } from './queue.ts';

// One message for "no such code" and "wrong phone/CCCD", so the answer does not reveal which.
const noMatch = () =>
  new Problem(
    404,
    'lookup_no_match',
    'Không tìm thấy hồ sơ khớp với mã và số điện thoại hoặc số CCCD đã nhập.',
    'No dossier matches this code with that phone number or ID number.',
  );

/** Letters and digits only, upper case: how a code typed with any spaces, dots or dashes compares. */
export function compactCode(typed: string): string {
  return typed.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Digits only, when what remains is only separators (spaces, dots, dashes); else the text as typed. */
export function compactDigits(typed: string): string {
  const trimmed = typed.trim();
  return /^[\d\s.-]+$/.test(trimmed) ? trimmed.replace(/\D/g, '') : trimmed;
}

/** The code as written first (the index on code), then by its letters and digits alone. */
async function findByTypedCode(db: Db, typed: string) {
  const exact = await db.selectFrom('dossier').selectAll().where('code', '=', typed.trim().toUpperCase()).executeTakeFirst();
  if (exact) return exact;
  const compact = compactCode(typed);
  if (compact.length < 8) return undefined;
  return db.selectFrom('dossier').selectAll().where(sql<boolean>`regexp_replace(upper(code), '[^A-Z0-9]', '', 'g') = ${compact}`).executeTakeFirst();
}

/**
 * Public status look-up (the receipt's QR code or a phone call): the code plus the applicant's
 * phone or CCCD, revealing only the progress, never personal data.
 */
export async function lookupDossier(db: Db, query: { code: string; phone?: string; idNumber?: string }, now: Date): Promise<LookupResult> {
  const row = await findByTypedCode(db, query.code);
  if (!row) throw noMatch();
  const phoneOk = query.phone !== undefined && normalisePhone(query.phone).length >= 9 && normalisePhone(query.phone) === normalisePhone(row.phone);
  // A CCCD is read as people write it on paper: "0890 9500 1234", "089.095.001.234".
  const idOk = query.idNumber !== undefined && compactDigits(query.idNumber) === row.id_number;
  if (!phoneOk && !idOk) throw noMatch();
  const state = row.state as DossierState;
  return {
    code: row.code,
    state,
    stateLabel: STATE_LABEL_VI[state],
    procedureName: row.procedure_name,
    receivedAt: iso(row.received_at),
    dueAt: iso(row.due_at),
    dueAtProvisional: inProvisionalYear(row.due_at),
    timeliness: rowTimeliness(row, now),
  };
}
