import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ELSEWHERE, generateExtracts, PHU_LAM_PLACE, toCsv } from './generate.ts';

/**
 * Writes Xã Phú Lâm's demo extracts (packages/server/data/discrepancies/): the civil-status book
 * as semicolon CSV with Vietnamese headers, the population data as comma CSV. Run:
 * `npx tsx scripts/discrepancies/demo.ts`.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const hamlets = (JSON.parse(readFileSync(path.join(root, 'packages/server/data/units/demo-hamlets.json'), 'utf8')) as { unitCode: string; name: string }[])
  .filter((h) => h.unitCode === '30421')
  .map((h) => h.name);
const x = generateExtracts({ people: 400, seed: 2026, hamlets, place: PHU_LAM_PLACE, elsewhere: ELSEWHERE, rate: 0.25 });
const out = path.join(root, 'packages/server/data/discrepancies');
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'phu-lam-ho-tich.csv'), toCsv(x.civilHeader, x.civil, ';'));
writeFileSync(path.join(out, 'phu-lam-dan-cu.csv'), toCsv(x.populationHeader, x.population, ','));
const byType = new Map<string, number>();
for (const p of x.planted) byType.set(p.type, (byType.get(p.type) ?? 0) + 1);
process.stdout.write(`${x.civil.length} civil-status rows, ${x.population.length} population rows; planted: ${JSON.stringify(Object.fromEntries(byType))}\n`);
