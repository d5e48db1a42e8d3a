import { formatDate, fixFor, VERDICT_TEXT, type CivilStatusRecord, type PopulationRecord } from '@motcua/core/discrepancies';
import type { DiscrepancyImport, DiscrepancyJson, ExtractRecord } from '@motcua/core/api';
import type { ImportRow, StoredDiscrepancy } from './store.ts';

const SEX = { male: 'Nam', female: 'Nữ' } as const;

export function recordJson(r: CivilStatusRecord | PopulationRecord | null): ExtractRecord | null {
  if (!r) return null;
  const civil = 'event' in r;
  return {
    key: r.key,
    row: r.row,
    event: civil ? r.event : null,
    registrationNo: civil ? r.registrationNo : null,
    idNumber: r.idNumber,
    fullName: r.fullName,
    birthDate: formatDate(r.birthDate),
    sex: r.sex ? SEX[r.sex] : '',
    ethnicity: r.ethnicity,
    nationality: r.nationality,
    birthPlace: r.birthPlace,
    fatherName: r.fatherName,
    motherName: r.motherName,
    address: civil ? r.residence : r.permanentAddress,
    alive: civil ? null : r.alive,
    deathDate: civil && r.deathDate ? formatDate(r.deathDate) : null,
  };
}

export function discrepancyJson(row: StoredDiscrepancy, hamletNames: ReadonlyMap<string, string>): DiscrepancyJson {
  const d = row.data;
  const fields: Record<string, [string, string]> = {};
  for (const [k, v] of Object.entries(d.fields)) if (v) fields[k] = v;
  return {
    id: row.id,
    unitCode: row.unit_code,
    hamletCode: row.hamlet_code,
    hamletName: row.hamlet_code ? (hamletNames.get(row.hamlet_code) ?? null) : null,
    type: d.type,
    status: row.status,
    civil: recordJson(d.civil),
    population: recordJson(d.population),
    other: recordJson(d.other),
    fields,
    score: d.score,
    reasons: d.reasons,
    needsPerson: d.needsPerson,
    likelyRight: d.verdict.side,
    why: VERDICT_TEXT[d.verdict.reason].vi,
    whyEn: VERDICT_TEXT[d.verdict.reason].en,
    fix: fixFor(d),
    dossierCode: row.dossier_code,
    outreachSessionId: row.outreach_session_id,
    note: row.note,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export function importJson(r: ImportRow): DiscrepancyImport {
  return {
    id: r.id,
    unitCode: r.unit_code,
    kind: r.kind,
    filename: r.filename,
    state: r.state,
    rowsRead: r.rows_read,
    rowsStored: r.rows_stored,
    rowsBad: r.rows_bad,
    problems: r.problems,
    failure: r.failure,
    discrepancies: r.discrepancies,
    startedAt: new Date(r.started_at).toISOString(),
    finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
  };
}
