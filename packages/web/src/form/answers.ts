import type { Language } from '../i18n/index.ts';
import { choiceTitle, fieldTitle, type FormScalarField, type FormSchema } from './schema.ts';

export interface AnswerLine {
  name: string;
  title: string;
  /** null when the question was left blank. */
  text: string | null;
}

export interface AnswerGroup {
  name: string;
  title: string;
  rows: AnswerLine[][];
}

export type Answer = ({ kind: 'line' } & AnswerLine) | ({ kind: 'group' } & AnswerGroup);

function dateText(iso: string, lang: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  // Vietnamese and British readers both write day/month/year.
  return lang === 'vi' || lang === 'en' ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

function scalarText(field: FormScalarField, value: unknown, lang: Language, yesNo: { yes: string; no: string }): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (field.type === 'boolean') return value === true ? yesNo.yes : yesNo.no;
  if (field.type === 'string' && field.oneOf) {
    const choice = field.oneOf.find((c) => c.const === value);
    return choice ? choiceTitle(choice, lang) : String(value);
  }
  if (field.type === 'string' && field.format === 'date' && typeof value === 'string') return dateText(value, lang);
  if (typeof value === 'number') return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(value);
  return String(value);
}

/**
 * Answers in the schema's order with its titles and choice labels: the review page and the
 * officials' dossier page show what was asked, not property names and codes.
 */
export function describeAnswers(
  schema: FormSchema,
  value: Record<string, unknown>,
  lang: Language,
  yesNo: { yes: string; no: string },
  names: readonly string[] = Object.keys(schema.properties),
): Answer[] {
  const out: Answer[] = [];
  for (const name of names) {
    const field = schema.properties[name];
    if (!field) continue;
    const title = fieldTitle(field, lang);
    if (field.type === 'array') {
      const rows = Array.isArray(value[name]) ? (value[name] as Record<string, unknown>[]) : [];
      out.push({
        kind: 'group',
        name,
        title,
        rows: rows.map((row) =>
          Object.entries(field.items.properties).map(([key, child]) => ({
            name: key,
            title: fieldTitle(child, lang),
            text: scalarText(child, row?.[key], lang, yesNo),
          })),
        ),
      });
    } else {
      out.push({ kind: 'line', name, title, text: scalarText(field, value[name], lang, yesNo) });
    }
  }
  // Answers the schema no longer knows (a form changed after filing) are still shown, untitled.
  for (const [name, v] of Object.entries(value)) {
    if (!(name in schema.properties) && names.length === Object.keys(schema.properties).length) {
      out.push({ kind: 'line', name, title: name, text: typeof v === 'object' ? JSON.stringify(v) : String(v) });
    }
  }
  return out;
}
