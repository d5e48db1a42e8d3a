// The drills' PostgreSQL: the one `npm test` started (TEST_DATABASE_URL), else a throw-away cluster.
import { startTestPostgres } from '../scripts/test-postgres.mjs';

export async function startDrillPostgres(): Promise<{ url: string; stop(): void }> {
  if (process.env.TEST_DATABASE_URL) return { url: process.env.TEST_DATABASE_URL, stop: () => undefined };
  return startTestPostgres();
}
