/** Form schema of every catalog procedure, keyed by procedure code. */
import type { FormSchema } from '../../../packages/core/src/catalog/types.ts';
import { certificationForms } from './certification.ts';
import { birthForms } from './civil-status-birth.ts';
import { marriageForms } from './civil-status-marriage.ts';
import { civilStatusOtherForms } from './civil-status-other.ts';
import { landConstructionBusinessForms } from './land-construction-business.ts';
import { residenceForms } from './residence.ts';
import { socialForms } from './social.ts';

const groups = [birthForms, marriageForms, civilStatusOtherForms, certificationForms, residenceForms, socialForms, landConstructionBusinessForms];

export const formsByCode: Readonly<Record<string, FormSchema>> = (() => {
  const all: Record<string, FormSchema> = {};
  for (const group of groups) {
    for (const [code, schema] of Object.entries(group)) {
      if (code in all) throw new Error(`form for ${code} is defined twice`);
      all[code] = schema;
    }
  }
  return all;
})();
