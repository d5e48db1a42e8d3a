/**
 * The drills (issue #10): operator and attacker exercises that live in the project. Each drill is
 * a module exporting `run(options)`; `npm run drill` runs them all in full and prints one table,
 * and `drill/*.test.ts` runs the short version inside `npm test`. A drill reports what it counted;
 * `failures` lists every broken guarantee (empty = the drill passed).
 */
export interface DrillOptions {
  /** Which engine the server under test runs on. */
  engine: 'postgres' | 'pglite';
  /** Full size (npm run drill) or the short version that runs inside npm test. */
  full: boolean;
  /** An admin URL of a PostgreSQL server the drill may create databases on (postgres engine). */
  postgresUrl?: string;
  /** Progress lines (the full run prints them; tests keep them quiet). */
  log?: (line: string) => void;
}

export interface DrillReport {
  drill: string;
  engine: DrillOptions['engine'];
  /** Figure name → value, printed as one table row per drill and engine. */
  figures: Record<string, number | string>;
  failures: string[];
}

export type Drill = (options: DrillOptions) => Promise<DrillReport>;
