/**
 * Checks a procedure's form schema: Ajv 2020-12 compiles it in strict mode, and the house rules
 * for wizard forms hold (bilingual labels, steps, no applicant identity).
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import type { FormField, FormSchema } from '../../packages/core/src/catalog/types.ts';

/** Annotation keywords our schemas use; registered so strict mode accepts them. */
const ANNOTATIONS = ['x-step', 'x-steps', 'x-title-en', 'x-widget'];

export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addVocabulary(ANNOTATIONS);
  return ajv;
}

// The applicant's identity is carried by the dossier, never by the procedure form.
const APPLICANT_IDENTITY = /^(applicant|declarant|requester)(FullName|Name|Cccd|Phone|Address|Email|DateOfBirth|Residence)$/i;

function labelProblems(path: string, field: FormField | FormSchema['properties'][string]): string[] {
  const problems: string[] = [];
  if (!field.title?.trim()) problems.push(`${path}: missing Vietnamese title`);
  if (!field['x-title-en']?.trim() && !field.description?.trim()) problems.push(`${path}: missing English label`);
  if (field.type === 'string' && field.oneOf) {
    field.oneOf.forEach((c, i) => {
      if (!c.title.trim()) problems.push(`${path}.oneOf[${i}]: missing title`);
    });
  }
  if (field.type === 'array') {
    for (const [key, item] of Object.entries(field.items.properties)) {
      problems.push(...labelProblems(`${path}[].${key}`, item));
    }
  }
  return problems;
}

/** House-rule problems of one form schema; empty when it is fine. */
export function formSchemaProblems(schema: FormSchema): string[] {
  const problems: string[] = [];
  const steps = schema['x-steps'] ?? [];
  if (!schema.title.trim()) problems.push('missing form title');
  for (const [key, field] of Object.entries(schema.properties)) {
    problems.push(...labelProblems(key, field));
    if (APPLICANT_IDENTITY.test(key)) problems.push(`${key}: applicant identity belongs to the dossier`);
    const stepIndex = field['x-step'];
    if (steps.length > 0 && (stepIndex === undefined || !steps[stepIndex])) {
      problems.push(`${key}: x-step ${String(stepIndex)} has no entry in x-steps`);
    }
  }
  for (const key of schema.required) {
    if (!(key in schema.properties)) problems.push(`required ${key} is not a property`);
  }
  steps.forEach((s, i) => {
    if (!Object.values(schema.properties).some((f) => f['x-step'] === i)) problems.push(`step ${i} "${s.title}" is empty`);
  });
  return problems;
}

/** Compile every schema (throws on invalid JSON Schema) and collect house-rule problems. */
export function validateFormSchemas(entries: readonly { code: string; formSchema: FormSchema }[], ajv: Ajv2020 = createAjv()): Map<string, ValidateFunction> {
  const compiled = new Map<string, ValidateFunction>();
  const problems: string[] = [];
  for (const { code, formSchema } of entries) {
    try {
      compiled.set(code, ajv.compile(formSchema));
    } catch (err) {
      problems.push(`${code}: ${(err as Error).message}`);
      continue;
    }
    problems.push(...formSchemaProblems(formSchema).map((p) => `${code}: ${p}`));
  }
  if (problems.length > 0) throw new Error(`invalid form schemas:\n${problems.join('\n')}`);
  return compiled;
}
