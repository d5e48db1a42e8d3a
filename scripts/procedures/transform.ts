/** Maps source records to the catalog's `Procedure` shape. Pure: no file access. */
import { fieldKeyOf } from '../../packages/core/src/catalog/search.ts';
import type { FormSchema, Procedure, ProcedureDocument } from '../../packages/core/src/catalog/types.ts';
import { foldKey } from '../../packages/core/src/text/index.ts';
import {
  FEE_EXEMPTION_FIELD,
  KNOWN_FEES,
  NO_EXEMPTION,
  claimableExemptions,
  feeDueAtFor,
  ruleFromAmount,
  type FeeRule,
} from '../../packages/core/src/fees/index.ts';
import type { SourceProcedure } from './source.ts';
import type { StatedTime } from './times.ts';

/** Local code for a procedure without a national code: 'MC-dang-ky-khai-sinh', at most 40 characters. */
export function localCode(name: string): string {
  let slug = '';
  for (const word of foldKey(name).split(' ')) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > 37) break;
    slug = next;
  }
  return `MC-${slug}`;
}

/**
 * Whether a listed document is needed in every case. The source marks conditional items in prose:
 * "(nếu có)", "nếu nộp thay", "(trường hợp …)", "(đối với …)". "nếu không có thì …" introduces an
 * alternative to a required paper, not a condition.
 */
export function isRequiredDocument(text: string): boolean {
  const withoutAlternatives = text.replace(/nếu không có thì/giu, '');
  return !/(^|[\s(])nếu[\s)]|\(trường hợp|\(đối với/iu.test(withoutAlternatives);
}

function quotedExemptions(code: string, feeNote: string, phrases: readonly string[]): string[] {
  const note = foldKey(feeNote);
  for (const phrase of phrases) {
    if (!note.includes(foldKey(phrase))) {
      throw new Error(`exemption "${phrase}" for ${code} is not in its fee note`);
    }
  }
  return [...phrases];
}

/**
 * The form with the applicant's exemption claim added (last step, optional) when the fee rule
 * has exemptions the applicant claims: the wizard and the field app then ask it like any question.
 */
export function withExemptionClaim(form: FormSchema, rule: FeeRule): FormSchema {
  const claimable = claimableExemptions(rule);
  if (claimable.length === 0) return form;
  const lastStep = Math.max(0, (form['x-steps']?.length ?? 1) - 1);
  return {
    ...form,
    properties: {
      ...form.properties,
      [FEE_EXEMPTION_FIELD]: {
        type: 'string',
        title: 'Đối tượng được miễn lệ phí (nếu có)',
        'x-title-en': 'Fee exemption claimed (if any)',
        description: 'The desk checks the evidence named for the case you choose',
        oneOf: [
          { const: NO_EXEMPTION, title: 'Không thuộc đối tượng miễn', 'x-title-en': 'None' },
          ...claimable.map((e) => ({ const: e.kind, title: e.label, 'x-title-en': e.labelEn })),
        ],
        'x-step': lastStep,
      },
    },
  };
}

export interface TransformInputs {
  forms: Readonly<Record<string, FormSchema>>;
  exemptions: Readonly<Record<string, readonly string[]>>;
  /** Times the law states where the source has none (times.ts); never overrides a source time. */
  times?: Readonly<Record<string, StatedTime>>;
}

export function toProcedure(src: SourceProcedure, { forms, exemptions, times = {} }: TransformInputs): Procedure {
  const code = src.code ?? localCode(src.name_vi);
  const baseForm = forms[code];
  if (!baseForm) throw new Error(`no form schema for ${code} ${src.name_vi}`);
  // A rule the law table states, else the single amount of the source ("null" stays unknown).
  const feeRule = KNOWN_FEES[code] ?? ruleFromAmount(src.fee_vnd.amount, src.fee_vnd.note_vi);
  const formSchema = withExemptionClaim(baseForm, feeRule);
  const documents: ProcedureDocument[] = src.required_documents_vi.map((name) => ({
    name,
    required: isRequiredDocument(name),
  }));
  const exempt = exemptions[code];
  const stated = src.processing_time.same_day || src.processing_time.working_days !== null ? undefined : times[code];
  return {
    code,
    nationalCode: src.code,
    name: src.name_vi,
    nameEn: src.name_en,
    field: src.field_vi,
    fieldEn: src.field_en,
    fieldKey: fieldKeyOf(src.field_en),
    // Same-day settlement is a time limit of zero working days; null stays "not verified".
    processingDays: src.processing_time.same_day ? 0 : (stated?.workingDays ?? src.processing_time.working_days),
    sameDay: src.processing_time.same_day,
    processingNote: stated?.noteVi ?? src.processing_time.note_vi,
    feeVnd: src.fee_vnd.amount,
    feeNote: src.fee_vnd.note_vi,
    ...(exempt ? { exemptions: quotedExemptions(code, src.fee_vnd.note_vi, exempt) } : {}),
    feeRule,
    feeDueAt: feeDueAtFor(src.online, feeRule),
    online: src.online,
    documents,
    result: src.result_vi,
    legalBasis: [...src.legal_basis],
    sources: [...src.sources],
    confidence: src.verification.confidence,
    uncertain: src.verification.uncertain ?? '',
    formSchema,
  };
}

export function toProcedures(sources: readonly SourceProcedure[], inputs: TransformInputs): Procedure[] {
  const procedures = sources.map((s) => toProcedure(s, inputs));
  const seen = new Set<string>();
  for (const p of procedures) {
    if (seen.has(p.code)) throw new Error(`duplicate procedure code ${p.code}`);
    seen.add(p.code);
  }
  const unused = Object.keys(inputs.forms).filter((code) => !seen.has(code));
  if (unused.length > 0) throw new Error(`form schemas for unknown procedures: ${unused.join(', ')}`);
  return procedures;
}
