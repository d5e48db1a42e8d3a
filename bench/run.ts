// `npm run bench`: every benchmark reports its figure beside a baseline measured in the same run,
// on the same machine, so the ratio means something on any hardware.
const suites: Record<string, () => Promise<{ benchmark: string; motcua: string; baseline: string; ratio: string }[]>> = {
  'catalog and units': async () => (await import('./catalog-units.bench.ts')).run(),
  'address resolver accuracy': async () => (await import('./resolver.bench.ts')).run(),
  'dossiers on PostgreSQL': async () => (await import('./dossiers.bench.ts')).run(),
  'field sync over a slow link': async () => (await import('./field-sync.bench.ts')).run(),
  'web bundle': async () => (await import('./web-bundle.bench.ts')).run(),
  'civil status against population data': async () => (await import('./discrepancies.bench.ts')).run(),
};

const only = process.argv.slice(2);
let failed = false;
for (const [name, suite] of Object.entries(suites)) {
  if (only.length && !only.some((o) => name.includes(o))) continue;
  console.log(`\n== ${name} ==`);
  try {
    console.table(await suite());
  } catch (e) {
    failed = true;
    console.error(`${name} failed: ${(e as Error).message}`);
  }
}
process.exit(failed ? 1 : 0);
export {};
