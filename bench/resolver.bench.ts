// Address-resolver accuracy on the test set drawn from the merger list (scripts/units/resolver-cases.ts).
// Accuracy is not a timing: its "baseline" is the goal of issue #12, and the ratio says whether it is met.
import { resolveAddress } from '@motcua/core/units';
import { unitIndex } from '../packages/server/src/modules/units/service.ts';
import { percent, resolverCases, score } from '../scripts/units/resolver-cases.ts';
import { fmt, row } from './lib.ts';

export async function run() {
  const index = unitIndex();
  const cases = resolverCases(index);
  const resolve = (address: string) => resolveAddress(index, address);
  const rows = [];
  for (const [name, withDistrict, goal] of [
    ['resolver accuracy with district', true, 99],
    ['resolver accuracy without district', false, 97],
  ] as const) {
    // Accuracy over the cases the address decides; the others (a namesake in the same old province,
    // or an address that also reads as a valid one of today) should come back `ambiguous`.
    const decided = score(
      cases.filter((c) => c.withDistrict === withDistrict && c.determinate),
      resolve,
    );
    const pct = percent(decided.correct, decided.total);
    rows.push(
      row(
        `${name} (%, ${decided.total} cases)`,
        `${fmt(pct, 1)} (${decided.ambiguous} ambiguous, ${decided.wrong} wrong)`,
        `goal ≥ ${goal}`,
        pct >= goal ? 'met' : 'NOT met',
      ),
    );
    const open = score(
      cases.filter((c) => c.withDistrict === withDistrict && !c.determinate),
      resolve,
    );
    rows.push(
      row(
        `  undecidable by the address ${withDistrict ? 'with' : 'without'} district (${open.total} cases)`,
        `${open.ambiguous} ambiguous (${open.ambiguousWithRight} listing the right unit), ${open.correct} right, ${open.wrong} other`,
        'ambiguous',
        '',
      ),
    );
  }
  const all = score(cases, resolve);
  rows.push(row(`wrong answers above confidence 0.9 (${all.total} cases)`, String(all.wrongConfident), 'goal 0', all.wrongConfident === 0 ? 'met' : 'NOT met'));
  const collisions = score(
    cases.filter((c) => c.collision),
    resolve,
  );
  rows.push(
    row(
      `  same-name collisions, all styles (${collisions.total} cases)`,
      `${collisions.correct} right, ${collisions.ambiguous} ambiguous, ${collisions.wrong} wrong`,
      '',
      '',
    ),
  );
  return rows;
}
