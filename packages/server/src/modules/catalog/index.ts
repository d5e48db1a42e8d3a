import type { Procedure } from '@motcua/core/catalog';
import type { Db } from '../../db/database.ts';
import { CatalogStore } from './store.ts';

/** The catalog module's port: procedures are read through here, never from the `procedure` table. */
export { CatalogService } from './service.ts';
export { catalogRoutes } from './routes.ts';

/** The procedures with these codes as they stand now (unknown codes are left out), in code order. */
export function proceduresOf(db: Db, codes: readonly string[]): Promise<Procedure[]> {
  return new CatalogStore(db).many(codes);
}
