/**
 * All tables, as Kysely sees them. Empty here because db/ knows no module: each module adds its
 * own tables by declaration merging at the end of its tables.ts (`declare module
 * '../../db/schema.ts'`), so a table's type lives with the module whose migrations create it.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by the modules' declaration merging.
export interface Database {}
