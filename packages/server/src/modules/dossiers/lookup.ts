import type { LookupResult } from '@motcua/core/api';
import { STATE_LABEL_VI, type DossierState } from '@motcua/core/dossier';
import type { Db } from '../../db/database.ts';
import { Problem } from '../../platform/errors.ts';
import { iso } from './clock.ts';
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

/**
 * Public status look-up (the receipt's QR code or a phone call): the code plus the applicant's
 * phone or CCCD, revealing only the progress, never personal data.
 */
export async function lookupDossier(db: Db, query: { code: string; phone?: string; idNumber?: string }, now: Date): Promise<LookupResult> {
  const row = await db.selectFrom('dossier').selectAll().where('code', '=', query.code.trim().toUpperCase()).executeTakeFirst();
  if (!row) throw noMatch();
  const phoneOk = query.phone !== undefined && normalisePhone(query.phone).length >= 9 && normalisePhone(query.phone) === normalisePhone(row.phone);
  const idOk = query.idNumber !== undefined && query.idNumber.trim() === row.id_number;
  if (!phoneOk && !idOk) throw noMatch();
  const state = row.state as DossierState;
  return {
    code: row.code,
    state,
    stateLabel: STATE_LABEL_VI[state],
    procedureName: row.procedure_name,
    receivedAt: iso(row.received_at),
    dueAt: iso(row.due_at),
    timeliness: rowTimeliness(row, now),
  };
}
