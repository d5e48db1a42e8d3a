/*
 * Pins what the web relies on in the wire contract (@motcua/core/api). Checked by `npm run
 * typecheck` (tsc), not run: a schema change that would silently break the pages (a renamed
 * field, a literal union widened to string) fails here even where no page reads the field yet.
 * docs/decisions.md, "The wire contract and guard rails", has the worked example.
 */
import type { Channel, Dossier, DossierState, LookupResult, Me, QueueItem, Role, Shipment, ShipmentStatus, Timeliness } from '@motcua/core/api';
import { expectTypeOf } from 'vitest';

// The pages switch on these unions (labels are Record<DossierState, …> and the like).
expectTypeOf<Dossier['state']>().toEqualTypeOf<DossierState>();
expectTypeOf<Dossier['channel']>().toEqualTypeOf<Channel>();
expectTypeOf<Dossier['timeliness']>().toEqualTypeOf<Timeliness>();
expectTypeOf<QueueItem['state']>().toEqualTypeOf<DossierState>();
expectTypeOf<LookupResult['state']>().toEqualTypeOf<DossierState>();
expectTypeOf<Shipment['status']>().toEqualTypeOf<ShipmentStatus>();
expectTypeOf<Extract<Me, { kind: 'official' }>['roles']>().toEqualTypeOf<Role[]>();

// The roles the office shows labels for: one list, in core/api.
expectTypeOf<Role>().toEqualTypeOf<'receptionist' | 'specialist' | 'approver' | 'outreach' | 'commune_admin' | 'province_viewer' | 'system_admin'>();

// The members the dossier pages read (a rename in the schema fails here first).
expectTypeOf<Dossier>().toHaveProperty('version').toEqualTypeOf<number>();
expectTypeOf<Dossier>().toHaveProperty('dueAt').toEqualTypeOf<string | null>();
expectTypeOf<Dossier>().toHaveProperty('allowedActions');
expectTypeOf<Dossier>().toHaveProperty('history');
