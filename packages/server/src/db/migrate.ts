import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.ts';

const modulesDir = path.resolve(import.meta.dirname, '../modules');

/**
 * Each module owns its tables: migrations live in modules/<module>/migrations/<YYYYMMDDNN>_<name>.ts
 * and run in file-name order across modules. The same files run on PGlite and PostgreSQL.
 */
class ModuleMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const mod of fs.readdirSync(modulesDir)) {
      const dir = path.join(modulesDir, mod, 'migrations');
      if (!fs.existsSync(dir)) continue;
      for (const file of fs.readdirSync(dir)) {
        if (!/^\d{10}_[\w-]+\.ts$/.test(file)) continue;
        const name = file.replace(/\.ts$/, '');
        if (out[name]) throw new Error(`Duplicate migration name ${name}`);
        out[name] = (await import(pathToFileURL(path.join(dir, file)).href)) as Migration;
      }
    }
    return out;
  }
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  // Modules add migrations independently, so a new one may sort before one already applied.
  const migrator = new Migrator({ db, provider: new ModuleMigrationProvider(), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
