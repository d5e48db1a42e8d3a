/** Shape of ../shared/data/procedures/commune-procedures.json, checked on read. */

export interface SourceProcedure {
  code: string | null;
  name_vi: string;
  name_en: string;
  field_vi: string;
  field_en: string;
  level: string;
  processing_time: { working_days: number | null; same_day: boolean; note_vi: string };
  fee_vnd: { amount: number | null; note_vi: string };
  online: 'full' | 'partial' | null;
  required_documents_vi: string[];
  result_vi: string;
  legal_basis: string[];
  sources: string[];
  verification: { confidence: 'high' | 'medium' | 'low'; uncertain: string | null };
}

export interface SourceFile {
  generated: string;
  procedures: SourceProcedure[];
}

function fail(where: string, what: string): never {
  throw new Error(`commune-procedures.json ${where}: ${what}`);
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isCount = (v: unknown) => v === null || (Number.isInteger(v) && (v as number) >= 0);

/** Reject records the transform cannot map faithfully, rather than guessing. */
export function parseSource(json: unknown): SourceFile {
  const file = json as SourceFile;
  if (!file || !Array.isArray(file.procedures)) fail('root', 'missing procedures array');
  file.procedures.forEach((p, i) => {
    const at = `procedures[${i}] (${p?.code ?? p?.name_vi})`;
    if (p.code !== null && !/^\d\.\d{6}$/.test(p.code)) fail(at, `bad code ${p.code}`);
    for (const key of ['name_vi', 'name_en', 'field_vi', 'field_en', 'result_vi'] as const) {
      if (!isString(p[key])) fail(at, `${key} missing`);
    }
    const t = p.processing_time;
    if (!t || typeof t.same_day !== 'boolean' || !isCount(t.working_days) || !isString(t.note_vi)) {
      fail(at, 'bad processing_time');
    }
    if (t.same_day && t.working_days !== null) fail(at, 'both same_day and working_days set');
    if (!p.fee_vnd || !isCount(p.fee_vnd.amount) || !isString(p.fee_vnd.note_vi)) fail(at, 'bad fee_vnd');
    if (p.online !== null && p.online !== 'full' && p.online !== 'partial') fail(at, `bad online ${String(p.online)}`);
    for (const key of ['required_documents_vi', 'legal_basis', 'sources'] as const) {
      if (!isStringArray(p[key])) fail(at, `${key} is not a list of strings`);
    }
    const v = p.verification;
    if (!v || !['high', 'medium', 'low'].includes(v.confidence)) fail(at, 'bad verification.confidence');
    if (v.uncertain !== null && typeof v.uncertain !== 'string') fail(at, 'bad verification.uncertain');
  });
  return file;
}
