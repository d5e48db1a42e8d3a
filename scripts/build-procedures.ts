/**
 * Builds packages/server/data/procedures.json from the curated source data
 * (../shared/data/procedures/commune-procedures.json) and the form schemas in scripts/procedures.
 * Run: npx tsx scripts/build-procedures.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exemptionsByCode } from './procedures/exemptions.ts';
import { statedTimes } from './procedures/times.ts';
import { formsByCode } from './procedures/forms/index.ts';
import { parseSource } from './procedures/source.ts';
import { toProcedures } from './procedures/transform.ts';
import { validateFormSchemas } from './procedures/validate.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SOURCE_PATH = resolve(repoRoot, '../shared/data/procedures/commune-procedures.json');
export const OUTPUT_PATH = resolve(repoRoot, 'packages/server/data/procedures.json');

export function buildProceduresFromFile(sourcePath = SOURCE_PATH) {
  const source = parseSource(JSON.parse(readFileSync(sourcePath, 'utf8')));
  const procedures = toProcedures(source.procedures, { forms: formsByCode, exemptions: exemptionsByCode, times: statedTimes });
  validateFormSchemas(procedures);
  return procedures;
}

export function serialise(procedures: unknown): string {
  return `${JSON.stringify(procedures, null, 2)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const procedures = buildProceduresFromFile();
  writeFileSync(OUTPUT_PATH, serialise(procedures));
  const national = procedures.filter((p) => p.nationalCode !== null).length;
  console.log(`wrote ${procedures.length} procedures (${national} with national codes) to ${OUTPUT_PATH}`);
}
